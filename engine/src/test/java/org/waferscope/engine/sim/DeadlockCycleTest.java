package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.api.SimState;
import org.waferscope.engine.csl.CslFixture;
import org.waferscope.engine.program.ProgramLoader;
import org.waferscope.engine.program.WaferProgram;

/**
 * A deadlock is found at the same cycle however the run is cut into steps: the count of
 * cycles without progress runs on across calls (and is part of a snapshot), so stepping
 * one cycle at a time, n at a time, running, or stepping back and forward all see it when
 * a single run does. relay-deadlock's lesson says cycle 19.
 */
class DeadlockCycleTest {
    static final long RELAY_DEADLOCK = 19;

    static WaferProgram relay() throws Exception {
        return ProgramLoader.load(CslFixture.sampleFolder("relay-deadlock"), ProgramLoader.LoadOptions.DEFAULTS);
    }

    private static long deadlockCycle(long chunk) throws Exception {
        try (Wafer w = Wafer.load(relay(), 1)) {
            for (int i = 0; i < 1_000 && w.status() == WaferStatus.RUNNING; i++) {
                w.advance(chunk, false, false);
            }
            assertEquals(WaferStatus.DEADLOCK, w.status());
            return w.cycle();
        }
    }

    @Test
    void aSingleRunAndEveryChunkingReportTheSameCycle() throws Exception {
        assertEquals(RELAY_DEADLOCK, deadlockCycle(1_000_000));
        for (long chunk : new long[] {1, 2, 3, 5, 7, 17}) {
            assertEquals(RELAY_DEADLOCK, deadlockCycle(chunk), "stepped " + chunk + " at a time");
        }
    }

    private static long simulatorDeadlock(Simulator sim) {
        for (int i = 0; i < 1_000 && sim.state() != SimState.FAULTED; i++) {
            sim.tick();
        }
        assertEquals(SimState.FAULTED, sim.state());
        return sim.latestFrame().cycle();
    }

    @Test
    void steppingThenRunningInTheSimulatorReportsTheSameCycle() throws Exception {
        try (Simulator sim = new Simulator(2)) {
            sim.load(relay());
            for (int i = 0; i < 17; i++) {
                sim.post(new Command.Step(1));
            }
            sim.tick();
            assertEquals(17, sim.latestFrame().cycle());
            sim.post(new Command.Run());
            assertEquals(RELAY_DEADLOCK, simulatorDeadlock(sim));
        }
    }

    @Test
    void steppingOneAtATimeReportsIt() throws Exception {
        try (Simulator sim = new Simulator(1)) {
            sim.load(relay());
            sim.tick();
            for (int i = 0; i < 40 && sim.state() != SimState.FAULTED; i++) {
                sim.post(new Command.Step(1));
                sim.tick();
            }
            assertEquals(SimState.FAULTED, sim.state());
            assertEquals(RELAY_DEADLOCK, sim.latestFrame().cycle());
            assertEquals("deadlock at cycle 19: work remains but nothing can move", sim.latestFrame().message());
        }
    }

    @Test
    void steppingBackAndForwardAcrossTheStreakReportsIt() throws Exception {
        try (Simulator sim = new Simulator(1)) {
            sim.load(relay());
            sim.post(new Command.Step(18));
            sim.post(new Command.StepBack(1));
            sim.post(new Command.Step(1));
            sim.post(new Command.StepBack(2));
            sim.tick();
            assertEquals(16, sim.latestFrame().cycle());
            assertEquals(SimState.PAUSED, sim.state());
            for (int i = 0; i < 10 && sim.state() != SimState.FAULTED; i++) {
                sim.post(new Command.Step(1));
                sim.tick();
            }
            assertEquals(RELAY_DEADLOCK, sim.latestFrame().cycle());
        }
    }
}
