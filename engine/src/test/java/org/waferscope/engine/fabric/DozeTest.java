package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.sim.CycleStepper;
import org.waferscope.engine.sim.StepLimits;
import org.waferscope.engine.sim.Wafer;
import org.waferscope.engine.sim.WaferStatus;

/**
 * A CE counting down a multi-cycle memory vector op, with nothing else to do, dozes: it is
 * not visited until its op is done ({@link DozeWheel}) or a wavelet reaches its router. Its
 * counters, the stop decisions and the state hash must be as if it had been visited every
 * cycle.
 */
class DozeTest {
    /** Each PE sends to its neighbours, then a memory op keeps its CE busy for 30 cycles. */
    static final int GAP = 30;

    @Test
    void aDozingPeMatchesTheReferenceEveryCycle() {
        var layout = NeighbourExchange.layout(12, 6, NeighbourExchange.Options.atRate(GAP));
        Fabric tracked = FabricBuilder.build(ArchProfile.WSE2, layout);
        Fabric reference = FabricBuilder.build(ArchProfile.WSE2, layout);
        new HostPort(tracked).launch("start");
        new HostPort(reference).launch("start");
        ReferenceStepper ref = new ReferenceStepper(reference);
        int dozedCycles = 0;
        try (CycleStepper stepper = new CycleStepper(new FabricCycle(tracked), 2)) {
            for (int c = 0; c < 150; c++) {
                stepper.step(1, StepLimits.NONE);
                ref.step();
                if (dozing(tracked) > 0) {
                    dozedCycles++;
                }
                if (StateHash.of(tracked) != StateHash.of(reference)) {
                    fail("tracked and reference engines differ after cycle " + c + ": "
                            + ReferenceStepper.firstDifference(tracked, reference));
                }
            }
        }
        assertTrue(dozedCycles > 2 * GAP, "PEs dozed through their memory ops: " + dozedCycles);
    }

    @Test
    void dozingIsProgressAndTheResultDoesNotDependOnChunkingOrThreads() {
        // a lone PE: nothing but its own memory op is going on while it dozes
        var layout = NeighbourExchange.layout(3, 2, 1, 1, 1, 1, NeighbourExchange.Options.atRate(GAP), null);
        long expected;
        try (Wafer w = Wafer.of(ArchProfile.WSE2, layout, 1)) {
            w.port().launch("start");
            w.advance(400, false, false);
            assertEquals(WaferStatus.RUNNING, w.status(), "no deadlock while every PE dozes: " + w.report());
            assertEquals(400, w.cycle());
            expected = w.stateHash();
        }
        try (Wafer w = Wafer.of(ArchProfile.WSE2, layout, 3)) {
            w.port().launch("start");
            for (int step : new int[] {1, 7, 29, 63, 100, 200}) {
                w.stepFabric(step);
            }
            assertEquals(400, w.cycle());
            assertEquals(expected, w.stateHash());
        }
    }

    /** PEs asleep while their CE counts a memory vector op down (KeptWheelsTest counts them too). */
    static int dozing(Fabric f) {
        int n = 0;
        for (int p = 0; p < f.n; p++) {
            if ((f.sleeping[p >>> 6] & (1L << p)) != 0 && f.activity(p) == Activity.COMPUTE && f.busy(p) > 0) {
                n++;
            }
        }
        return n;
    }
}
