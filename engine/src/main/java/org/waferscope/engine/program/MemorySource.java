package org.waferscope.engine.program;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A program folder held in memory: for tests, and for programs edited in the UI before saving. */
public final class MemorySource implements ProgramSource {
    private final String name;
    private final Map<String, byte[]> files = new HashMap<>();

    public MemorySource(String name, Map<String, String> textFiles) {
        this.name = name;
        textFiles.forEach((k, v) -> files.put(k, v.getBytes(StandardCharsets.UTF_8)));
    }

    public MemorySource withBytes(String file, byte[] bytes) {
        files.put(file, bytes.clone());
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Path folder() {
        return null;
    }

    @Override
    public byte[] read(String relativeName, int maxBytes) throws IOException {
        SafeNames.check(relativeName);
        byte[] b = files.get(relativeName);
        if (b == null) {
            throw new NoSuchFileException(relativeName);
        }
        if (b.length > maxBytes) {
            throw new IOException("\"" + relativeName + "\" is larger than " + maxBytes + " bytes");
        }
        return b.clone();
    }
}
