package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.fabric.FabricSnapshot;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.host.HostStep;
import org.waferscope.engine.program.WaferProgram;

/**
 * One budget for everything time travel holds: each holder (the snapshots' slabs and their
 * index and lists, the snapshot kept near a target, the slabs made ahead, the re-run stepper)
 * is in the figures, and what the budget is held to grows with each, so that a holder left
 * uncounted shows here rather than in the explorer's resident memory.
 */
class HistoryBudgetTest {
    /** Wide enough for several chunks of PEs, so that a re-run goes on two workers. */
    private static final FabricLayout LAYOUT = NeighbourExchange.layout(160, 120, 0, 0, 160, 120,
            new NeighbourExchange.Options(0, true, false), NeighbourExchange.idle());

    private static WaferProgram program() {
        return new WaferProgram("exchange", "", "", null, ArchProfile.WSE2, LAYOUT, Map.of(),
                List.of(new HostStep.Launch("start")), Map.of(), Map.of());
    }

    /** Snapshots every 10 cycles up to cycle 120, into {@code travel}. */
    private static void run(Wafer w, TimeTravel travel) {
        for (int c = 0; c < 12; c++) {
            travel.ran(SnapshotSchedule.MAX_RERUN_NANOS, 0);
            travel.maybeRecord(w);
            w.advance(10, false, false);
        }
    }

    @Test
    void everyHolderIsInTheFiguresAndInWhatTheBudgetCounts() {
        try (Wafer w = Wafer.load(program(), 1)) {
            FabricSnapshot.makeSlabsAhead(w.fabric(), true);
            TimeTravel travel = new TimeTravel(Long.MAX_VALUE, 10, w::rerunStepperBytes);
            travel.keepNearEvery(4);
            run(w, travel);
            HistoryBytes before = travel.held();
            assertEquals(0, before.rerun(), "no re-run stepper before a step back");
            assertEquals(0, before.near());
            new StepBack(2).to(w, travel, travel.before(100), 110);
            HistoryBytes h = travel.held();
            assertEquals(FabricSnapshot.slabBytes(w.fabric()), h.slabs());
            assertTrue(h.slabs() >= FabricSnapshot.heldBytes(w.fabric()), "free slots are heap too");
            assertEquals(FabricSnapshot.indexBytes(w.fabric()), h.index());
            assertTrue(h.index() > 0 && h.lists() > 0, h.toString());
            assertEquals(w.rerunStepperBytes(), h.rerun());
            assertTrue(h.rerun() > 0, "the re-run stepper parked after a step back on two workers");
            assertTrue(h.near() > 0, "the snapshot kept near the target");
            assertEquals(h.slabs() + h.index() + h.lists() + h.ahead() + h.rerun(), h.total());
            long slotsInUse = FabricSnapshot.heldBytes(w.fabric());
            assertEquals(slotsInUse + h.index() + h.lists() + FabricSnapshot.aheadReserve(w.fabric()) + h.rerun(),
                    h.counted(), "the budget counts the slots in use, their index and lists, the slabs ahead and the re-run stepper");
            assertTrue(FabricSnapshot.aheadReserve(w.fabric()) > 0, "slabs made ahead are reserved for");
        }
    }

    @Test
    void heapHeldOutsideTheSnapshotsLeavesRoomForFewerOfThem() {
        int roomy;
        int crowded;
        long budget;
        try (Wafer w = Wafer.load(program(), 1)) {
            budget = 3 * FabricSnapshot.estimateBytes(w.fabric());
            TimeTravel travel = new TimeTravel(budget, 10, () -> 0);
            run(w, travel);
            roomy = travel.count();
        }
        try (Wafer w = Wafer.load(program(), 1)) {
            // a re-run stepper holding most of the budget: the snapshots get what is left
            TimeTravel travel = new TimeTravel(budget, 10, () -> budget - FabricSnapshot.estimateBytes(w.fabric()));
            run(w, travel);
            crowded = travel.count();
            assertTrue(travel.held().counted() <= budget || crowded <= 2, travel.held().toString());
        }
        assertTrue(crowded < roomy, crowded + " snapshots kept beside a large re-run stepper, " + roomy + " without");
    }
}
