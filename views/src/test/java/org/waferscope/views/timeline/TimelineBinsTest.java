package org.waferscope.views.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.TimelinePoint;

class TimelineBinsTest {
    private static List<TimelinePoint> perCycle(int n) {
        List<TimelinePoint> pts = new ArrayList<>();
        for (int c = 1; c <= n; c++) {
            pts.add(new TimelinePoint(c, 1, c % 2, (c % 3) / 3f, c % 5, 7));
        }
        return pts;
    }

    @Test
    void fewBucketsAreDrawnAsTheyAre() {
        List<TimelinePoint> pts = perCycle(50);
        assertSame(pts, TimelineBins.forWidth(pts, 50, 600));
    }

    @Test
    void manyBucketsMergeKeepingTheAreaUnderEachCurve() {
        List<TimelinePoint> pts = perCycle(1000);
        List<TimelinePoint> bins = TimelineBins.forWidth(pts, 1000, 300);
        assertTrue(bins.size() <= 101, "about one bin per 3 pixels: " + bins.size());
        assertEquals(1000, bins.stream().mapToLong(TimelinePoint::span).sum());
        assertEquals(1000, bins.get(bins.size() - 1).cycle());
        double busy = bins.stream().mapToDouble(p -> p.utilization() * p.span()).sum();
        double hops = bins.stream().mapToDouble(p -> p.hops() * p.span()).sum();
        assertEquals(500, busy, 1e-3);
        assertEquals(pts.stream().mapToDouble(TimelinePoint::hops).sum(), hops, 1e-3);
    }
}
