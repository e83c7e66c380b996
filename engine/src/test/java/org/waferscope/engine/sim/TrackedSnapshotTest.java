package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.csl.CslFixture;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.fabric.FabricSnapshot;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.program.ProgramLoader;
import org.waferscope.engine.program.WaferProgram;

/**
 * Snapshots that read only what the PEs visited since the last one can have changed, and
 * that copy into the pieces of dropped snapshots, restore exactly: after any mix of steps,
 * snapshots, thinning, steps back and runs on, the state hash is the straight run's. Every
 * snapshot taken here also checks, with assertions on, that each piece it took unread
 * equals the live state ({@code FabricSnapshot}), so a write that the tracking misses fails
 * the test where it happens.
 */
class TrackedSnapshotTest {
    /**
     * Samples with each kind of state a run changes: host copies and launches (all), route
     * edits and teardown (switches, sentinel), PEs dozing through memory vector ops and
     * asleep on receives (gemv-checkerboard, heat-diffusion, allreduce), streams (fifo-pipeline).
     */
    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("switches", Map.of()),
                Arguments.of("sentinel", Map.of()),
                Arguments.of("fifo-pipeline", Map.of()),
                Arguments.of("allreduce", Map.of("width", "12", "height", "9", "n", "4")),
                Arguments.of("gemv-checkerboard", Map.of("kernel_x_dim", "8", "kernel_y_dim", "6", "M", "24", "N", "16")),
                Arguments.of("heat-diffusion", Map.of("width", "10", "height", "8", "tile", "2", "steps", "3")),
                Arguments.of("game-of-life", Map.of("width", "12", "height", "10", "gens", "3")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void stepsBackAndRunsOnGiveTheStraightRunsHashAtEveryCycle(String sample, Map<String, String> params)
            throws Exception {
        WaferProgram p = ProgramLoader.load(CslFixture.sampleFolder(sample),
                ProgramLoader.LoadOptions.DEFAULTS.withParams(params));
        int cycles = 600;
        long[] straight = straightRun(p, cycles);
        try (Wafer w = Wafer.load(p, 2)) {
            travelAndCheck(w, straight, new Random(sample.hashCode()));
        }
    }

    @Test
    void thinnedSnapshotsLendTheirPiecesToLaterOnesAndEveryKeptOneStillRestoresExactly() {
        FabricLayout layout = NeighbourExchange.layout(24, 20, 0, 0, 24, 20, new NeighbourExchange.Options(0, true, false),
                NeighbourExchange.idle());
        long[] straight = new long[801];
        try (Wafer w = Wafer.of(ArchProfile.WSE2, layout, 1)) {
            w.port().launch("start");
            for (int c = 0; c <= 800; c++) {
                straight[c] = w.stateHash();
                w.stepFabric(1);
            }
        }
        try (Wafer w = Wafer.of(ArchProfile.WSE2, layout, 2)) {
            w.port().launch("start");
            // a budget of a few snapshots, so that the older ones are thinned as the run goes
            long budget = FabricSnapshot.estimateBytes(w.fabric()) / 3;
            TimeTravel travel = new TimeTravel(budget, 20);
            Random r = new Random(7);
            while (w.cycle() < 800) {
                travel.ran(SnapshotSchedule.MAX_RERUN_NANOS, 0);
                travel.maybeRecord(w);
                w.stepFabric(Math.min(800 - w.cycle(), 1 + r.nextInt(30)));
                assertEquals(straight[(int) w.cycle()], w.stateHash(), "cycle " + w.cycle());
            }
            assertTrue(travel.reusedBytes() > 0, "later snapshots filled the arrays of dropped ones");
            assertTrue(travel.count() < travel.taken(), "snapshots were dropped: " + travel.count() + " of " + travel.taken());
            for (int target = 800; target >= 0; target -= 37) {
                w.restore(travel.before(target), false);
                w.stepFabric(target - w.cycle());
                assertEquals(straight[target], w.stateHash(), "back to cycle " + target);
            }
        }
    }

    @Test
    void aWaveletPushedIntoTheBufferOfAPeThatSleptThroughTheCycleIsInTheNextSnapshot() {
        // PEs send every 40-odd cycles and sleep on their receives in between, out of step:
        // a wavelet often lands in a sleeper's buffer in the last cycle before a snapshot
        FabricLayout layout = NeighbourExchange.layout(30, 20, 4, 3, 12, 9, new NeighbourExchange.Options(0, true, false, 40),
                NeighbourExchange.idle());
        try (Wafer w = Wafer.of(ArchProfile.WSE2, layout, 1)) {
            w.port().launch("start");
            Wafer.Snapshot last = w.snapshot();
            for (int c = 0; c < 240; c++) {
                w.stepFabric(1);
                Wafer.Snapshot next = w.snapshot(last);
                long now = w.stateHash();
                w.restore(last);
                w.restore(next);
                assertEquals(now, w.stateHash(), "cycle " + w.cycle());
                last = next;
            }
        }
    }

    /** The state hash after each cycle of a run with no snapshots, stepped one cycle at a time. */
    private static long[] straightRun(WaferProgram p, int cycles) {
        long[] hashes = new long[cycles + 1];
        try (Wafer w = Wafer.load(p, 1)) {
            for (int c = 0; c <= cycles; c++) {
                hashes[c] = w.stateHash();
                if (c < cycles) {
                    advanceTo(w, c + 1);
                }
            }
        }
        return hashes;
    }

    private static void advanceTo(Wafer w, long cycle) {
        while (w.cycle() < cycle && w.status() == WaferStatus.RUNNING) {
            w.advance(cycle - w.cycle(), false, false);
        }
    }

    /**
     * Runs in random chunks, taking snapshots as the explorer does (spaced a few cycles
     * apart, thinned by a small budget), and every so often steps back to a random earlier
     * cycle and runs on from there; every state reached must be the straight run's.
     */
    private static void travelAndCheck(Wafer w, long[] straight, Random r) {
        int end = straight.length - 1;
        long budget = FabricSnapshot.estimateBytes(w.fabric());
        TimeTravel travel = new TimeTravel(budget, 5);
        for (int round = 0; round < 12 && w.status() == WaferStatus.RUNNING; round++) {
            long goal = Math.min(end, w.cycle() + 10 + r.nextInt(60));
            while (w.cycle() < goal && w.status() == WaferStatus.RUNNING) {
                travel.ran(SnapshotSchedule.MAX_RERUN_NANOS, 0);
                travel.maybeRecord(w);
                advanceTo(w, Math.min(goal, w.cycle() + 1 + r.nextInt(9)));
                assertEquals(straight[(int) w.cycle()], w.stateHash(), "cycle " + w.cycle());
            }
            if (w.status() != WaferStatus.RUNNING) {
                return;
            }
            long back = Math.max(0, w.cycle() - 1 - r.nextInt(40));
            w.restore(travel.before(back), false);
            advanceTo(w, back);
            assertEquals(straight[(int) back], w.stateHash(), "stepped back to " + back);
        }
    }
}
