package org.waferscope.engine.cluster;

import java.util.ArrayList;
import java.util.List;
import org.waferscope.engine.api.ClusterFrame;
import org.waferscope.engine.fabric.Fabric;
import org.waferscope.engine.fabric.FabricMetrics;

/** Builds the cluster view's frames from a training run. Called on the training's thread. */
public final class ClusterFrames {
    private final List<Double> losses = new ArrayList<>();
    private final List<Double> accuracies = new ArrayList<>();

    /** The frame before any step. */
    public ClusterFrame first(ClusterTraining t) {
        ClusterSpec s = t.spec();
        return ClusterFrame.empty(s.title(), s.training().steps(), StepSchedule.components(s.systems()), wafers(t),
                s.links().swarmxGbps(), s.links().fanout());
    }

    /** The frame after step {@code last}: records its loss and the test accuracy now. */
    public ClusterFrame after(ClusterTraining t, ClusterTraining.Step last) {
        losses.add(last.record().loss());
        accuracies.add(t.testAccuracy());
        ClusterSpec s = t.spec();
        List<ClusterFrame.Bar> bars = new ArrayList<>();
        for (StepSchedule.Event e : last.schedule().events()) {
            bars.add(new ClusterFrame.Bar(e.component(), e.kind().name(), e.layer(), e.start(), e.end(), e.bytes()));
        }
        return new ClusterFrame(s.title(), t.steps().size(), s.training().steps(), StepSchedule.components(s.systems()),
                bars, last.schedule().seconds(), wafers(t), losses, accuracies, t.samplesPerSecond(),
                t.referenceCheckPasses(), s.links().swarmxGbps(), s.links().fanout());
    }

    private static List<ClusterFrame.Wafer> wafers(ClusterTraining t) {
        List<ClusterFrame.Wafer> out = new ArrayList<>();
        List<CsSystem> systems = t.cluster().systems();
        for (int i = 0; i < systems.size(); i++) {
            Fabric f = systems.get(i).fabric();
            float[] u = new float[f.n];
            long cycles = Math.max(1, f.cycle());
            for (int p = 0; p < f.n; p++) {
                u[p] = (float) FabricMetrics.busyOf(f, p) / cycles;
            }
            out.add(new ClusterFrame.Wafer(StepSchedule.system(i), f.width, f.height, u, f.cycle()));
        }
        return out;
    }
}
