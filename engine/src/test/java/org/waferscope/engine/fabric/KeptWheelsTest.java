package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.sim.Wafer;

/**
 * The stepper's doze wheels outlive a step ({@link FabricCycle#keep}), so a step does not
 * walk the sleeping PEs again. A restored snapshot holds other dozers than the wheels do:
 * they must be filed afresh, or a PE dozing in the snapshot would never be woken.
 */
class KeptWheelsTest {
    /** Each PE sends to its neighbours, then a memory op keeps its CE busy for 40 cycles. */
    private static final FabricLayout MESH = NeighbourExchange.layout(10, 8, NeighbourExchange.Options.atRate(40));

    @Test
    void stepsOfAnyLengthAndARestoreWhilePesDozeGiveTheStraightRunsState() {
        long straight;
        try (Wafer w = Wafer.of(ArchProfile.WSE2, MESH, 1)) {
            w.port().launch("start");
            w.stepFabric(300);
            straight = w.stateHash();
        }
        try (Wafer w = Wafer.of(ArchProfile.WSE2, MESH, 2)) {
            w.port().launch("start");
            w.stepFabric(90);
            Wafer.Snapshot atNinety = w.snapshot();
            int dozing = DozeTest.dozing(w.fabric());
            assertTrue(dozing > 0, "PEs doze when the snapshot is taken");
            // run on, so that the wheels hold other PEs at other cycles, then go back
            for (int step : new int[] {1, 2, 17, 55}) {
                w.stepFabric(step);
            }
            w.restore(atNinety);
            assertEquals(dozing, DozeTest.dozing(w.fabric()));
            for (int step : new int[] {3, 1, 1, 45, 160}) {
                w.stepFabric(step);
            }
            assertEquals(300, w.cycle());
            assertEquals(straight, w.stateHash(), "the dozers of the restored snapshot woke when due");
        }
    }
}
