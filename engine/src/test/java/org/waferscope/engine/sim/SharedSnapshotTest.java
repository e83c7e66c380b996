package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.fabric.FabricSnapshot;
import org.waferscope.engine.fixtures.NeighbourExchange;

/**
 * Snapshots that share what did not change: smaller than whole copies, and each still
 * restores exactly, whichever order they are restored in.
 */
class SharedSnapshotTest {
    /** A 96×80 fabric with only its top-left 8×6 PEs running the exchange; the others wait. */
    private static Wafer sparseWafer() {
        FabricLayout layout = NeighbourExchange.layout(96, 80, 0, 0, 8, 6, new NeighbourExchange.Options(0, true, false),
                NeighbourExchange.idle());
        return Wafer.of(ArchProfile.WSE2, layout, 2);
    }

    @Test
    void aSnapshotAfterAnotherHoldsOnlyWhatChangedAndRestoresExactly() {
        try (Wafer w = sparseWafer()) {
            Wafer.Snapshot first = w.snapshot();
            long atFirst = w.stateHash();
            long whole = FabricSnapshot.estimateBytes(w.fabric());
            assertTrue(first.bytes() < whole / 2, "equal memories and empty buffers are stored once: "
                    + first.bytes() + " of " + whole);
            w.port().launch("start");
            w.stepFabric(120);
            Wafer.Snapshot second = w.snapshot(first);
            long atSecond = w.stateHash();
            assertTrue(second.bytes() < first.bytes() / 2, "the second holds the little that moved: "
                    + second.bytes() + " against " + first.bytes());
            w.stepFabric(200);
            long later = w.stateHash();

            w.restore(first);
            assertEquals(atFirst, w.stateHash());
            w.restore(second);
            assertEquals(atSecond, w.stateHash());
            w.stepFabric(200);
            assertEquals(later, w.stateHash(), "the run from a shared snapshot continues identically");
            w.restore(first);
            assertEquals(atFirst, w.stateHash(), "restoring never wrote into a shared piece");
        }
    }

    @Test
    void stepBackThroughTheSimulatorIsExactOverManySnapshots() {
        long expected;
        try (Wafer reference = sparseWafer()) {
            reference.port().launch("start");
            reference.stepFabric(2_345);
            expected = reference.stateHash();
        }
        try (Wafer w = sparseWafer()) {
            TimeTravel travel = new TimeTravel(Long.MAX_VALUE, 100);
            w.port().launch("start");
            for (int i = 0; i < 30; i++) {
                travel.ran(TimeTravel.MAX_RERUN_NANOS);
                travel.maybeRecord(w);
                w.stepFabric(100);
            }
            assertTrue(travel.count() > 20, "a snapshot every 100 cycles: " + travel.count());
            w.restore(travel.before(2_345));
            w.stepFabric(2_345 - w.cycle());
            assertEquals(expected, w.stateHash());
        }
    }
}
