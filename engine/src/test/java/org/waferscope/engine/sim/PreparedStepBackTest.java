package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.fabric.FabricSnapshot;
import org.waferscope.engine.program.WaferProgram;

/**
 * The step back prepared while paused ({@link History#prepare}) changes nothing a user sees:
 * finished or cancelled at any point, the wafer is at the same state, with the same timeline,
 * and every step back after it reaches a straight run's state; finished, it leaves a snapshot
 * near the present, so the next step back re-runs a few cycles only.
 */
class PreparedStepBackTest {
    /** SteppingBackTest's fabric of 32×24 PEs exchanging with their neighbours, and its straight run's hashes. */
    private static final FabricLayout LAYOUT = SteppingBackTest.program().layout();
    private static final int END = 300;

    private static WaferProgram program() {
        return SteppingBackTest.program();
    }

    private static long[] straight() {
        return SteppingBackTest.straight();
    }

    /** A cancel that says true from its {@code after}-th question on. */
    private static java.util.function.BooleanSupplier cancelAfter(int after) {
        int[] asked = new int[1];
        return () -> ++asked[0] > after;
    }

    /** Runs {@code w} to cycle 240 with {@code history}'s snapshots at cycles 0 and 40, those near a target kept 6 cycles before it. */
    static TimeTravel toCycle240(Wafer w, History history) {
        return toCycle(w, history, 40, 240);
    }

    /** Runs {@code w} to cycle {@code to} with {@code history}'s snapshots at cycles 0 and {@code kept}, those near a target kept 6 cycles before it. */
    private static TimeTravel toCycle(Wafer w, History history, long kept, long to) {
        TimeTravel travel = history.start(w, 6);
        w.advance(kept, false, false);
        travel.ran(SnapshotSchedule.MAX_RERUN_NANOS, 0);
        travel.maybeRecord(w);
        w.advance(to - kept, false, false);
        return travel;
    }

    /**
     * Runs {@code w} to cycle 200 with {@code history}'s snapshots kept {@code near} cycles before a
     * target, and one kept at {@code keptAt} after the cycle-0 one, as a step back there leaves it.
     */
    private static TimeTravel to200WithOneKeptAt(Wafer w, History history, long near, long keptAt) {
        TimeTravel travel = history.start(w, near);
        w.advance(200, false, false);
        Wafer.Snapshot first = travel.before(199);
        w.restore(first, false);
        w.rerun(keptAt - w.cycle(), 2);
        travel.keepNear(w, first);
        w.rerun(200 - keptAt, 2);
        assertEquals(keptAt, travel.before(199).cycle());
        return travel;
    }

    /**
     * A history of {@code w} under a budget of a third of its state (the cycle-0 snapshot and
     * little more), with snapshots at cycles 0 and 100, those near a target kept 6 cycles before
     * it; {@code w} run to cycle 140.
     */
    static History tightTo140(Wafer w) {
        History history = new History(FabricSnapshot.estimateBytes(w.fabric()) / 3, 2);
        toCycle(w, history, 100, 140);
        return history;
    }

    @ParameterizedTest(name = "cancelled at question {0}")
    @ValueSource(ints = {0, 1, 2, 5, 20, 60, 1_000_000})
    void preparedOrCancelledTheWaferIsWhereItWas(int after) {
        long[] hashes = straight();
        try (Wafer w = Wafer.load(program(), 1)) {
            History history = new History(Long.MAX_VALUE, 2);
            TimeTravel travel = toCycle240(w, history);
            long present = w.cycle();
            List<?> timeline = w.timeline().points(LAYOUT.width() * LAYOUT.height());
            boolean done = history.prepare(w, cancelAfter(after));
            assertEquals(hashes[(int) present], w.stateHash(), "back at the present");
            assertEquals(present, w.cycle());
            assertEquals(timeline, w.timeline().points(LAYOUT.width() * LAYOUT.height()), "the timeline as it was");
            if (done) {
                assertEquals(present - 6, travel.before(present - 1).cycle(), "a snapshot kept 6 cycles back");
            } else {
                assertTrue(after < 1_000_000, "only a cancel stops it");
            }
            for (long target = present - 1; target > present - 30; target -= 4) {
                w.restore(travel.before(target), false);
                w.rerun(target - w.cycle(), 2);
                assertEquals(hashes[(int) target], w.stateHash(), "stepped back to " + target);
            }
        }
    }

    @Test
    void aSnapshotJustBelowThePresentStillGetsOneForALongerStepBack() {
        long[] hashes = straight();
        try (Wafer w = Wafer.load(program(), 1)) {
            History history = new History(Long.MAX_VALUE, 2);
            TimeTravel travel = to200WithOneKeptAt(w, history, 6, 199);   // as a step back to 199 leaves it
            assertTrue(history.prepare(w, () -> false));
            assertEquals(hashes[200], w.stateHash(), "back at the present");
            assertEquals(194, travel.before(194).cycle(), "a step back of up to 6 cycles re-runs from 194, not from 0");
        }
    }

