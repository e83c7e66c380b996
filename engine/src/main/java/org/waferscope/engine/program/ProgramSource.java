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

    /**
     * The bytes of a module file that {@code @import_module} names, as resolved against the
     * importing file (so it may start with {@code ..}). A plain program folder allows only
     * files inside it, as {@link #read} does; an SDK example may also reach the checkout that
     * holds it (the benchmarks share {@code benchmarks/benchmark-libs}).
     */
    default byte[] readModule(String relativeName, int maxBytes) throws IOException {
        return read(relativeName, maxBytes);
    }

    /** The layout file's name: {@code layout.csl} unless an SDK build script names another. */
    default String layoutFile() {
        return ProgramLoader.LAYOUT;
    }

    /**
     * Why this folder has no host steps (an SDK example with neither its own run.json nor
     * bundled ones), or null. Such a folder is still compiled, so that its CSL problems are
     * reported too, and then refused with this reason.
     */
    default String missingHostSteps() {
        return null;
    }

    /** The cslc options of an SDK example folder, or null for a Waferscope program folder. */
    default SdkCommands sdkCommands() {
        return null;
    }
}
