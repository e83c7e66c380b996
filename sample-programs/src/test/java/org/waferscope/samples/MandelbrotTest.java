package org.waferscope.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waferscope.engine.fabric.FabricMetrics;
import org.waferscope.engine.program.WaferProgram;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.Wafer;

/**
 * Sample 10: the pipeline's image equals the escape-time counts computed in Java with the
 * same f32 operations; and the work is uneven in the way the utilization layer shows.
 */
class MandelbrotTest {

    /** Escape-time counts, at most stages * iters iterations, in the stage's f32 order of operations. */
    static float[] image(int rows, int pixels, int maxIters) {
        float xMin = -2.0f;
        float xMax = 1.0f;
        float yMin = -1.2f;
        float yMax = 1.2f;
        float dx = (xMax - xMin) / (float) pixels;
        float dy = (yMax - yMin) / (float) rows;
        float[] out = new float[rows * pixels];
        for (int y = 0; y < rows; y++) {
            float ci = yMin + (float) y * dy;
            for (int i = 0; i < pixels; i++) {
                float cr = xMin + (float) i * dx;
                float zr = 0f;
                float zi = 0f;
                float n = 0f;
                for (int k = 0; k < maxIters; k++) {
                    float rr = zr * zr;
                    float ii = zi * zi;
                    if (rr + ii > 4.0f) {
                        break;
                    }
                    zi = 2.0f * zr * zi + ci;
                    zr = rr - ii + cr;
                    n += 1.0f;
                }
                out[y * pixels + i] = n;
            }
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"8,8,16,4,wse2", "8,8,16,4,wse3", "1,1,4,10,wse2", "1,5,8,6,wse2", "6,3,9,1,wse2", "16,16,32,4,wse2"})
    void drawsTheMandelbrotSet(int stages, int rows, int pixels, int iters, String arch) throws Exception {
        RunResult r = Samples.run("mandelbrot", Map.of("stages", "" + stages, "rows", "" + rows, "pixels", "" + pixels,
                "iters", "" + iters), arch, 1);
        Samples.assertHalted(r);
        Samples.assertClose(image(rows, pixels, stages * iters), Samples.floats(r, "image"), 0, "image");
    }

    /** run.json's check is the escape-time image on the host, so `run mandelbrot` says PASS or FAIL itself. */
    @Test
    void runJsonChecksTheImageAgainstTheEscapeTimes() throws Exception {
        Map<String, String> params = Map.of("stages", "6", "rows", "3", "pixels", "9", "iters", "2");
        RunResult r = Samples.run("mandelbrot", params);
        double[] expected = Samples.checkedAndPassed("mandelbrot", params, r);
        org.junit.jupiter.api.Assertions.assertArrayEquals(Samples.doubles(image(3, 9, 12)), expected, 0,
                "the check's image is this test's");
    }

    /**
     * What the value layer opens on: every PE's counts, not the last column's alone (the sixth
     * review saw the image as a strip one PE wide beside seven columns of never-written zeros).
     * Column x holds the image as it stood after x + 1 stages, so the columns sharpen eastward
     * and the last is the finished image.
     */
    @ParameterizedTest
    @CsvSource({"8,8,16,4", "6,3,9,2"})
    void everyColumnHoldsTheImageAsItStoodAfterItsStage(int stages, int rows, int pixels, int iters) throws Exception {
        WaferProgram p = Samples.load("mandelbrot", Map.of("stages", "" + stages, "rows", "" + rows,
                "pixels", "" + pixels, "iters", "" + iters), null);
        try (Wafer w = Wafer.load(p, 1)) {
            Samples.assertHalted(w.runToCompletion(Samples.BUDGET));
            for (int x = 0; x < stages; x++) {
                double[] column = w.port().readSymbol("counts",
                        new org.waferscope.engine.host.PeRectangle(x, 0, 1, rows, pixels, false), "column").values();
                org.junit.jupiter.api.Assertions.assertArrayEquals(Samples.doubles(image(rows, pixels, (x + 1) * iters)),
                        column, 0, "column " + x);
            }
        }
    }

    /** The imbalance the utilization layer shows: busy cycles per column and per row of PEs. */
    @Test
    void theWestEndAndTheMiddleRowsWorkHardest() throws Exception {
        WaferProgram p = Samples.load("mandelbrot", Map.of(), null);
        try (Wafer w = Wafer.load(p, 1)) {
            Samples.assertHalted(w.runToCompletion(Samples.BUDGET));
            int stages = Samples.param(p, "stages");
            int rows = Samples.param(p, "rows");
            long[] column = new long[stages];
            long[] row = new long[rows];
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < stages; x++) {
                    long busy = FabricMetrics.busyOf(w.fabric(), y * stages + x);
                    column[x] += busy;
                    row[y] += busy;
                }
            }
            assertTrue(column[0] > 3 * column[stages - 1] / 2, "first column " + column[0] + ", last " + column[stages - 1]);
            long middle = row[rows / 2];
            assertTrue(middle > 3 * row[0] / 2 && middle > 3 * row[rows - 1] / 2,
                    "middle row " + middle + ", top " + row[0] + ", bottom " + row[rows - 1]);
        }
    }
}
