package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.fabric.FabricSnapshot;
import org.waferscope.engine.fixtures.NeighbourExchange;

/**
 * Snapshots whose pieces are stored once by content, in slabs whose slots dropped snapshots
 * give back: a fabric of PEs in like states costs few distinct pieces, and with slots
 * freed and filled again over and over, every kept snapshot still restores exactly, for
 * any number of workers.
 */
class SlabSnapshotTest {
    /** 32×24 PEs all exchanging with their neighbours, every PE busy. */
    private static final FabricLayout LAYOUT = NeighbourExchange.layout(32, 24, 0, 0, 32, 24,
            new NeighbourExchange.Options(0, true, false), NeighbourExchange.idle());

    @Test
    void piecesEqualAcrossThePesAreStoredOnce() {
        // (once running, this fixture's PEs hold data of their own, so only the loaded state is alike)
        try (Wafer w = Wafer.of(ArchProfile.WSE2, LAYOUT, 3)) {
            long whole = FabricSnapshot.estimateBytes(w.fabric());
            w.snapshot();
            long atLoad = FabricSnapshot.heldBytes(w.fabric());
            assertTrue(atLoad < whole / 4, "a loaded fabric's pieces are mostly alike: " + atLoad + " of " + whole);
        }
    }

    @Test
    void withSlotsReusedAgainAndAgainEveryKeptSnapshotRestoresExactlyOnAnyWorkerCount() {
        checkRestores(false);
    }

    /** As above, with fresh slabs made ahead on a thread of their own, ready whenever it happens to have them. */
    @Test
    void withSlabsMadeAheadEveryKeptSnapshotRestoresExactlyOnAnyWorkerCount() {
        checkRestores(true);
    }

    private static void checkRestores(boolean ahead) {
        int end = 500;
        long[] straight = new long[end + 1];
        try (Wafer w = Wafer.of(ArchProfile.WSE2, LAYOUT, 1)) {
            w.port().launch("start");
            for (int c = 0; c <= end; c++) {
                straight[c] = w.stateHash();
                w.stepFabric(1);
            }
        }
        for (int threads : new int[] {2, 4}) {
            try (Wafer w = Wafer.of(ArchProfile.WSE2, LAYOUT, threads)) {
                w.port().launch("start");
                FabricSnapshot.makeSlabsAhead(w.fabric(), ahead);
                // room for a few snapshots only: older ones are thinned and their slots refilled
                TimeTravel travel = new TimeTravel(FabricSnapshot.estimateBytes(w.fabric()) / 3, 10);
                Random r = new Random(threads);
                while (w.cycle() < end) {
                    travel.ran(SnapshotSchedule.MAX_RERUN_NANOS, 0);
                    travel.maybeRecord(w);
                    w.stepFabric(Math.min(end - w.cycle(), 1 + r.nextInt(25)));
                    if (r.nextInt(6) == 0) {
                        long back = Math.max(0, w.cycle() - 1 - r.nextInt(60));
                        w.restore(travel.before(back), false);
                        w.stepFabric(back - w.cycle());
                    }
                    assertEquals(straight[(int) w.cycle()], w.stateHash(), threads + " workers, cycle " + w.cycle());
                }
                assertTrue(travel.reusedBytes() > 0, "dropped snapshots' slots were filled again");
                for (int target = end; target >= 0; target -= 41) {
                    w.restore(travel.before(target), false);
                    w.stepFabric(target - w.cycle());
                    assertEquals(straight[target], w.stateHash(), threads + " workers, back to " + target);
                }
            }
        }
    }
}
