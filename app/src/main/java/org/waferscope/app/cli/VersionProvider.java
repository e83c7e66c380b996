package org.waferscope.app.cli;

import picocli.CommandLine;

/** Every command's {@code -V}: the build's version, read where Help → About reads it. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {WaferscopeCli.VERSION};
    }
}
