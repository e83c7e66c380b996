package org.waferscope.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.waferscope.engine.cluster.ClusterSpec;
import org.waferscope.engine.cluster.ClusterTraining;
import org.waferscope.engine.cluster.LayerPipelined;
import org.waferscope.engine.cluster.ReferenceTraining;

/** What {@code train} prints: a line per step and a summary, or one JSON object at the end. */
final class TrainReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One row of the scaling table. */
    record ScalingRow(int systems, int samplesPerPe, double stepSeconds, double computeSeconds, double samplesPerSecond) {
        static ScalingRow of(int n, ClusterTraining t) {
            List<ClusterTraining.Step> steps = t.steps();
            double compute = steps.stream().mapToDouble(s -> s.schedule().computeSeconds()).average().orElse(0);
            return new ScalingRow(n, t.cluster().samplesPerPe(), t.simulatedSeconds() / steps.size(), compute,
                    t.samplesPerSecond());
        }
    }

    private final String program;
    private final boolean json;
    private final PrintWriter out;
    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode steps = root.putArray("steps");

    TrainReport(String program, boolean json, PrintWriter out) {
        this.program = program;
        this.json = json;
        this.out = out;
        root.put("program", program);
    }

    void step(ClusterTraining.Step s) {
        step(s.record().step() + 1, s.record().loss(), s.referenceLoss(), s.schedule().seconds());
    }

    void step(int number, double loss, double referenceLoss, double seconds) {
        if (json) {
            steps.addObject().put("step", number).put("loss", loss).put("referenceLoss", referenceLoss)
                    .put("seconds", seconds);
            return;
        }
        out.printf(Locale.ROOT, "step %4d  loss %.4f  (reference %.4f)  %8.2f us%n", number, loss, referenceLoss,
                seconds * 1e6);
        out.flush();
    }

    void finish(ClusterTraining t, double wall) {
        ClusterSpec spec = t.spec();
        ClusterSpec.Layer l0 = spec.layers().get(0);
        int n = t.steps().size();
        double perStep = n == 0 ? 0 : t.simulatedSeconds() / n;
        if (json) {
            root.put("mode", "weight-streaming");
            root.put("systems", spec.systems()).put("arch", spec.arch().name());
            root.put("testAccuracy", t.testAccuracy()).put("referenceAccuracy", t.referenceAccuracy());
            root.put("simulatedSeconds", t.simulatedSeconds()).put("samplesPerSecond", t.samplesPerSecond());
            root.put("samplesPerPe", t.cluster().samplesPerPe()).put("sramBytesPerLayerPe", t.cluster().sramBytesPerPe());
            check(t.maxWeightDifference());
            root.put("wallSeconds", wall);
            out.println(root.toString());
            return;
        }
        out.printf(Locale.ROOT, "%s  [%s]%n", spec.title(), program);
        out.printf(Locale.ROOT, "systems         %d × %s, each: %d × %d layer PEs + 2 edge columns, %d sample(s) per PE, "
                + "%,d B of data per layer PE, no weights resident%n", spec.systems(), spec.arch().name(), l0.width(),
                l0.height(), t.cluster().samplesPerPe(), t.cluster().sramBytesPerPe());
        out.printf(Locale.ROOT, "test accuracy   %.1f %% after %d steps, %.2f epochs (reference %.1f %%)%n",
                100 * t.testAccuracy(), n, n * (double) spec.training().batch() / trainSize(t), 100 * t.referenceAccuracy());
        out.printf(Locale.ROOT, "simulated time  %.3f ms (%.2f us per step)%n", t.simulatedSeconds() * 1e3, perStep * 1e6);
        out.printf(Locale.ROOT, "samples/s       %,.0f (global batch %d)%n", t.samplesPerSecond(), spec.training().batch());
        checkLine(t.maxWeightDifference());
        out.printf(Locale.ROOT, "wall time       %.1f s%n", wall);
    }

    /** Weight streaming on one system, for the comparison: its step time and a layer PE's data. */
    record Streaming(double stepSeconds, int sramBytesPerLayerPe) {
    }

    void finishPipelined(ClusterSpec spec, LayerPipelined lp, ReferenceTraining ref, double maxDifference,
                         Streaming ws, double wall) {
        LayerPipelined.Result r = lp.result();
        int n = lp.steps().size();
        int batch = spec.training().batch();
        if (json) {
            root.put("mode", "layer-pipelined");
            root.put("systems", 1).put("arch", spec.arch().name());
            root.put("testAccuracy", lp.testAccuracy()).put("referenceAccuracy", ref.testAccuracy());
            root.put("simulatedSeconds", lp.simulatedSeconds()).put("samplesPerSecond", r.samplesPerSecond());
            root.put("samplesPerPe", 1).put("sramBytesPerLayerPe", r.peakPeBytes());
            check(maxDifference);
            root.putObject("layerPipelined").put("microBatch", r.microBatch()).put("microBatches", r.microBatches())
                    .put("stepSeconds", r.stepSeconds()).put("pes", r.pes())
                    .put("residentWeightBytes", r.residentWeightBytes()).put("peakPeBytes", r.peakPeBytes())
                    .put("weightStreamingStepSeconds", ws.stepSeconds())
                    .put("weightStreamingSamplesPerSecond", batch / ws.stepSeconds())
                    .put("weightStreamingSramBytesPerLayerPe", ws.sramBytesPerLayerPe());
            root.put("wallSeconds", wall);
            out.println(root.toString());
            return;
        }
        out.printf(Locale.ROOT, "%s  [%s]%n", spec.title(), program);
        out.printf(Locale.ROOT, "layer-pipelined one %s wafer, %d regions on %d PEs, %d micro-batches of %d; weights "
                + "resident: %,d B (the fullest PE holds %,d B)%n", spec.arch().name(), spec.layers().size(), r.pes(),
                r.microBatches(), r.microBatch(), r.residentWeightBytes(), r.peakPeBytes());
        out.printf(Locale.ROOT, "test accuracy   %.1f %% after %d steps, %.2f epochs (reference %.1f %%)%n",
                100 * lp.testAccuracy(), n, n * (double) batch / Math.max(1, lp.trainSize()), 100 * ref.testAccuracy());
        out.printf(Locale.ROOT, "simulated time  %.3f ms (%.2f us per step; weight streaming's first step on 1 system: %.2f us)%n",
                lp.simulatedSeconds() * 1e3, r.stepSeconds() * 1e6, ws.stepSeconds() * 1e6);
        out.printf(Locale.ROOT, "samples/s       %,.0f (weight streaming's first step on 1 system: %,.0f, %,d B of data per layer PE, "
                + "no weights resident)%n", r.samplesPerSecond(), batch / ws.stepSeconds(), ws.sramBytesPerLayerPe());
        checkLine(maxDifference);
        out.printf(Locale.ROOT, "wall time       %.1f s%n", wall);
    }

    private void check(double maxDifference) {
        root.putObject("referenceCheck").put("pass", maxDifference <= ClusterTraining.TOLERANCE)
                .put("maxWeightDifference", maxDifference).put("tolerance", ClusterTraining.TOLERANCE);
    }

    private void checkLine(double maxDifference) {
        out.printf(Locale.ROOT, "reference check %s: the wafers' weights are within %.2g of the plain Java reference's"
                + " (tolerance %.0e)%n", maxDifference <= ClusterTraining.TOLERANCE ? "PASS" : "FAIL", maxDifference,
                ClusterTraining.TOLERANCE);
    }

    private static int trainSize(ClusterTraining t) {
        return Math.max(1, t.cluster().trainSize());
    }

    void scaling(ClusterSpec spec, List<ScalingRow> rows) {
        double base = rows.isEmpty() ? 1 : rows.get(0).samplesPerSecond() / rows.get(0).systems();
        if (json) {
            ArrayNode a = root.putArray("scaling");
            for (ScalingRow r : rows) {
                a.addObject().put("systems", r.systems()).put("samplesPerPe", r.samplesPerPe())
                        .put("stepSeconds", r.stepSeconds()).put("computeSeconds", r.computeSeconds())
                        .put("samplesPerSecond", r.samplesPerSecond());
            }
            root.remove("steps");
            out.println(root.toString());
            return;
        }
        out.printf(Locale.ROOT, "%s: global batch %d%n", spec.title(), spec.training().batch());
        out.println("| systems | samples per PE | step (us) | busiest system's kernels (us) | samples/s | speed-up | efficiency |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|");
        for (ScalingRow r : rows) {
            double speedup = r.samplesPerSecond() / rows.get(0).samplesPerSecond();
            out.printf(Locale.ROOT, "| %d | %d | %.1f | %.1f | %,.0f | %.2fx | %.0f %% |%n", r.systems(), r.samplesPerPe(),
                    r.stepSeconds() * 1e6, r.computeSeconds() * 1e6, r.samplesPerSecond(), speedup,
                    100 * r.samplesPerSecond() / (base * r.systems()));
        }
    }
}
