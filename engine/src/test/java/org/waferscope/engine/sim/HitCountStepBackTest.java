package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.BreakHit;
import org.waferscope.engine.api.Breakpoint;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.api.SimState;
import org.waferscope.engine.program.WaferProgram;

/**
 * A hit count survives a step back: after going back to cycle C the count is what a run
 * from cycle 0 to C counted, and a PE already on the line at C is no new arrival, so Run
 * stops where it stopped before, whatever the mix of steps, runs, step backs and threads.
 */
class HitCountStepBackTest {
    private static final List<Breakpoint> SIXTH = List.of(new Breakpoint.Line("receiver.csl", 27, null, "", 6));

    private static WaferProgram chain() throws Exception {
        return BreakpointTest.sample("broadcast-chain", Map.of());
    }

    /** Posts {@code c}, then ticks until the simulator no longer runs; the cycle it is at. */
    private static long after(Simulator sim, Command c) {
        sim.post(c);
        sim.tick();
        for (int t = 0; t < 100_000 && sim.state() == SimState.RUNNING; t++) {
            sim.tick();
        }
        return sim.latestFrame().cycle();
    }

    /** The cycles at which Run stops in a scripted mix of runs, step backs and a reset. */
    private static List<Long> stops(int threads, long snapshotBudget) throws Exception {
        List<Long> out = new ArrayList<>();
        try (Simulator sim = new Simulator(threads, snapshotBudget)) {
            sim.load(chain());
            sim.post(new Command.SetBreakpoints(SIXTH));
            long first = after(sim, new Command.Run());
            assertNotNull(sim.latestFrame().hit(), "the sixth arrival stops the run");
            out.add(first);
            assertEquals(first - 1, after(sim, new Command.StepBack(1)));
            out.add(after(sim, new Command.Run()));
            assertNotNull(sim.latestFrame().hit(), "from one cycle back, Run stops at the sixth arrival again");
            assertEquals(first - 20, after(sim, new Command.StepBack(20)));
            out.add(after(sim, new Command.Run()));
            after(sim, new Command.StepBack(5));
            sim.post(new Command.SetBreakpoints(SIXTH)); // the explorer sends the whole list on any change
            out.add(after(sim, new Command.Run()));
            after(sim, new Command.Step(7));
            assertNull(sim.latestFrame().hit());
            after(sim, new Command.StepBack(12));
            out.add(after(sim, new Command.Run()));
            out.add(after(sim, new Command.Run()));
            assertNull(sim.latestFrame().hit(), "past the sixth arrival the count does not fire again");
            assertEquals(0, after(sim, new Command.Reset()));
            out.add(after(sim, new Command.Run()));
            assertNotNull(sim.latestFrame().hit(), "after a reset the count starts afresh, as a run from 0 has it");
        }
        return out;
    }

    @Test
    void runAfterAStepBackStopsWhereItStoppedBefore() throws Exception {
        List<Long> one = stops(1, 256L << 20);
        long first = one.get(0);
        assertEquals(50, first, "broadcast-chain's sixth arrival at receiver.csl:27");
        assertEquals(List.of(first, first, first, first, first), one.subList(0, 5), one.toString());
        assertEquals(first, one.get(6), one.toString());
        assertEquals(one, stops(2, 256L << 20), "the same stops with two threads");
        assertEquals(one, stops(1, 1), "the same stops without snapshots (a step back reloads and re-runs)");
    }

    /** Advances until a hit or {@code limit}; the hit, or null. */
    private static BreakHit until(Wafer w, BreakWatch watch, long limit) {
        while (w.status() == WaferStatus.RUNNING && w.cycle() < limit) {
            w.advance(watch.chunk(limit - w.cycle()), watch.lineStops(), watch.taskStops());
            BreakHit h = watch.check();
            if (h != null) {
                return h;
            }
        }
        return null;
    }

    @Test
    void aWatchMadeAfterRestoringAnEarlierSnapshotKeepsTheCount() throws Exception {
        for (int threads = 1; threads <= 2; threads++) {
            try (Wafer w = Wafer.load(chain(), threads)) {
                BreakWatch watch = new BreakWatch(w, SIXTH);
                assertNull(until(w, watch, 40));
                Wafer.Snapshot at40 = w.snapshot();
                BreakHit h = until(w, watch, 1_000);
                assertEquals(50, h.cycle());
                // back across the snapshot: restore cycle 40, re-run to 47 unwatched, take the wafer in
                w.restore(at40, false);
                w.advance(7, false, false);
                assertEquals(47, w.cycle());
                watch = new BreakWatch(w, SIXTH, watch);
                assertEquals(50, until(w, watch, 1_000).cycle(), threads + " thread(s)");
            }
        }
    }
}
