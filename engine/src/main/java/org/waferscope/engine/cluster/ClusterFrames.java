package org.waferscope.engine.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.waferscope.engine.api.ClusterFrame;
import org.waferscope.engine.fabric.Fabric;
import org.waferscope.engine.fabric.FabricMetrics;

/**
 * Builds the cluster view's frames from a training run, after a whole step or a few
 * cycles of one. Each system's thumbnail is its PEs' busy share over the cycles since the
 * frame before, so it follows the kernels as they run. Called on the training's thread.
 */
public final class ClusterFrames {
    private final List<Double> losses = new ArrayList<>();
    private final List<Double> accuracies = new ArrayList<>();
    /** Per system: each PE's busy cycles and the wafer's cycle at the frame before, and what it showed. */
    private long[][] busyBefore;
    private long[] cycleBefore;
    private float[][] shown;
    private ClusterTraining.Step last;

    /** The frame before any step. */
    public ClusterFrame first(ClusterTraining t) {
        ClusterSpec s = t.spec();
        return ClusterFrame.empty(s.title(), s.training().steps(), StepSchedule.components(s.systems()), wafers(t),
                s.links().swarmxGbps(), s.links().fanout());
    }

    /**
     * The frame as training stands now, after {@code finished} (the steps that ended since
     * the frame before, oldest first): the step under way as far as it has run, or the
     * last step whole.
     */
    public ClusterFrame now(ClusterTraining t, List<ClusterTraining.Step> finished) {
        double accuracy = finished.isEmpty() ? 0 : t.testAccuracy();
        for (ClusterTraining.Step s : finished) {
            losses.add(s.record().loss());
            accuracies.add(accuracy);   // MemoryX's weights now: steps finished together share the figure
            last = s;
        }
        ClusterSpec s = t.spec();
        StepRun run = t.current();
        StepSchedule schedule = run != null ? t.partialSchedule() : last == null ? null : last.schedule();
        List<ClusterFrame.Bar> bars = new ArrayList<>();
        if (schedule != null) {
            for (StepSchedule.Event e : schedule.events()) {
                bars.add(new ClusterFrame.Bar(e.component(), e.kind().name(), e.layer(), e.start(), e.end(), e.bytes()));
            }
        }
        double span = schedule == null ? 0 : Math.max(schedule.seconds(), last == null ? 0 : last.schedule().seconds());
        return new ClusterFrame(s.title(), t.steps().size(), s.training().steps(), StepSchedule.components(s.systems()),
                bars, span, schedule == null ? 0 : schedule.now(), phase(t), wafers(t), losses, accuracies,
                t.samplesPerSecond(), t.referenceCheckPasses(), s.links().swarmxGbps(), s.links().fanout());
    }

    private static String phase(ClusterTraining t) {
        StepRun run = t.current();
        if (run == null) {
            return t.steps().isEmpty() ? "no step yet"
                    : t.finished() ? "training done" : "step " + t.steps().size() + " done";
        }
        return String.format(Locale.ROOT, "step %d: %s layer %d (pass %d of %d), cycle %,d of the pass",
                run.index() + 1, run.forward() ? "forward" : "backward", run.layer(), run.pass() + 1, run.passes(),
                run.passCycles());
    }

    private List<ClusterFrame.Wafer> wafers(ClusterTraining t) {
        List<CsSystem> systems = t.cluster().systems();
        if (busyBefore == null) {
            busyBefore = new long[systems.size()][];
            cycleBefore = new long[systems.size()];
            shown = new float[systems.size()][];
        }
        List<ClusterFrame.Wafer> out = new ArrayList<>();
        for (int i = 0; i < systems.size(); i++) {
            Fabric f = systems.get(i).fabric();
            long[] busy = new long[f.n];
            for (int p = 0; p < f.n; p++) {
                busy[p] = FabricMetrics.busyOf(f, p);
            }
            long cycles = f.cycle() - cycleBefore[i];
            if (shown[i] == null || cycles > 0) {
                float[] u = new float[f.n];
                for (int p = 0; p < f.n && cycles > 0; p++) {
                    u[p] = (float) (busy[p] - (busyBefore[i] == null ? 0 : busyBefore[i][p])) / cycles;
                }
                shown[i] = u;
            }
            busyBefore[i] = busy;
            cycleBefore[i] = f.cycle();
            out.add(new ClusterFrame.Wafer(StepSchedule.system(i), f.width, f.height, shown[i], f.cycle()));
        }
        return out;
    }
}
