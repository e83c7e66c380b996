package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.waferscope.engine.api.Breakpoint;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.api.SimState;

/**
 * A run that stops (at a cycle breakpoint, or when a Pause or step back waits) keeps a
 * snapshot before its last cycle, so that a step back clicked at once is a restore with
 * nothing re-run; the states reached, and those of any run or step back after, are the
 * straight run's. Snapshots are kept here by rule ({@link TimeTravel#keepNearEvery}), on
 * fabrics of 12 activity words (up to 12 workers).
 */
class SnapshotBeforeStopTest {

    @ParameterizedTest(name = "{0} worker(s), re-run on {1}")
    @CsvSource({"1, 2", "2, 4", "4, 2"})
    void aStepBackRightAfterARunToACycleRestoresTheSnapshotBeforeItAndReRunsNothing(int workers, int rerun) {
        long[] straight = SteppingBackTest.straight();
        try (Simulator sim = new Simulator(workers, Long.MAX_VALUE, rerun)) {
            sim.keepNearEvery = 7;
            sim.load(SteppingBackTest.program());
            sim.tick();
            for (long to : new long[] {150, 230, 231, 300}) {
                runTo(sim, to);
                assertEquals(to, sim.latestFrame().cycle());
                assertEquals(straight[(int) to], sim.stateHash(), "run to " + to);
                sim.post(new Command.StepBack(1));
                sim.tick();
                assertEquals(straight[(int) to - 1], sim.stateHash(), "back to " + (to - 1));
                assertEquals(to - 1, sim.stepBackFigures().from(), "restored the one kept before the stop at " + to);
                assertEquals(0, sim.stepBackFigures().rerunCycles());
                for (int back = 0; back < 3; back++) {
                    sim.tick();   // paused: the next step back prepared
                    sim.post(new Command.StepBack(back + 1));
                    sim.tick();
                    long at = sim.latestFrame().cycle();
                    assertEquals(straight[(int) at], sim.stateHash(), "back to " + at);
                }
            }
            runTo(sim, 400);
            assertEquals(straight[400], sim.stateHash());
        }
    }

    /**
     * A running slice's step is also interrupted at the slice's deadline, or when a command
     * other than a stop waits ({@link RunPacer#sliceEnd}): no stop waits, so the step ends
     * there, with nothing kept and no cycle more.
     */
    @Test
    void aSlicesDeadlineEndsTheStepThereWithNothingKept() {
        long[] straight = SteppingBackTest.straight();
        try (Wafer w = Wafer.load(SteppingBackTest.program(), 3)) {
            History history = startedTo20(w);
            RunLedger ledger = new RunLedger();
            int[] asked = new int[1];
            w.interruptWhen(() -> ++asked[0] >= 9);
            int steps = runSlice(w, new RunSnapshots(history, ledger, w, true, () -> false, () -> false));
            w.interruptWhen(null);
            assertEquals(29, w.cycle(), "the step ends at the cycle its deadline came");
            assertEquals(1, steps);
            assertEquals(0, ledger.costs().preparingCpuNanos(), "no snapshot kept for a stop nobody asked for");
            assertEquals(straight[29], w.stateHash());
        }
    }

    @ParameterizedTest(name = "stop asked at the {0}th cycle")
    @ValueSource(ints = {1, 9, 40})
    void aStopAskedWhileARunStepsEndsOneCycleOnAfterASnapshot(int askedAt) {
        long[] straight = SteppingBackTest.straight();
        try (Wafer w = Wafer.load(SteppingBackTest.program(), 3)) {
            History history = startedTo20(w);
            RunLedger ledger = new RunLedger();
            boolean[] stop = new boolean[1];
            int[] asked = new int[1];
            // asked once a cycle by the stepper, as the simulator's run asks whether a Pause waits
            w.interruptWhen(() -> stop[0] |= ++asked[0] >= askedAt);
            runSlice(w, new RunSnapshots(history, ledger, w, true, () -> stop[0], () -> false));
            w.interruptWhen(null);
            long stopped = w.cycle();
            assertEquals(20 + askedAt + 1, stopped, "the cycle the stop was asked at, and one more");
            assertEquals(straight[(int) stopped], w.stateHash());
            assertEquals(stopped - 1, history.travel().before(stopped - 1).cycle(), "a snapshot before the last cycle");
            assertTrue(ledger.costs().preparingCpuNanos() > 0, "counted as the stop's, not the run's");
            history.restoreTo(w, stopped - 1, () -> null);
            assertEquals(straight[(int) stopped - 1], w.stateHash());
            assertEquals(0, history.back().last().rerunCycles());
            w.advance(400 - w.cycle(), false, false);
            assertEquals(straight[400], w.stateHash());
        }
    }

