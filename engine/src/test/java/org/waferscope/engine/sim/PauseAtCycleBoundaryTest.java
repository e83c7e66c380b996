package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.api.SimState;

/**
 * A Pause posted while the explorer runs ends the step under way at the next cycle boundary
 * (at full wafer a step can last a second); that is only a shorter step, so a run cut by
 * pauses ends exactly as an uninterrupted one.
 */
class PauseAtCycleBoundaryTest {

    /** Asked once a cycle; says "stop" every {@code every}-th time. */
    private static final class EveryNth implements java.util.function.BooleanSupplier {
        private final int every;
        private long asked;

        EveryNth(int every) {
            this.every = every;
        }

        @Override
        public boolean getAsBoolean() {
            return ++asked % every == 0;
        }
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 3})
    void aStepEndsAtTheCycleItIsAskedToAndTheRunEndsAsAnUninterruptedOne(int threads) {
        RunResult whole;
        try (Wafer w = Wafer.load(HostPortTest.streaming(), 1)) {
            whole = w.runToCompletion(10_000);
        }
        assertEquals(WaferStatus.HALTED, whole.status());
        try (Wafer w = Wafer.load(HostPortTest.streaming(), threads)) {
            w.interruptWhen(new EveryNth(7));
            int interruptions = 0;
            while (w.status() == WaferStatus.RUNNING) {
                if (w.advance(10_000, false, false) == StopReason.INTERRUPTED) {
                    interruptions++;
                    // one question a cycle: the seventh, fourteenth, ... cycle is where it stopped
                    assertEquals(0, w.cycle() % 7, "interrupted at cycle " + w.cycle());
                }
            }
            assertTrue(interruptions > 3, "interrupted " + interruptions + " times");
            assertEquals(whole.cycles(), w.cycle());
            assertEquals(Long.toHexString(whole.stateHash()), Long.toHexString(w.stateHash()));
            assertEquals(whole.checks(), w.checks());
        }
    }

    @Test
    void withoutAQuestionAStepIsNotCutShort() {
        try (Wafer w = Wafer.load(HostPortTest.streaming(), 2)) {
            w.interruptWhen(new EveryNth(3));
            w.interruptWhen(null);
            assertEquals(StopReason.CYCLES_DONE, w.advance(20, false, false));
            assertEquals(20, w.cycle());
        }
    }

    @Test
    void runPauseRunInTheSimulatorEndsAsAnUninterruptedRun() {
        long expected;
        try (Wafer w = Wafer.load(SimulatorTest.chainProgram(), 1)) {
            expected = w.runToCompletion(10_000).stateHash();
        }
        try (Simulator sim = new Simulator(2)) {
            sim.load(SimulatorTest.chainProgram());
            sim.tick();
            for (int pause = 0; pause < 3 && sim.state() != SimState.HALTED; pause++) {
                sim.post(new Command.Run());
                sim.tick();
                sim.post(new Command.Pause());
                sim.tick();
                assertTrue(sim.state() == SimState.PAUSED || sim.state() == SimState.HALTED, sim.state().name());
                assertEquals(sim.state(), sim.latestFrame().state(), "the frame says where it stopped");
            }
            sim.post(new Command.Run());
            sim.tick();
            for (int i = 0; i < 1_000 && sim.state() == SimState.RUNNING; i++) {
                sim.tick();
            }
            assertEquals(SimState.HALTED, sim.state());
            assertEquals(Long.toHexString(expected), Long.toHexString(sim.stateHash()));
        }
    }
}
