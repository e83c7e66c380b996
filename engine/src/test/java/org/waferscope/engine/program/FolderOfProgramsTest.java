package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waferscope.engine.csl.ProgramLoadException;

/** Opening the folder above the examples says to open one of them, not that run.json is missing. */
class FolderOfProgramsTest {
    private static void example(Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("commands_wse2.sh"), "cslc ./layout.csl --arch wse2\n");
    }

    /** The message of the load of {@code dir}, which must fail. */
    static String message(Path dir) {
        ProgramLoadException e = assertThrows(ProgramLoadException.class,
                () -> ProgramLoader.load(dir, ProgramLoader.LoadOptions.DEFAULTS));
        return e.getMessage();
    }

    @Test
    void aFolderOfExamplesNamesSomeAndSaysToOpenOne(@TempDir Path root) throws Exception {
        for (String n : new String[] {"game-of-life", "bandwidth-test", "cholesky", "residual"}) {
            example(root.resolve("benchmarks").resolve(n));
        }
        Files.createDirectories(root.resolve("benchmarks/benchmark-libs"));
        String m = message(root.resolve("benchmarks"));
        assertTrue(m.contains("this folder has no run.json, layout.csl or commands_wse2.sh of its own"), m);
        assertTrue(m.contains("open one of the 4 program folders inside this one (bandwidth-test, cholesky, game-of-life, ...)"), m);
        assertEquals(1, m.split("error:", -1).length - 1, m);
    }

    @Test
    void theCheckoutItselfNamesExamplesTwoLevelsDown(@TempDir Path root) throws Exception {
        example(root.resolve("tutorials/gemv-01-complete-program"));
        Files.writeString(root.resolve("README.rst"), "examples\n");
        String m = message(root);
        assertTrue(m.contains("open the program folder inside this one (tutorials/gemv-01-complete-program)"), m);
    }

    @Test
    void anEmptyFolderStillSaysWhatIsMissing(@TempDir Path root) {
        String m = message(root);
        assertTrue(m.contains("the program folder has no run.json"), m);
    }

    @Test
    void aMissingFileIsSaidOfTheFolderNotOfALineOfIt(@TempDir Path root) {
        // an empty folder said "layout.csl:1:1: error: ...": a line of a file that is not there, and no folder
        ProgramLoadException e = assertThrows(ProgramLoadException.class,
                () -> ProgramLoader.load(root, ProgramLoader.LoadOptions.DEFAULTS));
        String folder = root.toAbsolutePath().normalize().toString();
        assertEquals(java.util.List.of(folder + ":1:1: error: the program folder has no layout.csl, which says which PE"
                        + " runs which .csl file: a program folder holds a layout.csl, a run.json (the host's steps)"
                        + " and the .csl files its layout names",
                folder + ":1:1: error: the program folder has no run.json"),
                e.diagnostics().stream().map(Object::toString).toList());
    }
}
