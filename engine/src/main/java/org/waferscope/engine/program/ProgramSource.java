package org.waferscope.engine.program;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a program folder's files come from: a folder on disk, the class path (bundled
 * samples) or memory (tests). Names are relative, with '/' separators, and are checked by
 * {@link SafeNames} before any file is opened.
 */
public interface ProgramSource {
    /** Files larger than this are refused. */
    int MAX_FILE_BYTES = 64 << 20;

    /** What to call the program when no title is given (usually the folder's name). */
    String name();

    /** The folder on disk, or null. */
    Path folder();

    /**
     * The bytes of {@code relativeName}, at most {@code maxBytes} of them.
     *
     * @throws java.nio.file.NoSuchFileException if there is no such file
     * @throws IOException if it cannot be read, is too large, or leaves the folder
     */
    byte[] read(String relativeName, int maxBytes) throws IOException;
}
