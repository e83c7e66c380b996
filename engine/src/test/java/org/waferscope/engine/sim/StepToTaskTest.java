package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.api.ConsoleLine;
import org.waferscope.engine.api.SimState;

/** "Step to the next task activation" says which PE started which task, by its name in the source. */
class StepToTaskTest {
    /** A simulator with the sample loaded, its first frame made. */
    private static Simulator loaded(String sample) throws Exception {
        Simulator sim = new Simulator(1);
        try {
            sim.load(BreakpointTest.sample(sample, Map.of()));
            sim.tick();
            return sim;
        } catch (Exception | Error e) {
            sim.close();
            throw e;
        }
    }

    /** Alt+Right, as the explorer sends it; what the status bar then says. */
    private static String stepToTask(Simulator sim) {
        sim.post(new Command.StepToTaskActivation());
        sim.tick();
        return sim.latestFrame().message();
    }

    @Test
    void theStopNamesThePeTheTaskItsIdAndItsColor() throws Exception {
        try (Simulator sim = loaded("broadcast-chain")) {
            String first = stepToTask(sim);
            assertTrue(first.matches("PE \\(\\d, 0\\) started task start \\(id 30, launched by the host\\).*"), first);
            String recv = "";
            for (int i = 0; i < 50 && !recv.contains("recv"); i++) {
                recv = stepToTask(sim);
            }
            assertEquals(SimState.PAUSED, sim.state());
            assertTrue(recv.matches("PE \\(1, 0\\) started task recv \\(id \\d+, color 0\\)"), recv);
            ConsoleLine line = sim.console(0, 10_000).stream().filter(l -> l.text().startsWith("started task recv"))
                    .findFirst().orElseThrow();
            assertEquals(recv, "PE (1, 0) " + line.text(), "the console's PE column names the PE, the text not again");
            assertEquals(1, line.x(), "the console line points at the PE");
            assertEquals(0, line.y());
        }
    }

    @Test
    void aStepThatMeetsNoTaskBeforeTheEndSaysSo() throws Exception {
        // mandelbrot's stages do all their work in the launched start: after it, no task starts again
        try (Simulator sim = loaded("mandelbrot")) {
            String launched = stepToTask(sim);
            assertTrue(launched.contains("started task start"), launched);
            String last = stepToTask(sim);
            assertEquals(SimState.HALTED, sim.state());
            assertEquals("no task started again before the end; halted: the check passed", last);
        }
    }
}
