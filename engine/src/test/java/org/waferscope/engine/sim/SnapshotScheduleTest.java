package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.host.HostStep;
import org.waferscope.engine.program.WaferProgram;

/**
 * When a run's snapshots are due ({@link SnapshotSchedule}): spaced by their cost so that they
 * take at most {@link SnapshotSchedule#SHARE} of the run, often when cheap, and never more than
 * {@link SnapshotSchedule#LONGEST_RERUN_NANOS} of running apart. Costs are given, not timed.
 */
class SnapshotScheduleTest {
    private static final long MS = 1_000_000L;

    private static Wafer wafer() {
        FabricLayout l = NeighbourExchange.layout(16, 8, 0, 0, 16, 8, new NeighbourExchange.Options(0, true, false),
                NeighbourExchange.idle());
        return Wafer.load(new WaferProgram("exchange", "", "", null, ArchProfile.WSE2, l, Map.of(),
                List.of(new HostStep.Launch("start")), Map.of(), Map.of()), 1);
    }

    @Test
    void aDearSnapshotWaitsUntilItIsASmallShareOfTheRun() {
        try (Wafer w = wafer()) {
            SnapshotSchedule s = new SnapshotSchedule(1_000);
            s.taken(w, 100 * MS, w.fabric().n);   // read every PE, as the next will (no base yet: all to read)
            assertEquals(100 * MS, s.expectedCost(w));
            long spaced = (long) (SnapshotSchedule.spacing() * 100 * MS);
            s.ran(spaced - MS, 5_000);
            assertFalse(s.due(w, 5_000), "the run so far is not yet spacing() times the snapshot's cost");
            s.ran(2 * MS, 10);
            assertTrue(s.due(w, 5_010));
            assertTrue(100.0 * MS / (spaced + MS + 100 * MS) <= SnapshotSchedule.SHARE + 1e-9,
                    "the snapshot's share of run and snapshot together");
        }
    }

    @Test
    void cheapSnapshotsComeByCyclesOrAfterAShortRun() {
        try (Wafer w = wafer()) {
            SnapshotSchedule s = new SnapshotSchedule(1_000);
            s.taken(w, MS / 10, w.fabric().n);
            s.ran(100 * MS, 500);
            assertFalse(s.due(w, 500), "neither the interval nor the longest run between cheap ones has passed");
            assertTrue(s.due(w, 1_000), "the interval passed");
            s.ran(SnapshotSchedule.MAX_RERUN_NANOS, 10);
            assertTrue(s.due(w, 510), "a step back re-runs at most about MAX_RERUN_NANOS when snapshots are cheap");
            s.thinned();
            s.taken(w, MS / 10, w.fabric().n);
            s.ran(100 * MS, 1_000);
            assertFalse(s.due(w, 1_000), "thinning doubled the interval");
        }
    }

    @Test
    void noSnapshotIsPutOffPastTheLongestRerun() {
        try (Wafer w = wafer()) {
            SnapshotSchedule s = new SnapshotSchedule(1_000);
            s.taken(w, SnapshotSchedule.LONGEST_RERUN_NANOS, w.fabric().n);   // dearer than any share allows
            s.ran(SnapshotSchedule.LONGEST_RERUN_NANOS - 1, 100);
            assertFalse(s.due(w, 100));
            s.ran(1, 1);
            assertTrue(s.due(w, 101), "a step back clicked before its preparation re-runs at most this much");
            s.runSince(0);
            assertFalse(s.due(w, 101), "a step back's re-run since the last snapshot counts as the run since");
        }
    }
}
