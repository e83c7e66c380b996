package org.waferscope.samples;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waferscope.engine.sim.RunResult;

/**
 * Sample 13: each PE's block of C equals the Java product of A and B, summed in the
 * fabric's order (the inner index ascending: step k, then column kk of the block), so the
 * match is exact.
 */
class SummaTest {

    static float[] product(float[] a, float[] b, int m) {
        float[] c = new float[m * m];
        for (int r = 0; r < m; r++) {
            for (int col = 0; col < m; col++) {
                float s = 0f;
                for (int k = 0; k < m; k++) {
                    s = s + a[r * m + k] * b[k * m + col];
                }
                c[r * m + col] = s;
            }
        }
        return c;
    }

    /** Rearranges a row-major m x m matrix the way the PEs hold it: block (i, j) column by column, PE by PE. */
    static float[] asBlocks(float[] g, int p, int blk) {
        int m = p * blk;
        float[] out = new float[g.length];
        int at = 0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                for (int c = 0; c < blk; c++) {
                    for (int r = 0; r < blk; r++) {
                        out[at++] = g[(i * blk + r) * m + j * blk + c];
                    }
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"4,4,wse2", "4,4,wse3", "1,3,wse2", "2,1,wse2", "3,5,wse2", "8,8,wse2"})
    void everyBlockOfCIsTheProduct(int p, int blk, String arch) throws Exception {
        RunResult r = Samples.run("summa", Map.of("P", "" + p, "b", "" + blk), arch, 1);
        Samples.assertHalted(r);
        int m = p * blk;
        float[] expected = asBlocks(product(Samples.floats(r, "A"), Samples.floats(r, "B"), m), p, blk);
        Samples.assertClose(expected, Samples.floats(r, "C"), 0, "C");
    }
}
