package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fabric.FabricMetrics;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.host.PeRectangle;

/**
 * A whole WSE-2 fabric (757x996 PEs, every one running the nearest-neighbour exchange)
 * for 100 cycles inside the test heap (surefire's -Xmx3g). Logs the heap it used.
 */
class FullWaferSmokeTest {

    @Test
    void aFullWse2FabricRunsANearestNeighbourProgram() {
        ArchProfile wse2 = ArchProfile.WSE2;
        int w = wse2.fabricWidth();
        int h = wse2.fabricHeight();
        long t0 = System.nanoTime();
        try (Wafer wafer = Wafer.of(wse2, NeighbourExchange.layout(w, h, NeighbourExchange.Options.FOREVER), 2)) {
            long built = System.nanoTime();
            wafer.port().launch("start");
            CycleStepper.Result r = wafer.stepFabric(100);
            long ran = System.nanoTime();
            assertEquals(100, wafer.cycle());
            assertEquals(StopReason.CYCLES_DONE, r.reason());
            assertEquals(w * h, r.lastActivePes(), "every PE is busy or waiting on a neighbour");
            assertEquals(w * h, FabricMetrics.programPes(wafer.fabric()));
            for (int[] at : new int[][] {{0, 0}, {w - 1, h - 1}, {w / 2, h / 2}, {w - 1, 0}}) {
                int done = wafer.port().readSymbol("iterations", new PeRectangle(at[0], at[1], 1, 1, 1, false), "i")
                        .bits()[0];
                assertTrue(done >= 4, "PE (" + at[0] + ", " + at[1] + ") did " + done + " iterations");
                assertNull(wafer.fabric().faultOf(wafer.fabric().pe(at[0], at[1])));
            }
            System.gc();
            Runtime rt = Runtime.getRuntime();
            long used = rt.totalMemory() - rt.freeMemory();
            System.out.printf("[full-wafer smoke] WSE-2 %dx%d (%,d PEs): built in %.1f s, 100 cycles in %.1f s "
                            + "on %d threads, heap used after GC %,d MB of %,d MB max%n", w, h, w * h,
                    (built - t0) / 1e9, (ran - built) / 1e9, wafer.workers(), used >> 20, rt.maxMemory() >> 20);
        }
    }
}
