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
            // (its own lists of piece handles, 4 bytes per piece, are most of it on a fabric this small)
            assertTrue(second.bytes() < whole / 10, "the second holds the little that moved: "
                    + second.bytes() + " of " + whole);
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
    void aSnapshotReadsOnlyTheMemoriesVisitedOrWrittenSinceTheLast() {
        try (Wafer w = sparseWafer()) {
            int memories = 96 * 80;
            Wafer.Snapshot first = w.snapshot();
            assertEquals(memories, first.fabric().memoriesRead(), "the first snapshot reads every memory");
            w.port().launch("start");
            w.stepFabric(150);
            Wafer.Snapshot second = w.snapshot(first);
            assertTrue(second.fabric().memoriesRead() <= 8 * 6, "only the 8x6 running PEs were visited: "
                    + second.fabric().memoriesRead());
            // the host writes an idle PE's memory: it is read, and its new contents kept
            int[] bits = new int[64];
            java.util.Arrays.fill(bits, Float.floatToIntBits(2.5f));
            w.port().writeSymbol("data", new org.waferscope.engine.host.PeRectangle(50, 40, 1, 1, 64, false),
                    new org.waferscope.engine.host.HostArray("d", org.waferscope.engine.arch.ElementType.F32,
                            new int[] {64}, bits));
            w.stepFabric(150);
            Wafer.Snapshot third = w.snapshot(second);
            long atThird = w.stateHash();
            assertTrue(third.fabric().memoriesRead() <= 8 * 6 + 1, "the running PEs and the one written: "
                    + third.fabric().memoriesRead());
            w.stepFabric(100);
            long later = w.stateHash();

            // after a step back, a snapshot taken against another than the one restored reads all
            w.restore(first);
            w.stepFabric(50);
            Wafer.Snapshot offBase = w.snapshot(third);
            assertEquals(memories, offBase.fabric().memoriesRead());

            w.restore(third);
            assertEquals(atThird, w.stateHash(), "the written memory came back with the snapshot");
            w.stepFabric(100);
            assertEquals(later, w.stateHash());
            Wafer.Snapshot fourth = w.snapshot(third);
            assertTrue(fourth.fabric().memoriesRead() <= 8 * 6, "after a restore, the snapshot restored is the base");
            w.restore(second);
            w.restore(fourth);
            assertEquals(later, w.stateHash(), "a snapshot sharing unread memories restores exactly");
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
                travel.ran(SnapshotSchedule.MAX_RERUN_NANOS, 0);
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
