package org.waferscope.engine.trace;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.engine.api.TimelinePoint;
import org.waferscope.engine.fabric.FabricMetrics;
import org.waferscope.engine.fabric.LayerSampler;
import org.waferscope.engine.host.CheckResult;
import org.waferscope.engine.program.WaferProgram;
import org.waferscope.engine.sim.Wafer;

/**
 * What one run leaves to compare: its end, its checks, each measured layer over the whole
 * run, and its recorded timeline.
 *
 * @param layers whole-run values per PE (row-major) of {@link #LAYERS}
 */
public record RunSummary(String title, int width, int height, long cycles, String status, List<CheckResult> checks,
                         long linkHops, long tasksStarted, Map<MetricLayer, float[]> layers,
                         List<TimelinePoint> timeline) {
    /** The layers a comparison covers: the measured ones (categorical layers have no difference to take). */
    public static final List<MetricLayer> LAYERS = List.of(MetricLayer.UTILIZATION, MetricLayer.SRAM,
            MetricLayer.TRAFFIC, MetricLayer.BACKPRESSURE);

    /** Runs {@code program} from load to its end, or for {@code cycles} cycles when that is positive. */
    public static RunSummary run(WaferProgram program, long cycles, long maxCycles, int threads) {
        try (Wafer w = Wafer.load(program, threads)) {
            if (cycles > 0) {
                w.advance(cycles, false, false);
            } else {
                w.runToCompletion(maxCycles);
            }
            return of(w, program.title());
        }
    }

    /** The summary of a wafer as it is now. */
    public static RunSummary of(Wafer w, String title) {
        LayerSampler sampler = new LayerSampler(w.fabric());
        Map<MetricLayer, float[]> layers = new EnumMap<>(MetricLayer.class);
        for (MetricLayer l : LAYERS) {
            layers.put(l, sampler.sample(l, 0, true).values());
        }
        return new RunSummary(title, w.fabric().width, w.fabric().height, w.cycle(),
                w.status().name().toLowerCase(java.util.Locale.ROOT), w.checks(), w.totalLinkHops(), w.tasksStarted(),
                layers, w.timeline().points(FabricMetrics.programPes(w.fabric())));
    }
}
