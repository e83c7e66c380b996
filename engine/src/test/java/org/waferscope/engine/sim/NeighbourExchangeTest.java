package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.host.PeRectangle;

/** The benchmark's workload computes what a plain Java stencil computes, bit for bit. */
class NeighbourExchangeTest {

    /** The same arithmetic in the same order: x, then north, south, east, west; times 0.2. */
    static float[] reference(int w, int h, int iterations) {
        float[] x = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int i = 0; i < w; i++) {
                x[y * w + i] = NeighbourExchange.initialValue(i, y);
            }
        }
        for (int it = 0; it < iterations; it++) {
            float[] next = new float[x.length];
            for (int y = 0; y < h; y++) {
                for (int i = 0; i < w; i++) {
                    float acc = x[y * w + i];
                    if (y > 0) {
                        acc += x[(y - 1) * w + i];
                    }
                    if (y < h - 1) {
                        acc += x[(y + 1) * w + i];
                    }
                    if (i < w - 1) {
                        acc += x[y * w + i + 1];
                    }
                    if (i > 0) {
                        acc += x[y * w + i - 1];
                    }
                    next[y * w + i] = acc * 0.2f;
                }
            }
            x = next;
        }
        return x;
    }

    @Test
    void theExchangeMatchesAPlainJavaStencil() {
        int w = 13;
        int h = 9;
        int iterations = 7;
        try (Wafer wafer = Wafer.of(ArchProfile.WSE2, NeighbourExchange.layout(w, h,
                new NeighbourExchange.Options(iterations, true, false)), 2)) {
            wafer.port().launch("start");
            RunResult r = wafer.runToCompletion(5_000);
            assertEquals(WaferStatus.HALTED, r.status(), r.report().toString());
            assertEquals(w * h, wafer.port().releasedCount());
            int[] got = wafer.port().readSymbol("x", new PeRectangle(0, 0, w, h, 1, false), "x").bits();
            float[] want = reference(w, h, iterations);
            for (int i = 0; i < got.length; i++) {
                assertEquals(want[i], Float.intBitsToFloat(got[i]), "PE (" + i % w + ", " + i / w + ")");
            }
        }
    }
}
