package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.api.FabricStats;
import org.waferscope.engine.csl.CslFixture;
import org.waferscope.engine.fabric.FabricMetrics;
import org.waferscope.engine.program.ProgramLoader;
import org.waferscope.engine.program.WaferProgram;

/**
 * The wavelets in flight and the link hops that frames show are running totals the steppers
 * keep cycle by cycle ({@code RunTimeline}), not sweeps of the wafer: after any mix of steps
 * (one cycle at a time, wavefront passes, host-driven runs), snapshots, restores, steps back
 * and resets, they equal a full recount of the channels and link counters.
 */
class RunningTotalsTest {
    /** Samples whose wavelets come and go every way: links, RAMP, CE sends and receives, host streams, control wavelets, teardown. */
    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("game-of-life", Map.of("width", "12", "height", "10", "gens", "3")),
                Arguments.of("allreduce", Map.of("width", "12", "height", "9", "n", "4")),
                Arguments.of("fifo-pipeline", Map.of()),
                Arguments.of("switches", Map.of()),
                Arguments.of("sentinel", Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theRunningTotalsEqualARecountAfterStepsSnapshotsAndRestores(String sample, Map<String, String> params)
            throws Exception {
        WaferProgram p = load(sample, params);
        Random r = new Random(sample.hashCode());
        for (int threads = 1; threads <= 2; threads++) {
            try (Wafer w = Wafer.load(p, threads)) {
                List<Wafer.Snapshot> kept = new ArrayList<>();
                kept.add(w.snapshot());
                long moved = 0;
                for (int turn = 0; turn < 60 && w.status() == WaferStatus.RUNNING; turn++) {
                    switch (r.nextInt(6)) {
                        case 0, 1 -> w.stepFabric(1 + r.nextInt(40));
                        case 2 -> w.stepFabric(1);
                        case 3 -> w.advance(1 + r.nextInt(60), false, false);
                        case 4 -> kept.add(w.snapshot(kept.get(kept.size() - 1)));
                        default -> w.restore(kept.get(r.nextInt(kept.size())));
                    }
                    assertSame(w, sample + ", " + threads + " thread(s), turn " + turn);
                    moved = Math.max(moved, w.timeline().totals().hops());
                }
                assertTrue(moved > 0, "wavelets crossed links");
            }
        }
    }

    @Test
    void framesShowTheRecountAfterStepsBackAndAReset() throws Exception {
        WaferProgram p = load("game-of-life", Map.of("width", "12", "height", "10", "gens", "3"));
        int cycles = 300;
        long[] held = new long[cycles + 1];
        long[] hops = new long[cycles + 1];
        try (Wafer w = Wafer.load(p, 1)) {
            for (int c = 0; c <= cycles; c++) {
                held[c] = FabricMetrics.waveletsInFlight(w.fabric());
                hops[c] = FabricMetrics.totalLinkHops(w.fabric());
                w.advance(1, false, false);
            }
        }
        Random r = new Random(14);
        try (Simulator sim = new Simulator(2)) {
            sim.load(p);
            sim.tick();
            for (int turn = 0; turn < 40; turn++) {
                long at = sim.latestFrame().cycle();
                Command c = switch (r.nextInt(5)) {
                    case 0, 1 -> new Command.Step(Math.min(cycles - at, 1 + r.nextInt(30)));
                    case 2, 3 -> new Command.StepBack(1 + r.nextInt(25));
                    default -> new Command.Reset();
                };
                sim.post(c);
                sim.tick();
                long now = sim.latestFrame().cycle();
                FabricStats s = sim.latestFrame().stats();
                assertEquals(held[(int) now], s.waveletsInFlight(), c + ", at cycle " + now);
                assertEquals(hops[(int) now], s.linkHops(), c + ", at cycle " + now);
            }
        }
    }

    private static void assertSame(Wafer w, String where) {
        assertEquals(FabricMetrics.waveletsInFlight(w.fabric()), w.timeline().waveletsHeld(),
                "wavelets in flight, " + where + ", cycle " + w.cycle());
        assertEquals(FabricMetrics.totalLinkHops(w.fabric()), w.timeline().totals().hops(),
                "link hops, " + where + ", cycle " + w.cycle());
    }

    private static WaferProgram load(String sample, Map<String, String> params) throws Exception {
        return ProgramLoader.load(CslFixture.sampleFolder(sample), ProgramLoader.LoadOptions.DEFAULTS.withParams(params));
    }
}
