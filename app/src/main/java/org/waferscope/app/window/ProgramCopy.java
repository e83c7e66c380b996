package org.waferscope.app.window;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.waferscope.app.samples.FolderCopy;

/**
 * A copy of the open program's folder in a folder of the user's, to edit. The lessons' "things
 * to try" say "in a copy of the sample", and a student who double-clicked the jar has no
 * sample folder to copy: the explorer unpacks samples to a temporary folder it deletes on exit.
 */
final class ProgramCopy {
    private ProgramCopy() {
    }

    /**
     * Copies the folder {@code program} into {@code into} under its own name, or NAME-2,
     * NAME-3, … when that is taken, and returns the copy. Nested folders (an SDK example's
     * data) come along.
     */
    static Path copy(Path program, Path into) throws IOException {
        if (!Files.isDirectory(into)) {
            throw new IOException("there is no folder " + into);
        }
        if (into.toAbsolutePath().normalize().startsWith(program.toAbsolutePath().normalize())) {
            throw new IOException(into + " is inside the program's own folder");
        }
        String name = program.getFileName().toString();
        Path target = into.resolve(name);
        for (int n = 2; Files.exists(target); n++) {
            target = into.resolve(name + "-" + n);
        }
        FolderCopy.copy(program, target);
        return target;
    }
}
