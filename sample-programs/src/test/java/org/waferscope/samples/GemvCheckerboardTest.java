package org.waferscope.samples;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waferscope.engine.sim.RunResult;

/**
 * Sample 3: GEMV over k x l PEs. The reference adds in the fabric's order: each PE sums its
 * tile's columns into its partial sum (the first column starts from b), then adds what
 * arrives from the west; so the result matches bit for bit.
 */
class GemvCheckerboardTest {

    static float[] reference(float[] a, float[] x, float[] b, int m, int n, int l, int k) {
        int mp = m / k;
        int np = n / l;
        float[] y = new float[m];
        for (int py = 0; py < k; py++) {
            float[] west = null;
            for (int px = 0; px < l; px++) {
                float[] part = new float[mp];
                if (px == 0) {
                    System.arraycopy(b, py * mp, part, 0, mp);
                }
                for (int c = 0; c < np; c++) {
                    for (int r = 0; r < mp; r++) {
                        part[r] = part[r] + a[(py * mp + r) * n + px * np + c] * x[px * np + c];
                    }
                }
                if (west != null) {
                    for (int r = 0; r < mp; r++) {
                        part[r] = part[r] + west[r];
                    }
                }
                west = part;
            }
            System.arraycopy(west, 0, y, py * mp, mp);
        }
        return y;
    }

    static void runAndCompare(int l, int k, int m, int n, String arch) throws Exception {
        RunResult r = Samples.run("gemv-checkerboard", Map.of("kernel_x_dim", "" + l, "kernel_y_dim", "" + k,
                "M", "" + m, "N", "" + n), arch, 1);
        Samples.assertHalted(r);
        float[] expected = reference(Samples.floats(r, "A"), Samples.floats(r, "x"), Samples.floats(r, "b"), m, n, l, k);
        Samples.assertClose(expected, Samples.floats(r, "y"), 0, "y");
    }

    @ParameterizedTest
    @CsvSource({"4,4,32,16,wse2", "4,4,32,16,wse3", "1,1,4,4,wse2", "3,2,6,9,wse2", "5,1,4,10,wse2"})
    void matchesTheFabricOrderReference(int l, int k, int m, int n, String arch) throws Exception {
        runAndCompare(l, k, m, n, arch);
    }
}
