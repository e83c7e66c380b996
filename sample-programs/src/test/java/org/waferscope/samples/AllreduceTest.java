package org.waferscope.samples;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waferscope.engine.sim.RunResult;

/**
 * Sample 11: every PE ends with the same total, equal bit for bit to the sums taken in the
 * fabric's order: along each row (own vector + what came from the west), then down the
 * last column (own row sum + what came from the north).
 */
class AllreduceTest {

    static float[] reference(float[] x, int w, int h, int n) {
        float[] total = null;
        for (int y = 0; y < h; y++) {
            float[] row = null;
            for (int px = 0; px < w; px++) {
                float[] mine = new float[n];
                System.arraycopy(x, (y * w + px) * n, mine, 0, n);
                if (row != null) {
                    for (int k = 0; k < n; k++) {
                        mine[k] = mine[k] + row[k];
                    }
                }
                row = mine;
            }
            if (total != null) {
                for (int k = 0; k < n; k++) {
                    row[k] = row[k] + total[k];
                }
            }
            total = row;
        }
        float[] all = new float[w * h * n];
        for (int p = 0; p < w * h; p++) {
            System.arraycopy(total, 0, all, p * n, n);
        }
        return all;
    }

    @ParameterizedTest
    @CsvSource({"4,4,4,wse2", "4,4,4,wse3", "1,1,3,wse2", "1,5,2,wse2", "5,1,2,wse2", "3,7,5,wse2"})
    void everyPeHoldsTheTotal(int w, int h, int n, String arch) throws Exception {
        RunResult r = Samples.run("allreduce", Map.of("width", "" + w, "height", "" + h, "n", "" + n), arch, 1);
        Samples.assertHalted(r);
        Samples.assertClose(reference(Samples.floats(r, "x"), w, h, n), Samples.floats(r, "result"), 0, "result");
    }
}
