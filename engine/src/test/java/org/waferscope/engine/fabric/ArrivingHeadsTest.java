package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.sim.Wafer;

/**
 * What lets a router visit skip the in-flight test of an arriving link buffer
 * ({@link ChannelRings#ARRIVES}): a buffer its router will visit (its bit in the low half of
 * the busy word) never has its head on its hop, since a wavelet pushed into the empty buffer
 * arrives (the high half) for the one cycle it is on its hop.
 */
class ArrivingHeadsTest {
    @Test
    void aLinkBufferThatArrivesIsNeverVisitedWhileItsHeadIsOnItsHop() {
        try (Wafer w = Wafer.of(ArchProfile.WSE2,
                NeighbourExchange.layout(6, 5, new NeighbourExchange.Options(30, true, false)), 1)) {
            w.port().launch("start");
            Fabric f = w.fabric();
            int visitedHeld = 0;
            int onTheirHop = 0;
            for (int c = 0; c < 400; c++) {
                w.stepFabric(1);
                int now = (int) f.cycle();
                for (int p = 0; p < f.n; p++) {
                    for (int si = f.srcStart[p], i = 0; si < f.srcStart[p + 1]; si++, i++) {
                        long facts = f.srcWords[2 * si];
                        if ((facts & (long) ChannelRings.ARRIVES << 32) == 0) {
                            continue;
                        }
                        long busy = f.router[RouterWords.at(p) + RouterWords.BUSY + f.srcPort[si]];
                        boolean inFlight = f.headInFlight(f.srcChan[si], now);
                        onTheirHop += inFlight ? 1 : 0;
                        if ((busy >>> i & 1) != 0) {
                            visitedHeld++;
                            assertFalse(inFlight, "PE " + p + " source " + i + " before cycle " + now);
                        }
                    }
                }
            }
            assertTrue(visitedHeld > 0, "arriving buffers held wavelets their routers visit");
            assertTrue(onTheirHop > 0, "and wavelets were on their hops, in buffers not visited");
        }
    }
}
