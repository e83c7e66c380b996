package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.BreakHit;
import org.waferscope.engine.api.Breakpoint;
import org.waferscope.engine.api.Breakpoint.Pe;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.api.CoreSnapshot;
import org.waferscope.engine.api.SimState;
import org.waferscope.engine.csl.CslFixture;
import org.waferscope.engine.program.ProgramLoader;
import org.waferscope.engine.program.WaferProgram;

/**
 * Breakpoints on real samples, driven through the simulator's mailbox as the explorer
 * does: each stop names the breakpoint, the PE and its line, and continuing runs past it.
 */
class BreakpointTest {

    static WaferProgram sample(String name, Map<String, String> params) throws Exception {
        return ProgramLoader.load(CslFixture.sampleFolder(name), ProgramLoader.LoadOptions.DEFAULTS.withParams(params));
    }

    /** Runs (Continue after every hit) until the program ends; returns the hits in order. */
    static List<BreakHit> hitsUntilTheEnd(WaferProgram p, List<Breakpoint> bps) {
        List<BreakHit> hits = new ArrayList<>();
        try (Simulator sim = new Simulator(2)) {
            sim.load(p);
            sim.post(new Command.SetBreakpoints(bps));
            for (int i = 0; i < 500; i++) {
                sim.post(new Command.Run());
                sim.tick();
                for (int t = 0; t < 100_000 && sim.state() == SimState.RUNNING; t++) {
                    sim.tick();
                }
                if (sim.state() == SimState.HALTED || sim.state() == SimState.FAULTED) {
                    return hits;
                }
                BreakHit h = sim.latestFrame().hit();
                assertNotNull(h, "paused only at a breakpoint");
                assertEquals(h.what(), sim.latestFrame().message());
                hits.add(h);
            }
        }
        throw new AssertionError("never ended");
    }

    @Test
    void aLineBreakpointFiresOncePerArrivalAndNamesThePe() throws Exception {
        List<BreakHit> hits = hitsUntilTheEnd(sample("broadcast-chain", Map.of()),
                List.of(new Breakpoint.Line("receiver.csl", 27)));
        assertEquals(12, hits.size(), "4 receivers x 3 values: " + hits);
        Set<String> seen = new HashSet<>();
        for (BreakHit h : hits) {
            assertTrue(h.pe().x() >= 1 && h.pe().y() == 0, h.what());
            assertEquals(27, h.position().line());
            assertEquals("receiver.csl", h.position().file());
            assertTrue(seen.add(h.pe() + "@" + h.cycle()), "one stop per arrival: " + h.what());
            assertTrue(h.what().startsWith("paused at breakpoint receiver.csl:27: PE (" + h.pe().x() + ", 0) arrived at line 27"),
                    h.what());
        }
    }

    @Test
    void aMultiCycleVectorOpIsOneArrivalAndItsLineIsShownWhileItRuns() throws Exception {
        WaferProgram p = sample("gemv-one-pe", Map.of("M", "64", "N", "6"));
        List<BreakHit> hits = hitsUntilTheEnd(p, List.of(new Breakpoint.Line("pe_program.csl", 34)));
        assertEquals(6, hits.size(), "one @fmacs per column: " + hits);
        try (Simulator sim = new Simulator(1)) {
            sim.load(p);
            sim.post(new Command.SetBreakpoints(List.of(new Breakpoint.Line("pe_program.csl", 34))));
            sim.post(new Command.Run());
            sim.tick();
            for (int t = 0; t < 1000 && sim.state() == SimState.RUNNING; t++) {
                sim.tick();
            }
            CoreSnapshot s = null;
            for (int i = 0; i < 10 && (s == null || !s.activity().contains("to go")); i++) {
                sim.post(new Command.Step(1));
                var snap = sim.inspect(0, 0);
                sim.tick();
                s = snap.join();
            }
            assertTrue(s.activity().contains("cycle(s) to go"), s.activity());
            assertEquals(34, s.position().line(), "the CE is still on the @fmacs");
            assertNull(sim.latestFrame().hit(), "a manual step clears the last stop");
            assertEquals("", sim.latestFrame().message());
        }
    }

    @Test
    void aBreakpointOnOnePeAndAHitCountStopOnlyThere() throws Exception {
        WaferProgram p = sample("broadcast-chain", Map.of());
        List<BreakHit> hits = hitsUntilTheEnd(p, List.of(new Breakpoint.Line("receiver.csl", 27, new Pe(3, 0), "", 0)));
        assertEquals(3, hits.size());
        hits.forEach(h -> assertEquals(new Pe(3, 0), h.pe()));
        List<BreakHit> second = hitsUntilTheEnd(p, List.of(new Breakpoint.Line("receiver.csl", 27, new Pe(3, 0), "", 2)));
        assertEquals(1, second.size());
        assertTrue(second.get(0).cycle() > hits.get(0).cycle() && second.get(0).cycle() == hits.get(1).cycle());
    }

    @Test
    void aConditionOnAVariableIsTested() throws Exception {
        List<BreakHit> hits = hitsUntilTheEnd(sample("broadcast-chain", Map.of()),
                List.of(new Breakpoint.Line("receiver.csl", 30, null, "seen == 3", 0)));
        assertEquals(4, hits.size(), "each receiver's third value: " + hits);
    }