    /**
     * A snapshot 4 to 9 cycles below the present (a run's own a few cycles before its stop, or
     * one a step back kept) serves steps back of one, but a step back of ten lands below it: the
     * preparation finds the one under that far (here cycle 0) and keeps one near the present.
     */
    @Test
    void aSnapshotAFewCyclesBelowThePresentDoesNotLetAStepBackOfTenFallFar() {
        long[] hashes = straight();
        try (Wafer w = Wafer.load(program(), 1)) {
            History history = new History(Long.MAX_VALUE, 2);
            TimeTravel travel = to200WithOneKeptAt(w, history, 12, 195);
            assertTrue(history.prepare(w, () -> false));
            assertEquals(hashes[200], w.stateHash(), "back at the present");
            Wafer.Snapshot from = travel.before(190);
            assertTrue(from.cycle() >= 190 - 12, "a step back of ten re-runs from " + from.cycle());
            w.restore(from, false);
            w.rerun(190 - w.cycle(), 2);
            assertEquals(hashes[190], w.stateHash());
        }
    }

    /**
     * Over the budget, a preparation lets the present's snapshot go before it keeps the one near
     * the present, and not after: the slabs, which give back only their last ones left empty, then
     * never hold both (at full wafer, Game of Life's slabs kept twice what was in use, session 10).
     */
    @Test
    void overTheBudgetThePresentsSnapshotGoesBeforeTheNearOneIsKept() {
        long[] hashes = straight();
        try (Wafer w = Wafer.load(program(), 1)) {
            History history = tightTo140(w);
            TimeTravel travel = history.travel();
            long slabsBefore = travel.held().slabs();
            assertTrue(travel.noRoomBeside(travel.before(140)), "no room for a snapshot of the present and a near one: " + travel.held());
            assertTrue(history.prepare(w, () -> false));
            assertEquals(hashes[140], w.stateHash(), "back at the present");
            assertEquals(134, travel.before(140).cycle(), "the present's snapshot went, the near one stays");
            assertTrue(travel.held().slabs() < slabsBefore + slabsBefore / 3, "holding both took half as much again (1.50x), the near one in the present's slots 1.28x: " + slabsBefore + " -> " + travel.held());
            w.restore(travel.before(139), false);
            w.rerun(5, 2);
            assertEquals(hashes[139], w.stateHash());
        }
    }

    /**
     * Over the budget after a step back from far (its near snapshot kept beside the run's), the
     * preparation drops the snapshots after the present first: no step back from there restores
     * them (at full wafer, Game of Life's history held 726 MB of a 372 MB budget so).
     */
    @Test
    void overTheBudgetThePreparationDropsWhatLiesAheadOfThePresent() {
        long[] hashes = straight();
        try (Wafer w = Wafer.load(program(), 1)) {
            History history = tightTo140(w);
            TimeTravel travel = history.travel();
            history.restoreTo(w, 95, () -> null);   // from cycle 0, a snapshot kept near 89
            assertEquals(89, travel.before(95).cycle());
            assertEquals(100, travel.before(139).cycle(), "the run's, ahead of the present");
            assertTrue(travel.held().counted() > travel.held().budget(), "over the budget: " + travel.held());
            assertTrue(history.prepare(w, () -> false));
            assertEquals(hashes[95], w.stateHash());
            assertTrue(travel.before(139).cycle() < 100, "the run's snapshot ahead of the present went");
            assertEquals(89, travel.before(95).cycle(), "the near one stays");
            history.restoreTo(w, 90, () -> null);
            assertEquals(hashes[90], w.stateHash());
            assertEquals(89, history.back().last().from());
        }
    }

    @Test
    void withATightBudgetAnyMixWithPreparedStepsBackGivesTheStraightRunsStates() {
        long[] hashes = straight();
        long budget;
        try (Wafer w = Wafer.load(program(), 1)) {
            budget = FabricSnapshot.estimateBytes(w.fabric()) / 3;   // the cycle-0 snapshot and little more
        }
        try (Simulator sim = new Simulator(1, budget, 2)) {
            sim.keepNearEvery = 5;
            sim.load(program());
            sim.tick();
            Random r = new Random(7);
            long cycle = 0;
            StringBuilder done = new StringBuilder();
            int shortStepsBack = 0;
            for (int i = 0; i < 40; i++) {
                int what = r.nextInt(4);
                if (what == 0 && cycle < END - 40) {
                    int n = 1 + r.nextInt(40);
                    sim.post(new Command.Step(n));
                    done.append(" step ").append(n);
                } else {
                    sim.post(new Command.StepBack(what == 3 ? 1 + r.nextInt(20) : 1));
                    done.append(" back");
                }
                sim.tick();   // the command, then (paused, nothing waiting) the next step back prepared
                cycle = sim.latestFrame().cycle();
                assertEquals(hashes[(int) cycle], sim.stateHash(), "at cycle " + cycle + " after" + done);
                HistoryBytes h = sim.historyBytes();
                assertTrue(h.counted() <= h.budget() || sim.snapshotFigures().kept() <= 4,
                        h + " with " + sim.snapshotFigures().kept() + " snapshots");
                if (sim.stepBackFigures().from() >= 0 && sim.stepBackFigures().rerunCycles() < 5) {
                    shortStepsBack++;
                }
            }
            assertTrue(shortStepsBack > 5, "steps back that re-ran under 5 cycles: " + shortStepsBack);
            assertFalse(done.isEmpty());
        }
    }
}
