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
    /** The latest step begun, -1 before the first, and layer 1's weights as it began: what a replay of it streams. */
    private int begun = -1;
    private float[] firstLayerAtBegin;

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

    /** Each system's share of the next step's batch: its samples and their labels. */
    record Share(float[][] samples, int[] labels) {
    }

    /** The next step's batch split over the systems, without touching any wafer. */
    List<Share> nextBatch() {
        return batch(step);
    }

    /** Step {@code index}'s batch (0-based) split over the systems, without touching any wafer. */
    List<Share> batch(int index) {
        int batch = spec.training().batch();
        int[] idx = data.batch(index, batch);
        int n = systems.size();
        int share = ceilDiv(batch, n);
        List<Share> out = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            int from = Math.min(batch, s * share);
            int to = Math.min(batch, from + share);
            float[][] x = new float[to - from][];
            int[] labels = new int[to - from];
            for (int i = from; i < to; i++) {
                x[i - from] = data.trainX(idx[i]);
                labels[i - from] = data.trainY(idx[i]);
            }
            out.add(new Share(x, labels));
        }
        return out;
    }

    /** Starts the next training step on every system; {@link StepRun#advance} runs it. */
    public StepRun begin() {
        begun = step;
        firstLayerAtBegin = memory.weights(1);
        return new StepRun(this, step);
    }

    /** The latest step begun (0-based; under way, or done if none is under way), or -1 before the first. */
    int latestBegun() {
        return begun;
    }

    /** Layer 1's weights as MemoryX streamed them for the latest step begun (its update comes at the step's end). */
    float[] firstLayerOfLatestBegun() {
        return firstLayerAtBegin.clone();
    }

    /** Called by a finished step. */
    void stepDone() {
        step++;
    }

    MemoryX memory() {
        return memory;
    }

    /** One training step on every system. */
    public StepRecord step() {
        StepRun run = begin();
        while (!run.done()) {
            run.advance(Long.MAX_VALUE);
        }
        return run.record();
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
