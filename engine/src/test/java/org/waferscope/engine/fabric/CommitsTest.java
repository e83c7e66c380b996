package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.sim.Wafer;

/**
 * A cycle commits exactly the PEs whose commit has work ({@link Router#COMMITS}): every PE
 * {@link FabricCycle#compute} leaves out has no pops to publish and no wavelet parked, so its
 * commit would have changed nothing; and every PE it returns has one or the other.
 */
class CommitsTest {
    @Test
    void aVisitedPeIsCommittedExactlyWhenItsRouterPoppedOrParked() {
        try (Wafer w = Wafer.of(ArchProfile.WSE2, NeighbourExchange.layout(5, 4, NeighbourExchange.Options.FOREVER), 1)) {
            w.port().launch("start");
            w.stepFabric(3);
            Fabric f = w.fabric();
            FabricCycle cycle = new FabricCycle(f);
            BandState band = new BandState();
            long[] commits = new long[cycle.words()];
            int committed = 0;
            int leftOut = 0;
            for (int k = 0; k < 52; k++) {
                long c = f.cycle();
                band.clear();
                for (int wd = 0; wd < commits.length; wd++) {
                    long visit = cycle.toVisit(wd);
                    commits[wd] = cycle.compute(wd, c, band);
                    assertEquals(0, commits[wd] & ~visit, "only visited PEs are committed");
                    for (long bits = visit; bits != 0; bits &= bits - 1) {
                        int p = (wd << 6) + Long.numberOfTrailingZeros(bits);
                        int at = RouterWords.at(p);
                        boolean work = f.router[at + RouterWords.POPPED] != 0
                                || f.router[at + RouterWords.RR] >>> RouterWords.PARKED != 0;
                        boolean chosen = (commits[wd] & 1L << p) != 0;
                        assertEquals(work, chosen, "PE " + p + " in cycle " + c);
                        committed += chosen ? 1 : 0;
                        leftOut += chosen ? 0 : 1;
                    }
                }
                for (int wd = 0; wd < commits.length; wd++) {
                    cycle.commit(wd, commits[wd], c);
                }
                f.setCycle(c + 1);
                cycle.settle(c + 1);
            }
            assertTrue(committed > 0 && leftOut > 0, "some visited PEs commit and some do not: " + committed + ", " + leftOut);
        }
    }
}
