package org.waferscope.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --arch} and {@code --param} options of every command that loads one program, as a
 * picocli mixin so that each says them the same way (as {@link BuildOption} does for
 * {@code --build}).
 */
final class LoadParams {
    @Option(names = "--arch", paramLabel = "wse2|wse3", description = "architecture (default: run.json's, else wse2)")
    String arch;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "set a layout param (repeatable)")
    Map<String, String> params = new LinkedHashMap<>();
}
