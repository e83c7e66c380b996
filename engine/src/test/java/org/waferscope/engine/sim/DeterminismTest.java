package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.waferscope.engine.api.ConsoleLine;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.fixtures.NeighbourExchange;

/**
 * Bit-identical state after n cycles whatever the thread count and however the n cycles
 * are split into calls. The program: a jittered nearest-neighbour exchange over 32x20 PEs
 * on eight colors (640 PEs = 10 words of the activity bitmap, so 8 threads really get 8
 * bands; 24x16 would cap them at 6).
 */
class DeterminismTest {
    static final FabricLayout LAYOUT = NeighbourExchange.layout(32, 20, new NeighbourExchange.Options(0, true, true));
    static final int CYCLES = 600;

    record Outcome(long hash, List<String> console) {
    }

    static Outcome run(int threads, long[] chunks) {
        try (Wafer w = Wafer.of(ArchProfile.WSE2, LAYOUT, threads)) {
            assertEquals(Math.min(threads, 10), w.workers());
            w.port().launch("start");
            for (long c : chunks) {
                w.stepFabric(c);
            }
            assertEquals(CYCLES, w.cycle());
            List<String> console = new ArrayList<>();
            for (ConsoleLine l : w.console().since(0, 100_000)) {
                console.add(l.toString());
            }
            return new Outcome(w.stateHash(), console);
        }
    }

    static Outcome reference() {
        return run(1, new long[] {CYCLES});
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {2, 3, 8})
    void anyThreadCountGivesTheSameState(int threads) {
        Outcome one = reference();
        assertTrue(one.console().size() > 10, "the run printed: " + one.console().size());
        Outcome many = run(threads, new long[] {CYCLES});
        assertEquals(Long.toHexString(one.hash()), Long.toHexString(many.hash()));
        assertEquals(one.console(), many.console());
    }

    @Test
    void oneCycleAtATimeGivesTheSameStateAsAllAtOnce() {
        long[] ones = new long[CYCLES];
        java.util.Arrays.fill(ones, 1);
        assertEquals(reference(), run(2, ones));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void randomChunkingsGiveTheSameState(long seed) {
        Random rnd = new Random(seed);
        List<Long> chunks = new ArrayList<>();
        long left = CYCLES;
        while (left > 0) {
            long c = Math.min(left, 1 + rnd.nextInt(rnd.nextBoolean() ? 5 : 90));
            chunks.add(c);
            left -= c;
        }
        int threads = 1 + rnd.nextInt(3);
        assertEquals(reference(), run(threads, chunks.stream().mapToLong(Long::longValue).toArray()),
                "chunks " + chunks + " on " + threads + " threads");
    }

    @Test
    void theHashSeesOneMoreCycle() {
        long[] fewer = {CYCLES - 1};
        try (Wafer w = Wafer.of(ArchProfile.WSE2, LAYOUT, 1)) {
            w.port().launch("start");
            w.stepFabric(fewer[0]);
            assertNotEquals(reference().hash(), w.stateHash());
        }
    }

    /** The host acts at exactly the cycle it waits for, so chunked advances end identically too. */
    @ParameterizedTest(name = "advance by {0}")
    @ValueSource(ints = {1, 4, 13, 1_000})
    void hostDrivenRunsEndIdenticallyHoweverTheyAreAdvanced(int chunk) {
        RunResult whole;
        try (Wafer w = Wafer.load(HostPortTest.streaming(), 1)) {
            whole = w.runToCompletion(10_000);
        }
        assertEquals(WaferStatus.HALTED, whole.status());
        try (Wafer w = Wafer.load(HostPortTest.streaming(), 2)) {
            while (w.status() == WaferStatus.RUNNING) {
                w.advance(chunk, false, false);
            }
            assertEquals(whole.cycles(), w.cycle());
            assertEquals(whole.stateHash(), w.stateHash());
            assertEquals(whole.checks(), w.checks());
        }
    }
}
