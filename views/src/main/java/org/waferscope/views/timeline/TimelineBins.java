package org.waferscope.views.timeline;

import java.util.ArrayList;
import java.util.List;
import org.waferscope.engine.api.TimelinePoint;

/**
 * Merges buckets for drawing, so that a bin is a few pixels wide: a thousand one-cycle
 * buckets on a few hundred pixels would draw as noise. Bins average their buckets weighted
 * by span, so the area under a curve (busy PE-cycles, hops) is kept.
 */
final class TimelineBins {
    /** Pixels a bin should at least cover. */
    static final double BIN_PIXELS = 3;

    private TimelineBins() {
    }

    static List<TimelinePoint> forWidth(List<TimelinePoint> pts, long lastCycle, double pixels) {
        int bins = (int) Math.max(1, pixels / BIN_PIXELS);
        if (pts.size() <= bins) {
            return pts;
        }
        long binCycles = Math.max(1, (lastCycle + bins - 1) / bins);
        List<TimelinePoint> out = new ArrayList<>(bins + 1);
        long bin = -1;
        long span = 0;
        double util = 0;
        double stalled = 0;
        double hops = 0;
        TimelinePoint last = null;
        for (TimelinePoint p : pts) {
            long b = (p.cycle() - 1) / binCycles;
            if (b != bin && last != null) {
                out.add(point(last, span, util, stalled, hops));
                span = 0;
                util = 0;
                stalled = 0;
                hops = 0;
            }
            bin = b;
            span += p.span();
            util += p.utilization() * (double) p.span();
            stalled += p.stalled() * (double) p.span();
            hops += p.hops() * (double) p.span();
            last = p;
        }
        out.add(point(last, span, util, stalled, hops));
        return out;
    }

    private static TimelinePoint point(TimelinePoint last, long span, double util, double stalled, double hops) {
        return new TimelinePoint(last.cycle(), span, (float) (util / span), (float) (stalled / span), (float) (hops / span),
                last.activePes());
    }
}
