package org.waferscope.engine.program;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A program folder bundled on the class path, such as the samples under {@code /org/waferscope/samples/}. */
public final class ClasspathSource implements ProgramSource {
    private final ClassLoader loader;
    private final String prefix;

    /** {@code prefix} is the folder's resource path, e.g. {@code org/waferscope/samples/gemv-checkerboard}. */
    public ClasspathSource(ClassLoader loader, String prefix) {
        this.loader = loader;
        this.prefix = prefix.endsWith("/") ? prefix : prefix + "/";
    }

    @Override
    public String name() {
        String p = prefix.substring(0, prefix.length() - 1);
        return p.substring(p.lastIndexOf('/') + 1);
    }

    @Override
    public Path folder() {
        return null;
    }

    @Override
    public byte[] read(String relativeName, int maxBytes) throws IOException {
        SafeNames.check(relativeName);
        try (InputStream in = loader.getResourceAsStream(prefix + relativeName)) {
            if (in == null) {
                throw new NoSuchFileException(relativeName);
            }
            byte[] b = in.readNBytes(maxBytes + 1);
            if (b.length > maxBytes) {
                throw new IOException("\"" + relativeName + "\" is larger than " + maxBytes + " bytes");
            }
            return b;
        }
    }
}
