package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.waferscope.engine.fabric.FabricSnapshot;

/**
 * Over the budget (allreduce at full wafer is, from the start: what thinning may not drop is
 * already over it), a step back or a preparation that keeps a snapshot near its target keeps
 * the run's snapshot it re-ran from too when the kept one is cheap, so that the next one
 * further back re-runs from there and not from cycle 0 (once 5,000 cycles at full wafer); it
 * lets that one go only when snapshots are dear (one copying more than a quarter of the budget,
 * as Game of Life's at full wafer).
 */
class NearSnapshotBudgetTest {
    /** Snapshots at 0 and 100 on SteppingBackTest's exchange, the wafer then at 140, everything held counted as {@code beyond} more. */
    private static TimeTravel runTo140(Wafer w, long budget, long beyond) {
        TimeTravel travel = new TimeTravel(budget, 10, () -> beyond);
        travel.keepNearEvery(6);
        travel.maybeRecord(w);
        w.advance(100, false, false);
        travel.ran(SnapshotSchedule.MAX_RERUN_NANOS, 0);
        travel.maybeRecord(w);
        w.advance(40, false, false);
        return travel;
    }

    @Test
    void cheapNearSnapshotsLeaveTheRunsOneItReranFrom() {
        long[] hashes = SteppingBackTest.straight();
        try (Wafer w = Wafer.load(SteppingBackTest.program(), 1)) {
            long budget = 64 * FabricSnapshot.estimateBytes(w.fabric());
            TimeTravel travel = runTo140(w, budget, 2 * budget);   // over it whatever is dropped
            StepBack back = new StepBack(2);
            back.to(w, travel, travel.before(139), 139);
            assertTrue(back.last().keptNear() && travel.held().counted() > budget, travel.held().toString());
            assertEquals(100, travel.before(130).cycle(), "the run's snapshot re-run from stays");
            back.to(w, travel, travel.before(120), 120);
            assertEquals(100, back.last().from(), "re-ran from the run's snapshot, not from cycle 0");
            assertEquals(hashes[120], w.stateHash());
        }
    }

    @Test
    void dearNearSnapshotsStandInForTheRunsOne() {
        long[] hashes = SteppingBackTest.straight();
        try (Wafer w = Wafer.load(SteppingBackTest.program(), 1)) {
            long budget = FabricSnapshot.estimateBytes(w.fabric()) / 4;   // the least that keeps snapshots at all
            TimeTravel travel = runTo140(w, budget, 0);
            StepBack back = new StepBack(2);
            back.to(w, travel, travel.before(139), 139);
            assertTrue(back.last().keptNear(), "kept near 139");
            assertTrue(travel.held().near() > budget / 4, "a near snapshot dearer than a quarter of the budget: "
                    + travel.held());
            assertEquals(0, travel.before(130).cycle(), "the run's snapshot at 100 went, to stay within the budget");
            back.to(w, travel, travel.before(120), 120);
            assertEquals(hashes[120], w.stateHash());
        }
    }
}
