package org.waferscope.engine.cluster;

import java.util.ArrayList;
import java.util.List;
import org.waferscope.engine.csl.ProgramLoadException;
import org.waferscope.engine.program.ProgramSource;
import org.waferscope.engine.program.WaferProgram;

/**
 * Weight-streaming training on N CS systems. Each step: every system takes its share of
 * the global batch into its layer PEs; layer by layer, MemoryX streams the weights out and
 * SwarmX broadcasts them to every system, whose wafer runs the layer's forward kernel; the
 * host turns the logits into dLoss/dZ; layer by layer backwards, the weights stream in
 * again, each wafer sends its weight gradient out, SwarmX sums the systems' gradients and
 * MemoryX applies the optimizer.
 *
 * <p>Threads: one at a time.
 */
public final class WeightStreaming implements AutoCloseable {
    private final ClusterSpec spec;
    private final Dataset data;
    private final MemoryX memory;
    private final SramPlan plan;
    private final List<CsSystem> systems = new ArrayList<>();
    private final WaferProgram kernel;
    private int step;

    public WeightStreaming(ClusterSpec spec, ProgramSource folder, Dataset data, int threads)
            throws ProgramLoadException {
        String problem = sramProblem(spec, spec.systems());
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        this.spec = spec;
        this.data = data;
        this.memory = new MemoryX(spec.units(), spec.training().seed(), spec.training().optimizer());
        this.plan = plan(spec, spec.systems());
        ClusterSpec.Layer l0 = spec.layers().get(0);
        this.kernel = KernelSource.load(folder, spec.arch(), plan, l0.width(), l0.height());
        for (int s = 0; s < spec.systems(); s++) {
            systems.add(new CsSystem(kernel, plan, l0.width(), l0.height(), threads));
        }
    }

    /** Samples per layer PE with the global batch over {@code n} systems (the last PEs may get padding). */
    static SramPlan plan(ClusterSpec spec, int n) {
        ClusterSpec.Layer l0 = spec.layers().get(0);
        int perSystem = ceilDiv(spec.training().batch(), n);
        return new SramPlan(ceilDiv(perSystem, l0.width() * l0.height()), spec.units());
    }

    /** Why the batch does not fit in a layer PE's SRAM with {@code n} systems, or null. */
    static String sramProblem(ClusterSpec spec, int n) {
        SramPlan p = plan(spec, n);
        int bytes = p.floatsPerPe() * 4;
        if (bytes <= ClusterJson.SRAM_DATA_BYTES) {
            return null;
        }
        return "with " + n + " system(s) each layer PE holds " + p.bp() + " samples, " + bytes
                + " bytes of data; at most " + ClusterJson.SRAM_DATA_BYTES
                + " fit beside the kernel in 48 KB: use more PEs, more systems or a smaller batch";
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    public ClusterSpec spec() {
        return spec;
    }

    public WaferProgram kernel() {
        return kernel;
    }

    public List<CsSystem> systems() {
        return List.copyOf(systems);
    }

    SramPlan plan() {
        return plan;
    }

    public int samplesPerPe() {
        return plan.bp();
    }

    public int trainSize() {
        return data.trainSize();
    }

    /** Bytes of SRAM the kernel's data takes on each layer PE. */
    public int sramBytesPerPe() {
        return plan.floatsPerPe() * 4;
    }

    /**
     * Copies the next step's batch into the systems' layer PEs (each its share); returns the
     * labels of each system's samples. A step does this itself; the explorer calls it to
     * show a wafer holding the samples it is about to train on.
     */
    public int[][] loadNextBatch() {
        int batch = spec.training().batch();
        int[] idx = data.batch(step, batch);
        int n = systems.size();
        int share = ceilDiv(batch, n);
        int[][] labels = new int[n][];
        for (int s = 0; s < n; s++) {
            int from = Math.min(batch, s * share);
            int to = Math.min(batch, from + share);
            float[][] x = new float[to - from][];
            labels[s] = new int[to - from];
            for (int i = from; i < to; i++) {
                x[i - from] = data.trainX(idx[i]);
                labels[s][i - from] = data.trainY(idx[i]);
            }
            systems.get(s).loadBatch(x);
        }
        return labels;
    }

    /** One training step on every system. */
    public StepRecord step() {
        int batch = spec.training().batch();
        int n = systems.size();
        int layers = spec.layers().size();
        long[][] fwd = new long[n][layers];
        long[][] bwd = new long[n][layers];
        int[][] labels = loadNextBatch();
        int[] counts = new int[n];
        for (int s = 0; s < n; s++) {
            counts[s] = labels[s].length;
        }
        for (int l = 1; l <= layers; l++) {
            float[] w = memory.weights(l);   // MemoryX reads it once; SwarmX broadcasts it
            for (int s = 0; s < n; s++) {
                fwd[s][l - 1] = systems.get(s).forward(l, w, ReferenceTraining.relu(spec, l));
            }
        }
        double loss = 0;
        for (int s = 0; s < n; s++) {
            float[][] logits = systems.get(s).outputs(layers, counts[s]);
            float[][] dz = new float[counts[s]][];
            loss += LossHead.lossAndGradient(logits, labels[s], batch, dz);
            systems.get(s).loadOutputGradient(dz);
        }
        for (int l = layers; l >= 1; l--) {
            float[] w = memory.weights(l);
            float[] sum = null;
            long[] cycles = new long[1];
            for (int s = 0; s < n; s++) {
                float[] g = systems.get(s).backward(l, w, ReferenceTraining.relu(spec, l), cycles);
                bwd[s][l - 1] = cycles[0];
                sum = sum == null ? g : add(sum, g);   // SwarmX's reduction
            }
            memory.update(l, sum);
        }
        return new StepRecord(step++, loss / batch, counts, fwd, bwd);
    }

    private static float[] add(float[] a, float[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }

    public float[] weights(int l) {
        return memory.weights(l);
    }

    public double testAccuracy() {
        return ReferenceTraining.accuracy(spec, memory, data);
    }

    /** Floats MemoryX keeps per weight (for the optimizer's update cost). */
    int stateFloatsPerWeight() {
        return memory.floatsPerWeight();
    }

    @Override
    public void close() {
        systems.forEach(CsSystem::close);
    }
}
