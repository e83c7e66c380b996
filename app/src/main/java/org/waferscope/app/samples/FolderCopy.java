package org.waferscope.app.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A program's folder copied file by file, nested folders (an SDK example's data) included:
 * a sample out of the jar into a temporary folder ({@link SampleCatalog#materialize}), or an
 * open program into a folder of the user's to edit. {@code from} may be inside a jar's file
 * system; the copy is always on the default one.
 */
public final class FolderCopy {
    private FolderCopy() {
    }

    /** Copies everything under {@code from} to {@code to}, which must not exist yet. */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
