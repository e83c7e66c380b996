package org.waferscope.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A step's schedule on a case small enough to work out by hand (times in microseconds). */
class StepScheduleTest {
    // 1 GB/s everywhere that matters, 1 us MemoryX latency, 0.5 us per SwarmX level,
    // fan-out 2 (one level for two systems), 1 G weight updates per second, a 1 GHz clock.
    static final ClusterSpec.Links LINKS = new ClusterSpec.Links(8, 8, 16, 1, 0.5, 2, 1);

    @Test
    void aTwoLayerStepOnTwoSystems() {
        StepRecord r = new StepRecord(0, 1.0, new int[] {4, 4},
                new long[][] {{3000, 1000}, {3000, 2000}}, new long[][] {{500, 4000}, {1000, 4000}});
        StepSchedule s = new StepSchedule(r, LINKS, 1e9, new int[] {250, 500});
        List<String> got = s.events().stream()
                .map(e -> e.component() + " " + e.kind() + " " + e.layer() + " " + us(e.start()) + "-" + us(e.end()))
                .toList();
        assertEquals(List.of(
                // forward, layer 1: read 1 us latency + 1000 B; broadcast 0.5 us + 1000 B
                "MemoryX READ 1 0.0-2.0", "SwarmX broadcast BROADCAST 1 2.0-3.5",
                "CS-1 FORWARD 1 3.5-6.5", "CS-2 FORWARD 1 3.5-6.5",
                // layer 2's weights are read while layer 1 computes (prefetch)
                "MemoryX READ 2 3.5-6.5", "SwarmX broadcast BROADCAST 2 6.5-9.0",
                "CS-1 FORWARD 2 9.0-10.0", "CS-2 FORWARD 2 9.0-11.0",
                // backward, layer 2: weights again, then the gradient up the tree and the update
                "MemoryX READ 2 9.0-12.0", "SwarmX broadcast BROADCAST 2 12.0-14.5",
                "CS-1 BACKWARD 2 14.5-18.5", "CS-2 BACKWARD 2 14.5-18.5",
                "SwarmX reduce REDUCE 2 18.5-21.0", "MemoryX UPDATE 2 21.0-21.5",
                // backward, layer 1: no weights (no dX below it); its reduction queues behind layer 2's
                "CS-1 BACKWARD 1 18.5-19.0", "CS-2 BACKWARD 1 18.5-19.5",
                "SwarmX reduce REDUCE 1 21.0-22.5", "MemoryX UPDATE 1 22.5-22.75"), got);
        assertEquals(22.75, s.seconds() * 1e6, 1e-9);
        assertEquals(10.0, s.computeSeconds() * 1e6, 1e-9);   // the busier system, CS-2: 3 + 2 + 4 + 1
    }

    @Test
    void aStepUnderWayShowsItsPassesSoFarAndThePrefetchAlreadyKnown() {
        // forward layer 2 under way: 500 and 700 cycles so far; backward not begun
        StepRecord r = new StepRecord(0, 1.0, new int[] {4, 4},
                new long[][] {{3000, 500}, {3000, 700}}, new long[][] {{0, 0}, {0, 0}});
        StepSchedule s = new StepSchedule(r, LINKS, 1e9, new int[] {250, 500}, 1);
        assertEquals(List.of("MemoryX READ 1 0.0-2.0", "SwarmX broadcast BROADCAST 1 2.0-3.5",
                "CS-1 FORWARD 1 3.5-6.5", "CS-2 FORWARD 1 3.5-6.5",
                "MemoryX READ 2 3.5-6.5", "SwarmX broadcast BROADCAST 2 6.5-9.0",
                "CS-1 FORWARD 2 9.0-9.5", "CS-2 FORWARD 2 9.0-9.7",
                // backward layer 2's weights are prefetched while forward layer 2 runs
                "MemoryX READ 2 9.0-12.0", "SwarmX broadcast BROADCAST 2 12.0-14.5"), described(s));
        assertEquals(9.7 - 0.0005, s.now() * 1e6, 1e-9);   // within CS-2's last cycle so far

        // backward layer 1 begun, not a cycle run: layer 2's gradient is on its way up
        r = new StepRecord(0, 1.0, new int[] {4, 4},
                new long[][] {{3000, 1000}, {3000, 2000}}, new long[][] {{0, 4000}, {0, 4000}});
        s = new StepSchedule(r, LINKS, 1e9, new int[] {250, 500}, 3);
        List<String> got = described(s);
        assertEquals(List.of("SwarmX reduce REDUCE 2 18.5-21.0", "MemoryX UPDATE 2 21.0-21.5",
                "CS-1 BACKWARD 1 18.5-18.5", "CS-2 BACKWARD 1 18.5-18.5"), got.subList(got.size() - 4, got.size()));
        assertEquals(18.5, s.now() * 1e6, 1e-9);
        StepRecord none = new StepRecord(0, 0, new int[] {4, 4}, new long[2][2], new long[2][2]);
        assertEquals(0.0, new StepSchedule(none, LINKS, 1e9, new int[] {250, 500}, 0).now(), "a step not begun is at 0");
    }

    private static List<String> described(StepSchedule s) {
        return s.events().stream()
                .map(e -> e.component() + " " + e.kind() + " " + e.layer() + " " + us(e.start()) + "-" + us(e.end()))
                .toList();
    }

    @Test
    void theTreeGrowsALevelPerFanOut() {
        assertEquals(1, StepSchedule.levels(1, 4));
        assertEquals(1, StepSchedule.levels(4, 4));
        assertEquals(2, StepSchedule.levels(5, 4));
        assertEquals(2, StepSchedule.levels(16, 4));
        assertEquals(4, StepSchedule.levels(16, 2));
    }

    private static String us(double seconds) {
        double v = Math.round(seconds * 1e8) / 100.0;
        return Double.toString(v);
    }
}
