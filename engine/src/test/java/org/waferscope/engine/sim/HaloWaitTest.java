package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.WaitLink;
import org.waferscope.engine.fabric.CoreInspector;
import org.waferscope.engine.fabric.WaitChain;

/**
 * heat-diffusion's corner PE between steps: its task has ended and its two async receives
 * wait for its two neighbours' halo edges. It does wait (the waiting overlay rings it
 * rightly), on those two colors only, and the inspector says on what, not that the host waits.
 */
class HaloWaitTest {

    @Test
    void anIdleCornerWaitsOnItsTwoNeighboursAndSaysSo() throws Exception {
        try (Wafer w = Wafer.load(BreakpointTest.sample("heat-diffusion", Map.of()), 1)) {
            List<WaitLink> corner = List.of();
            while (w.cycle() < 5_000 && w.status() == WaferStatus.RUNNING && corner.isEmpty()) {
                w.advance(1, false, false);
                corner = WaitChain.of(w.fabric(), 200).stream().filter(l -> l.x() == 0 && l.y() == 0).toList();
            }
            assertTrue(!corner.isEmpty(), "it waits, and the overlay rings it");
            String activity = CoreInspector.inspect(w.fabric(), 0, 0).activity();
            assertTrue(activity.matches("idle; its async receives? waits? for color \\d+ from PE \\((0, 1|1, 0)\\)"
                    + "(, color \\d+ from PE \\((0, 1|1, 0)\\))?"), "at cycle " + w.cycle() + ": " + activity);
            for (WaitLink l : corner) {
                assertTrue(l.hasSource(), "only the queues its receives read, each with its neighbour: " + l.describe());
                assertEquals(1, l.fromX() + l.fromY(), l.describe());
            }
        }
    }
}
