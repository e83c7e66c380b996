package org.waferscope.engine.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.waferscope.engine.program.WaferProgram;

/**
 * Writes one CS system's forward pass of layer 1 in the step on show (the step under way, else
 * the last one done, else the first, about to begin) as an ordinary program folder
 * (layout.csl, the kernels, run.json and its data files), so that the explorer can open
 * that wafer in the fabric view, step it by cycle and inspect its PEs: the system's
 * samples as they sit in its layer PEs, the layer's weights as MemoryX sent them out for that step,
 * streamed in at the west edge, and a check of the outputs against the host's arithmetic.
 */
public final class WaferReplay {
    private WaferReplay() {
    }

    /**
     * Writes the folder for system {@code s} (0-based) into {@code dir}, which must exist, and
     * returns the step it replays (1-based): the one a user has just watched, not the next.
     */
    public static int write(ClusterTraining t, int s, Path dir) throws IOException {
        WeightStreaming ws = t.cluster();
        CsSystem sys = ws.systems().get(s);
        WaferProgram kernel = ws.kernel();
        for (Map.Entry<String, String> f : kernel.sources().entrySet()) {
            if (f.getKey().endsWith(".csl")) {
                Files.writeString(dir.resolve(f.getKey()), f.getValue());
            }
        }
        ClusterSpec spec = t.spec();
        ClusterSpec.Layer l0 = spec.layers().get(0);
        int w = l0.width();
        int h = l0.height();
        SramPlan plan = ws.plan();
        // the step under way or last done, with the weights it streamed (layer 1's update
        // comes at the end of the step); before the first step, the first with the initial ones
        int index = Math.max(0, ws.latestBegun());
        float[] weights = ws.latestBegun() < 0 ? ws.weights(1) : ws.firstLayerOfLatestBegun();
        // what the system's layer PEs hold when this batch is loaded, computed aside: the wafer
        // itself may be in the middle of a step
        int[] bits = sys.activationsFor(ws.batch(index).get(s).samples());
        float[] act = new float[bits.length];
        for (int i = 0; i < act.length; i++) {
            act[i] = Float.intBitsToFloat(bits[i]);
        }
        float[] columns = CsSystem.columns(weights, spec.units()[1], spec.units()[0] + 1);
        float[] expected = act.clone();
        int bp = plan.bp();
        int k1 = spec.units()[0] + 1;
        int m = spec.units()[1];
        boolean relu = ReferenceTraining.relu(spec, 1);
        for (int pe = 0; pe < w * h; pe++) {
            for (int b = 0; b < bp; b++) {
                float[][] x = {new float[k1 - 1]};
                System.arraycopy(act, pe * plan.actLength() + b * k1, x[0], 0, k1 - 1);
                float[] z = DenseMath.forward(x, weights, m, relu)[0];
                System.arraycopy(z, 0, expected, pe * plan.actLength() + plan.actOffset(1) + b * (m + 1), m);
            }
        }
        Files.writeString(dir.resolve("act.csv"), csv(act));
        Files.writeString(dir.resolve("weights.csv"), csv(repeat(columns, h)));
        Files.writeString(dir.resolve("expected.csv"), csv(expected));
        int[] desc = plan.descriptor(1, relu, false);
        StringBuilder descs = new StringBuilder();
        for (int pe = 0; pe < w * h; pe++) {
            for (int d : desc) {
                descs.append(descs.length() == 0 ? "" : ", ").append(d);
            }
        }
        String layer = "{ \"x\": 1, \"y\": 0, \"width\": " + w + ", \"height\": " + h + " }";
        String edge = "{ \"x\": 0, \"y\": 0, \"width\": 1, \"height\": " + h + " }";
        String run = """
                {
                  "title": "%s of the cluster: layer 1 forward of step %d",
                  "summary": "One CS system's wafer from the cluster program: its samples in the layer PEs, layer 1's weights streaming in at the west edge.",
                  "lesson": [
                    "This is one system of the cluster, opened from the Cluster view: its layer PEs hold",
                    "the samples of its share of this step's batch, and layer 1's weights, as MemoryX sent",
                    "them out for this step, stream in at the west edge one column at a time.",
                    "- Step by cycle and watch the Traffic layer: the weights go east along each row.",
                    "- Click a layer PE: the inspector shows got_chunk running an @fmacs per sample.",
                    "- At the end the outputs are checked against the host's arithmetic."
                  ],
                  "arch": "%s",
                  "params": { "width": %d, "height": %d, "bp": %d, "act_len": %d, "grad_len": %d, "dw_len": %d, "wbuf_len": %d },
                  "arrays": {
                    "act": { "type": "f32", "file": "act.csv" },
                    "desc": { "type": "i32", "values": [%s] },
                    "count": { "type": "i32", "values": [%s] },
                    "w": { "type": "f32", "file": "weights.csv" }
                  },
                  "steps": [
                    { "copy_in": { "array": "act", "symbol": "act", "rect": %s, "per_pe": %d } },
                    { "copy_in": { "array": "desc", "symbol": "desc", "rect": %s, "per_pe": 8 } },
                    { "launch": "forward" },
                    { "copy_in": { "array": "count", "symbol": "count", "rect": %s, "per_pe": 1 } },
                    { "launch": "relay_in" },
                    { "stream_in": { "array": "w", "color": "MEMCPYH2D_DATA_1", "rect": %s, "per_pe": %d } },
                    { "launch": "sync" },
                    { "copy_out": { "symbol": "act", "array": "out", "rect": %s, "per_pe": %d } },
                    { "check": { "name": "layer 1 outputs = the host's arithmetic", "array": "out", "expected": { "file": "expected.csv" }, "tolerance": 1e-5 } }
                  ]
                }
                """.formatted(StepSchedule.system(s), index + 1, spec.arch().name().toLowerCase(Locale.ROOT),
                w, h, bp, plan.actLength(), plan.gradLength(), plan.dwLength(), plan.wbufLength(), descs,
                (columns.length + ", ").repeat(h).replaceAll(", $", ""), layer, plan.actLength(), layer, edge,
                edge, columns.length, layer, plan.actLength());
        Files.writeString(dir.resolve("run.json"), run);
        return index + 1;
    }

    private static float[] repeat(float[] a, int times) {
        float[] out = new float[a.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(a, 0, out, i * a.length, a.length);
        }
        return out;
    }

    /** One line: a 1-D array of exactly the values, whatever their count. */
    private static String csv(float[] values) {
        StringBuilder b = new StringBuilder(values.length * 12);
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ",").append(Float.toString(values[i]));
        }
        return b.append('\n').toString();
    }
}
