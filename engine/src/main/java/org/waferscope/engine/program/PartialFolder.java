package org.waferscope.engine.program;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.Diagnostics;
import org.waferscope.engine.csl.syntax.Parser;
import org.waferscope.engine.ir.SourcePos;

/**
 * A folder with CSL files and nothing to run: no layout.csl, run.json or build script. The
 * SDK's first tutorial (gemv-00-basic-syntax) is such a folder, a tour of the syntax rather
 * than a program. Telling a student that two files are missing would send them looking for
 * files that were never meant to be there; instead the folder is named for what it is and its
 * CSL is checked for syntax, which is all a file without a layout can be checked for.
 */
final class PartialFolder {
    private PartialFolder() {
    }

    /** The problems to report for {@code dir}, read through {@code src}, or null when it is not such a folder. */
    static Diagnostics check(Path dir, ProgramSource src) {
        if (FolderOfPrograms.isProgram(dir)) {
            return null;
        }
        List<Path> files = cslFiles(dir);
        if (files.isEmpty()) {
            return null;
        }
        Diagnostics d = new Diagnostics();
        for (Path f : files) {
            String name = f.getFileName().toString();
            try {
                Parser.parse(name, ProgramLoader.text(src, name, ProgramLoader.MAX_CSL_BYTES, new SourcePos(name, 1, 1),
                        new HashMap<>()), d);
            } catch (CslError e) {
                d.error(e.pos(), e.getMessage());
            }
        }
        String names = files.stream().map(f -> f.getFileName().toString()).collect(Collectors.joining(", "));
        boolean clean = !d.hasErrors();
        // The action first: the explorer's banner shows only the start of a long message.
        d.error(new SourcePos(String.valueOf(dir), 1, 1), "nothing to run: this folder has " + names
                + " but no layout.csl, run.json or build script (commands_wse2.sh), so it is not a whole program; "
                + (clean ? "its CSL parses without errors" : "the errors above are in its CSL's syntax")
                + "; a program is a folder with a layout.csl and a run.json, or an SDK example with its build script");
        return d;
    }

    /** The folder's .csl files in name order, so the message is the same from run to run. */
    private static List<Path> cslFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".csl") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
