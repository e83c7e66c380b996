package org.waferscope.engine.cluster;

import java.util.ArrayList;
import java.util.List;
import org.waferscope.engine.csl.ProgramLoadException;

/**
 * Layer-pipelined training on one wafer, for contrast with weight streaming, run on the
 * engine ({@link PipelinedWafer}): every layer has its own region of PEs with its weights
 * resident in SRAM, and the global batch flows through as micro-batches of one sample per
 * layer PE, GPipe-style: all micro-batches forward, then all backward, each region busy
 * with a different one; m micro-batches through L layers take m + L - 1 ticks each way.
 * A step's time is its ticks' cycles at the arch's clock. No weight crosses MemoryX or
 * SwarmX.
 *
 * <p>What is the host's, not the wafer's: moving a region's outputs and input gradients to
 * the neighbouring region between ticks (copies that take no simulated time), the loss
 * head, summing the micro-batches' weight gradients that leave at each region's east edge,
 * and the optimizer (MemoryX's code), whose new weights are copied into the regions.
 *
 * <p>Threads: one at a time.
 */
public final class LayerPipelined implements AutoCloseable {
    /** One training step: its mean loss and every tick's cycles. */
    public record Step(int step, double loss, long[] forwardTicks, long[] backwardTicks, double seconds) {
    }

    /**
     * What a layer-pipelined step costs.
     *
     * @param microBatch          samples per micro-batch (one per layer PE)
     * @param microBatches        micro-batches per step
     * @param stepSeconds         the mean step's time so far
     * @param pes                 PEs the regions take
     * @param residentWeightBytes weights kept in SRAM on the wafer, all copies
     * @param peakPeBytes         the most data any one PE holds
     */
    public record Result(int microBatch, int microBatches, double stepSeconds, double samplesPerSecond, int pes,
                         long residentWeightBytes, int peakPeBytes) {
    }

    private final ClusterSpec spec;
    private final Dataset data;
    private final MemoryX memory;
    private final PipelinedWafer wafer;
    private final int micro;
    private final int m;
    private final boolean[] relu;
    private final List<Step> steps = new ArrayList<>();
    private double seconds;

    public LayerPipelined(ClusterProgram program, int threads) throws ProgramLoadException {
        this.spec = program.spec();
        this.data = program.data();
        ClusterSpec.Layer l0 = spec.layers().get(0);
        this.micro = l0.width() * l0.height();
        this.m = WeightStreaming.ceilDiv(spec.training().batch(), micro);
        this.memory = new MemoryX(spec.units(), spec.training().seed(), spec.training().optimizer());
        this.wafer = new PipelinedWafer(program.folder(), spec, m, threads);
        if (wafer.layerPeBytes() > ClusterJson.SRAM_DATA_BYTES) {
            wafer.close();
            throw new IllegalArgumentException("layer-pipelined, each layer PE keeps all " + m
                    + " micro-batches' activations: " + wafer.layerPeBytes() + " bytes; at most "
                    + ClusterJson.SRAM_DATA_BYTES + " fit beside the kernel in 48 KB: use more PEs or a smaller batch");
        }
        relu = new boolean[spec.layers().size()];
        for (int r = 0; r < relu.length; r++) {
            relu[r] = ReferenceTraining.relu(spec, r + 1);
            wafer.writeWeights(r, memory.weights(r + 1));
        }
    }

    /** One training step through the pipeline. */
    public Step step() {
        int batch = spec.training().batch();
        int layers = relu.length;
        int[] idx = data.batch(steps.size(), batch);
        float[][][] x = new float[m][][];
        int[][] labels = new int[m][];
        for (int j = 0; j < m; j++) {
            int from = j * micro;
            int to = Math.min(batch, from + micro);
            x[j] = new float[to - from][];
            labels[j] = new int[to - from];
            for (int i = from; i < to; i++) {
                x[j][i - from] = data.trainX(idx[i]);
                labels[j][i - from] = data.trainY(idx[i]);
            }
        }
        wafer.loadInputs(x);
        int ticks = m + layers - 1;
        long[] fwd = new long[ticks];
        long[] bwd = new long[ticks];
        float[][][] dz = new float[m][][];
        double loss = 0;
        for (int t = 0; t < ticks; t++) {
            int[] j = new int[layers];
            for (int r = 0; r < layers; r++) {
                j[r] = active(t - r);
            }
            fwd[t] = wafer.forwardTick(j, relu);
            for (int r = 0; r < layers; r++) {
                if (j[r] < 0) {
                    continue;
                }
                if (r < layers - 1) {
                    wafer.passOutputs(r, j[r]);
                } else {
                    dz[j[r]] = new float[labels[j[r]].length][];
                    loss += LossHead.lossAndGradient(wafer.logits(j[r], labels[j[r]].length), labels[j[r]], batch,
                            dz[j[r]]);
                }
            }
        }
        float[][] sum = new float[layers][];
        for (int t = 0; t < ticks; t++) {
            int[] j = new int[layers];
            for (int r = 0; r < layers; r++) {
                j[r] = active(t - (layers - 1 - r));
            }
            // lowest region first: each reads the dX the region above left before that region's
            // grad is written over with its own dZ
            for (int r = 0; r < layers; r++) {
                if (j[r] >= 0 && r == layers - 1) {
                    wafer.writeOutputGradient(dz[j[r]]);
                } else if (j[r] >= 0) {
                    wafer.passGradient(r);
                }
            }
            long[] cycles = new long[1];
            float[][] dw = wafer.backwardTick(j, relu, cycles);
            bwd[t] = cycles[0];
            for (int r = 0; r < layers; r++) {
                if (j[r] >= 0) {
                    sum[r] = sum[r] == null ? dw[r] : add(sum[r], dw[r]);
                }
            }
        }
        for (int r = 0; r < layers; r++) {
            memory.update(r + 1, sum[r]);
            wafer.writeWeights(r, memory.weights(r + 1));
        }
        long cycles = 0;
        for (int t = 0; t < ticks; t++) {
            cycles += fwd[t] + bwd[t];
        }
        double s = cycles / spec.arch().clockHz();
        seconds += s;
        Step step = new Step(steps.size(), loss / batch, fwd, bwd, s);
        steps.add(step);
        return step;
    }

    /** The micro-batch at pipeline position {@code j}, or -1 when that position is fill or drain. */
    private int active(int j) {
        return j >= 0 && j < m ? j : -1;
    }

    private static float[] add(float[] a, float[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    public float[] weights(int l) {
        return memory.weights(l);
    }

    public double testAccuracy() {
        return ReferenceTraining.accuracy(spec, memory, data);
    }

    public int trainSize() {
        return data.trainSize();
    }

    public double simulatedSeconds() {
        return seconds;
    }

    /** The figures beside weight streaming's; the step time is the mean of the steps so far. */
    public Result result() {
        double step = steps.isEmpty() ? 0 : seconds / steps.size();
        int height = spec.layers().get(0).height();
        long resident = 0;
        for (int l = 1; l <= relu.length; l++) {
            resident += 2L * 4 * ClusterTraining.weightsPerLayer(spec)[l - 1] * height;   // by columns and by rows, every row
        }
        return new Result(micro, m, step, step == 0 ? 0 : spec.training().batch() / step, wafer.pes(), resident,
                Math.max(wafer.layerPeBytes(), wafer.edgePeBytes()));
    }

    /** The wafer, for views and tests. */
    public org.waferscope.engine.fabric.Fabric fabric() {
        return wafer.fabric();
    }

    @Override
    public void close() {
        wafer.close();
    }
}
