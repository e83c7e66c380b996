package org.waferscope.app.history;

import java.util.List;
import org.waferscope.engine.api.FabricStats;
import org.waferscope.engine.api.Frame;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.engine.api.SimState;
import org.waferscope.engine.trace.RunComparison;
import org.waferscope.engine.trace.RunSummary;

/**
 * Frames for the comparison's heatmaps, so the fabric view draws them as it draws a live
 * run: A and B on one shared range, so equal colours mean equal values, and B - A on a
 * range symmetric about zero (0 to 0 when nothing differs: the map is then all white, and
 * the window says "no difference" rather than a made-up range of a millionth).
 */
final class CompareFrames {
    private CompareFrames() {
    }

    static Frame run(RunSummary r, MetricLayer layer, float max) {
        return frame(r.width(), r.height(), r.cycles(), layer, r.layers().get(layer), 0, max);
    }

    /** The difference B - A, or null when the fabrics differ in shape. */
    static Frame difference(RunComparison c, MetricLayer layer) {
        RunComparison.LayerDiff d = c.layers().stream().filter(l -> l.layer() == layer).findFirst().orElseThrow();
        if (!d.sameShape()) {
            return null;
        }
        float m = (float) d.maxAbsDiff();
        return frame(c.a().width(), c.a().height(), c.b().cycles(), layer, d.diff(), -m, m);
    }

    /** The larger of the two runs' largest values: the shared top of A's and B's range. */
    static float sharedMax(RunComparison c, MetricLayer layer) {
        float max = 1e-6f;
        for (RunSummary r : List.of(c.a(), c.b())) {
            for (float v : r.layers().get(layer)) {
                max = Math.max(max, v);
            }
        }
        return max;
    }

    private static Frame frame(int w, int h, long cycle, MetricLayer layer, float[] values, float min, float max) {
        return new Frame(cycle, cycle, SimState.HALTED, w, h, layer, 0, values, min, max, null, FabricStats.NONE,
                List.of(), "");
    }
}