    @ParameterizedTest(name = "cancelled at question {0}")
    @ValueSource(ints = {0, 1, 3, 20, 1_000_000})
    void thePreparationAfterAStopComesBackByTheStopsSnapshotAndACycle(int after) {
        long[] straight = SteppingBackTest.straight();
        try (Wafer w = Wafer.load(SteppingBackTest.program(), 3)) {
            History history = new History(Long.MAX_VALUE, 2);
            TimeTravel travel = PreparedStepBackTest.toCycle240(w, history);
            assertTrue(history.keepBeforeStop(w, () -> false) > 0 || travel.before(w.cycle()).cycle() == w.cycle());
            w.advance(1, false, false);
            long present = w.cycle();
            int taken = travel.taken();
            int[] asked = new int[1];
            List<?> timeline = w.timeline().points(32 * 24);
            boolean done = history.prepare(w, () -> ++asked[0] > after);
            assertEquals(straight[(int) present], w.stateHash(), "back at the present");
            assertEquals(present, w.cycle());
            assertEquals(timeline, w.timeline().points(32 * 24), "the timeline as it was");
            assertTrue(travel.taken() <= taken + 1, "no snapshot of the present, at most the near one");
            if (done) {
                assertEquals(present - 6, travel.before(present - 2).cycle(), "a snapshot kept 6 cycles back");
            }
            for (long target = present - 1; target > present - 30; target -= 4) {
                history.restoreTo(w, target, () -> null);
                assertEquals(straight[(int) target], w.stateHash(), "stepped back to " + target);
            }
        }
    }

    /**
     * Over the budget, the snapshot before a stop does not cost the run's newest: it is told
     * against that one and holds on to its pieces, so dropping it freed little (Game of Life at
     * full wafer: 11 MB of 420) and left only cycle 0 below the stop, and the preparation after
     * re-ran from there (387 cycles, 18-21 s of CPU).
     */
    @Test
    void overTheBudgetTheStopsSnapshotKeepsTheRunsNewest() {
        long[] straight = SteppingBackTest.straight();
        try (Wafer w = Wafer.load(SteppingBackTest.program(), 1)) {
            History history = PreparedStepBackTest.tightTo140(w);
            TimeTravel travel = history.travel();
            assertTrue(history.keepBeforeStop(w, () -> false) > 0);
            assertEquals(140, travel.before(140).cycle(), "the stop's snapshot");
            assertTrue(travel.held().counted() > travel.held().budget(), "over the budget: " + travel.held());
            assertEquals(100, travel.before(139).cycle(), "the run's newest stays below it");
            history.restoreTo(w, 139, () -> null);
            assertEquals(straight[139], w.stateHash());
            assertEquals(100, history.back().last().from(), "a step back of two re-ran from the run's newest, not from 0");
        }
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 3})
    void aResetOrLoadThatWaitsKeepsNothing(int workers) {
        try (Wafer w = Wafer.load(SteppingBackTest.program(), workers)) {
            History history = new History(Long.MAX_VALUE, 2);
            history.start(w, 7);
            w.advance(20, false, false);
            int before = history.travel().taken();
            RunSnapshots snaps = new RunSnapshots(history, new RunLedger(), w, true, () -> true, () -> true);
            assertFalse(snaps.takeAndGoOn(null), "the run ends before another cycle");
            assertEquals(before, history.travel().taken());
            assertEquals(20, w.cycle());
        }
    }

    /** A history keeping a snapshot near every 7 cycles of {@code w}, which is then run to cycle 20. */
    private static History startedTo20(Wafer w) {
        History history = new History(Long.MAX_VALUE, 2);
        history.start(w, 7);
        w.advance(20, false, false);
        return history;
    }

    /** Steps {@code w} towards cycle 300 as a running slice does, until {@code snaps} ends it; returns the steps. */
    private static int runSlice(Wafer w, RunSnapshots snaps) {
        StopReason r = null;
        int steps = 0;
        while (w.cycle() < 300 && snaps.takeAndGoOn(r)) {
            r = w.advance(snaps.chunk(300 - w.cycle(), null), false, false);
            steps++;
        }
        return steps;
    }

    private static void runTo(Simulator sim, long to) {
        sim.post(new Command.SetBreakpoints(List.of(new Breakpoint.AtCycle(to))));
        sim.post(new Command.Run());
        sim.tick();
        while (sim.state() == SimState.RUNNING) {
            sim.tick();
        }
        sim.post(new Command.SetBreakpoints(List.of()));
    }
}
