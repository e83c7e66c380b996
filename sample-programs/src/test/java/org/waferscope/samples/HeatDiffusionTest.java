package org.waferscope.samples;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waferscope.engine.program.WaferProgram;
import org.waferscope.engine.sim.RunResult;

/**
 * Sample 12: the tiled stencil on the wafer equals the same 5-point stencil on the whole
 * grid in Java, with the plate's edge held at 0, added in the PEs' order so that it
 * matches bit for bit.
 */
class HeatDiffusionTest {

    /** {@code steps} steps of new = alpha (N + S + W + E) + (1 - 4 alpha) C on a rows x cols grid, 0 outside. */
    static float[] stencil(float[] grid, int rows, int cols, int steps, float alpha) {
        float beta = 1.0f - 4.0f * alpha;
        float[] cur = grid.clone();
        for (int s = 0; s < steps; s++) {
            float[] next = new float[cur.length];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    float n = i > 0 ? cur[(i - 1) * cols + j] : 0f;
                    float so = i < rows - 1 ? cur[(i + 1) * cols + j] : 0f;
                    float w = j > 0 ? cur[i * cols + j - 1] : 0f;
                    float e = j < cols - 1 ? cur[i * cols + j + 1] : 0f;
                    float v = n + so;
                    v = v + w;
                    v = v + e;
                    v = v * alpha;
                    next[i * cols + j] = v + cur[i * cols + j] * beta;
                }
            }
            cur = next;
        }
        return cur;
    }

    /** The host's copy-out order (PE row, PE column, tile row, tile column) back to grid order. */
    static float[] fromTiles(float[] tiles, int width, int height, int tile) {
        int cols = width * tile;
        float[] grid = new float[tiles.length];
        int at = 0;
        for (int py = 0; py < height; py++) {
            for (int px = 0; px < width; px++) {
                for (int r = 0; r < tile; r++) {
                    for (int c = 0; c < tile; c++) {
                        grid[(py * tile + r) * cols + px * tile + c] = tiles[at++];
                    }
                }
            }
        }
        return grid;
    }

    static void runAndCompare(int width, int height, int tile, int steps, String arch) throws Exception {
        Map<String, String> params = Map.of("width", "" + width, "height", "" + height, "tile", "" + tile,
                "steps", "" + steps);
        WaferProgram p = Samples.load("heat-diffusion", params, arch);
        float alpha = Float.parseFloat(p.params().get("alpha"));
        RunResult r = Samples.run("heat-diffusion", params, arch, 1);
        Samples.assertHalted(r);
        float[] expected = stencil(Samples.floats(r, "T0"), height * tile, width * tile, steps, alpha);
        Samples.assertClose(expected, fromTiles(Samples.floats(r, "T"), width, height, tile), 0, "T");
    }

    /** run.json's check is the whole-plate stencil on the host, in the copy-out's tile order. */
    @org.junit.jupiter.api.Test
    void runJsonChecksThePlateAgainstTheWholeGridStencil() throws Exception {
        Map<String, String> params = Map.of("width", "3", "height", "2", "tile", "3", "steps", "5");
        RunResult r = Samples.run("heat-diffusion", params);
        double[] expected = Samples.checkedAndPassed("heat-diffusion", params, r);
        float[] grid = new float[expected.length];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = (float) expected[i];
        }
        float alpha = Float.parseFloat(Samples.load("heat-diffusion", params, null).params().get("alpha"));
        org.junit.jupiter.api.Assertions.assertArrayEquals(stencil(Samples.floats(r, "T0"), 6, 9, 5, alpha),
                fromTiles(grid, 3, 2, 3), "the check's plate is this test's");
    }

    @ParameterizedTest
    @CsvSource({"8,8,4,10,wse2", "8,8,4,10,wse3", "1,1,3,4,wse2", "3,1,2,5,wse2", "1,3,2,5,wse2", "5,4,1,6,wse2"})
    void matchesTheWholeGridStencil(int width, int height, int tile, int steps, String arch) throws Exception {
        runAndCompare(width, height, tile, steps, arch);
    }
}
