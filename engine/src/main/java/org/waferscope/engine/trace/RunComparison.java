package org.waferscope.engine.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.engine.host.CheckResult;

/**
 * Two runs side by side: how their ends, checks and layers differ. A layer's difference
 * is taken PE by PE (B minus A) when both fabrics have one shape; otherwise only the two
 * means are compared.
 */
public record RunComparison(RunSummary a, RunSummary b, List<LayerDiff> layers, List<CheckDiff> checks) {

    /**
     * One layer of both runs.
     *
     * @param diff per PE, B minus A (row-major), or null when the shapes differ
     */
    public record LayerDiff(MetricLayer layer, String unit, double meanA, double meanB, double maxAbsDiff,
                            double meanAbsDiff, int differingPes, float[] diff) {
        public boolean sameShape() {
            return diff != null;
        }
    }

    /** A check by name in either run: null where that run has no such check. */
    public record CheckDiff(String name, Boolean passA, Boolean passB) {
    }

    public static RunComparison of(RunSummary a, RunSummary b) {
        List<LayerDiff> layers = new ArrayList<>();
        boolean same = a.width() == b.width() && a.height() == b.height();
        for (MetricLayer l : RunSummary.LAYERS) {
            layers.add(diff(l, a.layers().get(l), b.layers().get(l), same));
        }
        Map<String, CheckDiff> checks = new LinkedHashMap<>();
        for (CheckResult c : a.checks()) {
            checks.put(c.name(), new CheckDiff(c.name(), c.pass(), null));
        }
        for (CheckResult c : b.checks()) {
            CheckDiff before = checks.get(c.name());
            checks.put(c.name(), new CheckDiff(c.name(), before == null ? null : before.passA(), c.pass()));
        }
        return new RunComparison(a, b, layers, List.copyOf(checks.values()));
    }

    private static LayerDiff diff(MetricLayer l, float[] va, float[] vb, boolean sameShape) {
        double meanA = mean(va);
        double meanB = mean(vb);
        if (!sameShape) {
            return new LayerDiff(l, l.unit, meanA, meanB, Math.abs(meanB - meanA), Math.abs(meanB - meanA), -1, null);
        }
        float[] d = new float[va.length];
        double max = 0;
        double sum = 0;
        int differing = 0;
        for (int i = 0; i < va.length; i++) {
            d[i] = vb[i] - va[i];
            double abs = Math.abs(d[i]);
            max = Math.max(max, abs);
            sum += abs;
            if (d[i] != 0) {
                differing++;
            }
        }
        return new LayerDiff(l, l.unit, meanA, meanB, max, va.length == 0 ? 0 : sum / va.length, differing, d);
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return v.length == 0 ? 0 : s / v.length;
    }

    /** B's cycles minus A's. */
    public long cycleDifference() {
        return b.cycles() - a.cycles();
    }

    /** Whether the two runs are indistinguishable by everything compared here. */
    public boolean identical() {
        return cycleDifference() == 0 && a.status().equals(b.status())
                && layers.stream().allMatch(l -> l.sameShape() && l.differingPes() == 0)
                && checks.stream().allMatch(c -> c.passA() != null && c.passA().equals(c.passB()));
    }
}
