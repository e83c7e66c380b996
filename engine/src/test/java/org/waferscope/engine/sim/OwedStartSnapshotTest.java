package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.api.SimState;

/**
 * A load's cycle-0 snapshot is owed until the load's first frame is out, and is always taken
 * before anything moves the wafer: a step, a run, a step back or a reset posted with the load
 * finds it there, and nothing is reloaded.
 */
class OwedStartSnapshotTest {

    @Test
    void aLoadOwesItsSnapshotUntilTakenAndTakesItOnce() {
        History history = new History(Long.MAX_VALUE, 1);
        try (Wafer w = Wafer.load(SimulatorTest.chainProgram(), 1)) {
            TimeTravel travel = history.startOwing(w, 0);
            assertNull(travel.before(0), "nothing is taken at the load itself");
            history.takeStart(w, null);
            Wafer.Snapshot zero = travel.before(0);
            assertNotNull(zero);
            assertEquals(0, zero.cycle());
            history.takeStart(w, null);
            assertEquals(1, travel.taken(), "a second call takes nothing");
        }
    }

    @Test
    void anOwedSnapshotIsNeverTakenPastCycleZero() {
        History history = new History(Long.MAX_VALUE, 1);
        try (Wafer w = Wafer.load(SimulatorTest.chainProgram(), 1)) {
            history.startOwing(w, 0);
            w.advance(3, false, false);
            assertThrows(IllegalStateException.class, () -> history.takeStart(w, null));
        }
    }

    @Test
    void stepsAndAStepBackPostedWithTheLoadRestoreFromIt() {
        long fresh;
        try (Wafer reference = Wafer.load(SimulatorTest.chainProgram(), 1)) {
            reference.advance(4, false, false);
            fresh = reference.stateHash();
        }
        try (Simulator sim = new Simulator(1)) {
            sim.load(SimulatorTest.chainProgram());
            sim.post(new Command.Step(9));
            sim.post(new Command.StepBack(5));
            sim.tick();
            assertEquals(4, sim.latestFrame().cycle());
            assertEquals(fresh, sim.stateHash());
            assertEquals(1, sim.snapshotFigures().taken(), "the cycle-0 snapshot, and no reload");
        }
    }

    @Test
    void aResetPostedWithTheLoadFindsTheSnapshotAndTheFrameComesFirst() {
        try (Simulator sim = new Simulator(1)) {
            sim.load(SimulatorTest.chainProgram());
            sim.tick();
            assertEquals(SimState.LOADED, sim.latestFrame().state());
            assertEquals(1, sim.snapshotFigures().taken(), "taken in the load's tick, after its frame");
            sim.post(new Command.Reset());
            sim.tick();
            assertEquals(0, sim.latestFrame().cycle());
            assertTrue(sim.console(0, 100).stream().noneMatch(l -> l.text().contains("too large")));
        }
    }
}
