package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.Wafer;
import org.waferscope.engine.sim.WaferStatus;

/**
 * A program of our own ({@code resources/.../hypersparse}) reads its matrix from a Matrix
 * Market file, sends it to a column of three PEs as hypersparse tiles and multiplies it by x
 * there; y is compared with a plain Java product of the matrix written out below. A broken
 * .mtx in the folder is an error at its own line and column.
 */
class HypersparseRunTest {
    static Path folder() {
        return Path.of("src", "test", "resources", "org", "waferscope", "engine", "hypersparse");
    }

    /** data/lower.mtx, mirrored: (row, column, value), 1-based, the entry (8, 2) given twice. */
    private static final double[][] LOWER = {{1, 1, 2.0}, {2, 1, -1.5}, {3, 3, 4}, {4, 2, 0.25}, {4, 4, 10},
        {6, 1, 3.5}, {6, 6, -2}, {7, 3, 0.75}, {7, 7, 1}, {8, 2, 0.5}, {8, 8, 6}, {9, 4, -0.125}, {9, 9, 5.5}, {8, 2, 1.25}};

    @Test
    void yIsTheMatrixTimesXComputedOnThePes() throws Exception {
        double[] a = new double[81];
        for (double[] e : LOWER) {
            int r = (int) e[0] - 1;
            int c = (int) e[1] - 1;
            a[r * 9 + c] += e[2];
            if (r != c) {
                a[c * 9 + r] += e[2];
            }
        }
        double[] y = new double[9];
        for (int r = 0; r < 9; r++) {
            for (int c = 0; c < 9; c++) {
                y[r] += a[r * 9 + c] * (1 + 0.5 * c);
            }
        }
        WaferProgram p = ProgramLoader.load(folder(), ProgramLoader.LoadOptions.DEFAULTS);
        try (Wafer w = Wafer.load(p, 1)) {
            RunResult r = w.runToCompletion(100_000);
            assertEquals(WaferStatus.HALTED, r.status(), () -> String.join("\n", r.report()));
            assertTrue(r.allChecksPass(), () -> r.checks().toString());
            double[] got = r.arrays().get("y").values();
            for (int i = 0; i < 9; i++) {
                assertEquals(y[i], got[i], 1e-5, "y[" + i + "]");
            }
        }
    }

    @Test
    void aBrokenMatrixFileIsAnErrorAtItsLineAndColumn(@TempDir Path dir) throws Exception {
        try (var files = Files.list(folder())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/lower.mtx"), "%%MatrixMarket matrix coordinate real symmetric\n9 9 1\n10 1 1\n");
        org.waferscope.engine.csl.ProgramLoadException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.waferscope.engine.csl.ProgramLoadException.class, () -> ProgramLoader.load(dir, ProgramLoader.LoadOptions.DEFAULTS));
        assertTrue(e.getMessage().contains("data/lower.mtx:3:1: error: expected a row index from 1 to 9 (indices are 1-based), not 10"),
                e.getMessage());
    }
}
