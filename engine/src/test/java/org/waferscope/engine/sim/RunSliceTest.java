package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.api.SimState;
import org.waferscope.engine.csl.CslFixture;
import org.waferscope.engine.program.ProgramLoader;
import org.waferscope.engine.program.WaferProgram;

/**
 * A running slice of the explorer is one step of the wafer, which the stepper ends at the
 * slice's deadline or when a command waits (a step has a fixed cost at full wafer, which a
 * slice cut into several steps paid several times); a run in such slices ends exactly as an
 * uninterrupted one.
 */
class RunSliceTest {
    private static final long FAR = Long.MAX_VALUE / 4;

    private static int firstTrue(BooleanSupplier s, int asks) {
        for (int i = 1; i <= asks; i++) {
            if (s.getAsBoolean()) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void anUrgentCommandEndsTheStepAtTheFirstQuestion() {
        BooleanSupplier end = RunPacer.sliceEnd(() -> true, () -> false, System.nanoTime() + FAR, () -> true, 100_000);
        assertEquals(1, firstTrue(end, 1));
    }

    @Test
    void withTimeLeftAndNothingWaitingTheStepGoesOn() {
        BooleanSupplier end = RunPacer.sliceEnd(() -> false, () -> false, System.nanoTime() + FAR, () -> true, 100_000);
        assertEquals(-1, firstTrue(end, 50_000));
    }

    @Test
    void thePassedDeadlineAndAWaitingCommandAreSeenWithinAFewCyclesOfTheSlice() {
        // a budget of 6,400 cycles looks every 100th cycle: 64 looks a slice
        BooleanSupplier late = RunPacer.sliceEnd(() -> false, () -> false, System.nanoTime() - 1, () -> true, 6_400);
        assertEquals(100, firstTrue(late, 1_000));
        BooleanSupplier waiting = RunPacer.sliceEnd(() -> false, () -> true, System.nanoTime() + FAR, () -> false, 6_400);
        assertEquals(100, firstTrue(waiting, 1_000));
        // a full wafer's slice of a few cycles looks at every one
        BooleanSupplier few = RunPacer.sliceEnd(() -> false, () -> false, System.nanoTime() - 1, () -> true, 3);
        assertEquals(1, firstTrue(few, 10));
    }

    @Test
    void aPassedDeadlineWaitsForTheThreadsShareOfTheSliceACommandDoesNot() {
        // on a loaded machine the slice's wall time held too little of the thread's CPU
        BooleanSupplier starved = RunPacer.sliceEnd(() -> false, () -> false, System.nanoTime() - 1, () -> false, 64);
        assertEquals(-1, firstTrue(starved, 1_000));
        boolean[] command = {false};
        BooleanSupplier asked = RunPacer.sliceEnd(() -> false, () -> command[0], System.nanoTime() - 1, () -> false, 64);
        assertEquals(-1, firstTrue(asked, 10));
        command[0] = true;
        assertEquals(1, firstTrue(asked, 1));
    }

    @Test
    void eachRunningSliceIsOneStepAndTheRunEndsAsAnUninterruptedOne() throws Exception {
        WaferProgram p = ProgramLoader.load(CslFixture.sampleFolder("game-of-life"),
                ProgramLoader.LoadOptions.DEFAULTS.withParams(Map.of("width", "16", "height", "8", "gens", "6")));
        RunResult whole;
        try (Wafer w = Wafer.load(p, 1)) {
            whole = w.runToCompletion(1_000_000);
        }
        assertEquals(WaferStatus.HALTED, whole.status(), whole.report().toString());
        try (Simulator sim = new Simulator(1)) {
            sim.load(p);
            sim.tick();
            sim.post(new Command.Run());
            int slices = 0;
            do {
                sim.tick();
                slices++;
            } while (sim.state() == SimState.RUNNING && slices < 100_000);
            assertEquals(SimState.HALTED, sim.state());
            long steps = sim.runCosts().steps();
            // a slice's step is cut into calls of at most 1,000 cycles (the snapshots' chances), and the
            // last call finds the wafer halted: no slice of this run is cut into steps otherwise
            assertTrue(steps <= slices + whole.cycles() / 1_000 + 1, steps + " steps in " + slices + " slices");
            assertFalse(slices > 1 && steps == 0, "it stepped");
            assertEquals(whole.cycles(), sim.latestFrame().cycle());
            assertEquals(Long.toHexString(whole.stateHash()), Long.toHexString(sim.stateHash()));
        }
    }
}
