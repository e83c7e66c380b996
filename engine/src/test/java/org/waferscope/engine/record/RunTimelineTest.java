package org.waferscope.engine.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.TimelinePoint;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.csl.CslFixture;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.fabric.FabricMetrics;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.program.ProgramLoader;
import org.waferscope.engine.sim.Wafer;

/** The recorded timeline is the per-cycle counters, summed: exact, bounded, and rewound with the fabric. */
class RunTimelineTest {
    static final FabricLayout LAYOUT = NeighbourExchange.layout(12, 9, new NeighbourExchange.Options(0, true, true));

    /** Per-cycle growth of the fabric's own counters, read by stepping one cycle at a time. */
    private static List<RunTimeline.Totals> perCycle(int cycles) {
        List<RunTimeline.Totals> out = new ArrayList<>();
        try (Wafer w = Wafer.of(ArchProfile.WSE2, LAYOUT, 1)) {
            w.port().launch("start");
            RunTimeline.Totals before = FabricMetrics.totals(w.fabric());
            for (int c = 0; c < cycles; c++) {
                w.stepFabric(1);
                RunTimeline.Totals now = FabricMetrics.totals(w.fabric());
                out.add(new RunTimeline.Totals(now.cycle(), now.busy() - before.busy(), now.stalled() - before.stalled(),
                        now.hops() - before.hops()));
                before = now;
            }
        }
        return out;
    }

    @Test
    void aRunInOneStepRecordsEachCycleAsTheCountersGrew() {
        int cycles = 400;
        List<RunTimeline.Totals> expected = perCycle(cycles);
        try (Wafer w = Wafer.of(ArchProfile.WSE2, LAYOUT, 2)) {
            w.port().launch("start");
            w.stepFabric(cycles);
            int pes = FabricMetrics.programPes(w.fabric());
            List<TimelinePoint> pts = w.timeline().points(pes);
            assertEquals(cycles, pts.size(), "one bucket per cycle while the run is short");
            long busy = 0;
            for (int c = 0; c < cycles; c++) {
                TimelinePoint p = pts.get(c);
                RunTimeline.Totals e = expected.get(c);
                assertEquals(e.cycle(), p.cycle());
                assertEquals(e.busy(), Math.round(p.utilization() * pes), "busy PEs in cycle " + c);
                assertEquals(e.stalled(), Math.round(p.stalled() * pes), "stalled PEs in cycle " + c);
                assertEquals(e.hops(), Math.round(p.hops()), "link hops in cycle " + c);
                busy += e.busy();
            }
            assertTrue(busy > 0 && pts.stream().anyMatch(p -> p.hops() > 0), "the exchange keeps PEs busy and links used");
            assertEquals(FabricMetrics.totals(w.fabric()), w.timeline().totals());
        }
    }

    @Test
    void aLongRunMergesBucketsAndStillAddsUpToTheCounters() throws Exception {
        var program = ProgramLoader.load(CslFixture.sampleFolder("fifo-pipeline"), ProgramLoader.LoadOptions.DEFAULTS);
        try (Wafer w = Wafer.load(program, 2)) {
            w.runToCompletion(10_000_000);
            RunTimeline t = w.timeline();
            assertEquals(FabricMetrics.totals(w.fabric()), t.totals(), "totals equal the fabric's counters");
            int pes = FabricMetrics.programPes(w.fabric());
            List<TimelinePoint> pts = t.points(pes);
            assertTrue(pts.size() <= RunTimeline.CAPACITY);
            assertEquals(w.cycle(), pts.get(pts.size() - 1).cycle());
            double busy = 0;
            long spans = 0;
            for (TimelinePoint p : pts) {
                busy += p.utilization() * (double) p.span() * pes;
                spans += p.span();
            }
            assertEquals(w.cycle(), spans, "buckets cover the run without gaps");
            assertEquals(t.totals().busy(), busy, t.totals().busy() * 1e-5);
        }
    }

    @Test
    void mergingKeepsBucketsBoundedAndExact() {
        RunTimeline t = new RunTimeline();
        long cycles = RunTimeline.CAPACITY * 5L + 17;
        for (long c = 0; c < cycles; c++) {
            t.cycle(c, (int) (c % 7), 1, (int) (c % 3), 5, 0);
        }
        long[] ends = t.ends();
        assertTrue(ends.length <= RunTimeline.CAPACITY && t.bucketWidth() == 8, "width " + t.bucketWidth());
        List<TimelinePoint> pts = t.points(10);
        double busy = pts.stream().mapToDouble(p -> p.utilization() * p.span() * 10).sum();
        long expected = 0;
        for (long c = 0; c < cycles; c++) {
            expected += c % 7;
        }
        assertEquals(expected, busy, 1e-3 * expected);
        assertEquals(cycles, pts.get(pts.size() - 1).cycle());
    }

    @Test
    void steppingBackForgetsTheUndoneCyclesAndRecordsTheSameAgain() {
        try (Wafer w = Wafer.of(ArchProfile.WSE2, LAYOUT, 1)) {
            w.port().launch("start");
            w.stepFabric(123);
            Wafer.Snapshot s = w.snapshot();
            w.stepFabric(200);
            List<TimelinePoint> first = w.timeline().points(100);
            w.restore(s);
            assertEquals(123, w.timeline().points(100).size());
            assertEquals(123, w.timeline().cycle());
            w.stepFabric(200);
            assertEquals(first, w.timeline().points(100));
        }
    }
}