    @Test
    void otherKindsFireWhereTheySay() throws Exception {
        WaferProgram chain = sample("broadcast-chain", Map.of());
        List<BreakHit> tasks = hitsUntilTheEnd(chain, List.of(new Breakpoint.TaskStart(-1, new Pe(2, 0))));
        assertEquals(4, tasks.size(), "the launch and three data tasks: " + tasks);
        List<BreakHit> wavelets = hitsUntilTheEnd(chain, List.of(new Breakpoint.WaveletArrives(0, new Pe(4, 0))));
        assertEquals(3, wavelets.size(), wavelets.toString());
        List<BreakHit> writes = hitsUntilTheEnd(chain, List.of(new Breakpoint.SymbolWritten("seen", new Pe(1, 0), "")));
        assertEquals(3, writes.size(), writes.toString());
        List<BreakHit> big = hitsUntilTheEnd(chain, List.of(new Breakpoint.SymbolWritten("seen", null, ">= 3")));
        assertEquals(4, big.size(), big.toString());
        List<BreakHit> host = hitsUntilTheEnd(chain, List.of(new Breakpoint.HostStep(3)));
        assertEquals(1, host.size());
        assertTrue(host.get(0).what().contains("the host reached step 3"), host.get(0).what());
        List<BreakHit> cycle = hitsUntilTheEnd(chain, List.of(new Breakpoint.AtCycle(40)));
        assertEquals(40, cycle.get(0).cycle());
        List<BreakHit> full = hitsUntilTheEnd(sample("broadcast-chain", Map.of("count", "16")),
                List.of(new Breakpoint.QueueFull(new Pe(1, 0))));
        assertTrue(!full.isEmpty(), "count=16 fills the first receiver's queue");
    }

    @Test
    void aWriteNamesTheElementWrittenAndTheLineOfTheStore() throws Exception {
        WaferProgram chain = sample("broadcast-chain", Map.of());
        List<BreakHit> received = hitsUntilTheEnd(chain,
                List.of(new Breakpoint.SymbolWritten("received", new Pe(1, 0), "")));
        assertEquals(3, received.size(), received.toString());
        for (int k = 0; k < 3; k++) {
            String what = received.get(k).what();
            assertTrue(what.contains("wrote received[" + k + "] (now received[" + k + "] = " + (10 * (k + 1)) + ")"),
                    what);
            assertTrue(what.endsWith("(receiver.csl:27)"), "the store is on line 27: " + what);
            assertEquals(27, received.get(k).position().line());
        }
        List<BreakHit> seen = hitsUntilTheEnd(chain, List.of(new Breakpoint.SymbolWritten("seen", new Pe(1, 0), "")));
        assertTrue(seen.get(0).what().endsWith("(receiver.csl:29)"), seen.get(0).what());
    }

    @Test
    void hostStepsReachedInOneCycleAreAllNamed() throws Exception {
        // once the fabric is quiet the host copies both arrays out and checks them in one cycle: steps 4 and 5
        // are reached together (and the program ends there)
        try (Simulator sim = new Simulator(1)) {
            sim.load(sample("broadcast-chain", Map.of()));
            sim.post(new Command.SetBreakpoints(List.of(new Breakpoint.HostStep(4), new Breakpoint.HostStep(5))));
            sim.post(new Command.Run());
            sim.tick();
            for (int t = 0; t < 100_000 && sim.state() == SimState.RUNNING; t++) {
                sim.tick();
            }
            BreakHit h = sim.latestFrame().hit();
            assertNotNull(h, sim.latestFrame().message());
            assertEquals("paused at breakpoints host step 4, host step 5: the host reached steps 4 (copy arrivals out "
                    + "to arrivals), 5 (check every receiver got every value, in order) in one cycle", h.what());
            assertTrue(sim.console(0, 10_000).stream().anyMatch(l -> l.text().equals(h.what())), "said in the console");
        }
    }

    @Test
    void aStepDoneAtLoadIsSaidOnceWhateverComesAfter() throws Exception {
        List<Breakpoint> list = List.of(new Breakpoint.HostStep(1));
        try (Simulator sim = new Simulator(1)) {
            sim.load(sample("broadcast-chain", Map.of()));
            sim.post(new Command.SetBreakpoints(list));
            sim.tick();
            // a reset, steps back to cycle 0 and the list sent again there (as after any change of it)
            for (Command c : List.of(new Command.Step(5), new Command.Reset(), new Command.Step(3), new Command.StepBack(3),
                    new Command.SetBreakpoints(list), new Command.Step(2), new Command.StepBack(2),
                    new Command.SetBreakpoints(List.of(new Breakpoint.HostStep(1), new Breakpoint.AtCycle(50))))) {
                sim.post(c);
                sim.tick();
            }
            long said = sim.console(0, 10_000).stream().filter(l -> l.text().contains("never stops a run")).count();
            assertEquals(1, said, sim.console(0, 10_000).toString());
            sim.load(sample("broadcast-chain", Map.of()));
            sim.post(new Command.SetBreakpoints(list));
            sim.tick();
            said = sim.console(0, 10_000).stream().filter(l -> l.text().contains("never stops a run")).count();
            assertEquals(2, said, "a new load says it again");
        }
    }
}
