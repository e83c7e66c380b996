package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.waferscope.engine.api.ConsoleLine;
import org.waferscope.engine.csl.CslFixture;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.Wafer;

/**
 * Every sample that scales, at a size of 449 to 576 PEs: at least 8 words of the activity
 * bitmap, so 2, 3 and 8 threads really run 2, 3 and 8 bands (at the default sizes most
 * samples fit one word and so one worker, whatever the thread count). After 700 cycles
 * (or the end) the state hash, cycles, checks and console must be the same as on one thread. The samples fixed at a
 * few PEs (gemv-one-pe, gemv-streaming, fifo-pipeline, sentinel, relay-deadlock, switches)
 * always run on one worker.
 */
class SampleDeterminismTest {
    /** Enough for every sample to be busy across the fabric (summa first differed at cycle 482); few enough for 8 spinning workers on 2 cores. */
    static final int CYCLES = 700;

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("allreduce", Map.of("width", "32", "height", "16", "n", "4")),
                Arguments.of("broadcast-chain", Map.of("receivers", "511", "count", "3")),
                Arguments.of("filters", Map.of("receivers", "479", "chunk", "1")),
                Arguments.of("game-of-life", Map.of("width", "32", "height", "16", "gens", "3")),
                Arguments.of("gemv-checkerboard", Map.of("kernel_x_dim", "32", "kernel_y_dim", "16", "M", "64", "N", "64")),
                Arguments.of("heat-diffusion", Map.of("width", "32", "height", "16", "tile", "2", "steps", "3")),
                Arguments.of("mandelbrot", Map.of("stages", "16", "rows", "32", "pixels", "4", "iters", "3")),
                Arguments.of("summa", Map.of("P", "24", "b", "2")));
    }

    record Outcome(int workers, long cycles, String hash, String checks, List<String> console) {
    }

    static Outcome run(WaferProgram p, int threads) {
        try (Wafer w = Wafer.load(p, threads)) {
            RunResult r = w.runToCompletion(CYCLES);
            List<String> console = new ArrayList<>();
            for (ConsoleLine l : w.console().since(0, 100_000)) {
                console.add(l.toString());
            }
            return new Outcome(w.workers(), r.cycles(), Long.toHexString(r.stateHash()), r.checks().toString(), console);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theStateHashIsOneValueOnOneTwoThreeAndEightWorkers(String sample, Map<String, String> params) throws Exception {
        WaferProgram p = ProgramLoader.load(CslFixture.sampleFolder(sample), ProgramLoader.LoadOptions.DEFAULTS.withParams(params));
        Outcome one = run(p, 1);
        for (int threads : new int[] {2, 3, 8}) {
            Outcome many = run(p, threads);
            assertEquals(threads, many.workers(), sample + " is too small for " + threads + " bands");
            assertEquals(new Outcome(threads, one.cycles(), one.hash(), one.checks(), one.console()), many,
                    sample + " on " + threads + " workers");
        }
    }
}
