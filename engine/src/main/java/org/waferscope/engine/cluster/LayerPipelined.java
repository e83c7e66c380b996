package org.waferscope.engine.cluster;

import org.waferscope.engine.csl.ProgramLoadException;

/**
 * Layer-pipelined execution on one wafer, for contrast with weight streaming: every layer
 * gets its own region of PEs (the layer's rectangle with its two edge columns) and keeps
 * its weights resident in the region's SRAM (each row's west edge PE holds a copy and
 * sends it across the row, as the host's stream does in weight streaming). The global
 * batch flows through as micro-batches of one sample per layer PE, GPipe-style: all
 * micro-batches forward, then all backward, each region busy with a different one.
 *
 * <p>A stage's time per micro-batch is the kernel's cycles for that micro-batch, measured
 * on the engine; the step takes (m + L - 1) forward stage times of the slowest layer, and
 * as many backward. No weights cross MemoryX or SwarmX.
 */
public final class LayerPipelined {
    /**
     * @param microBatch      samples per micro-batch
     * @param microBatches    micro-batches per step
     * @param forwardCycles   cycles per layer for one micro-batch
     * @param backwardCycles  the same, backward
     * @param stepSeconds     a training step's time
     * @param pes             PEs the regions take
     * @param residentWeightBytes weights kept in SRAM on the wafer, all copies
     * @param peakPeBytes     the most data any one PE holds
     */
    public record Result(int microBatch, int microBatches, long[] forwardCycles, long[] backwardCycles,
                         double stepSeconds, double samplesPerSecond, int pes, long residentWeightBytes,
                         int peakPeBytes) {
    }

    private LayerPipelined() {
    }

    public static Result measure(ClusterProgram program, int threads) throws ProgramLoadException {
        ClusterSpec spec = program.spec();
        ClusterSpec.Layer l0 = spec.layers().get(0);
        int micro = l0.width() * l0.height();
        int batch = spec.training().batch();
        int m = WeightStreaming.ceilDiv(batch, micro);
        ClusterSpec one = spec.withSystems(1).withBatch(micro);
        StepRecord r;
        try (WeightStreaming ws = new WeightStreaming(one, program.folder(), program.data(), threads)) {
            r = ws.step();
        }
        int layers = spec.layers().size();
        long maxF = 0;
        long maxB = 0;
        for (int l = 0; l < layers; l++) {
            maxF = Math.max(maxF, r.forwardCycles()[0][l]);
            maxB = Math.max(maxB, r.backwardCycles()[0][l]);
        }
        double seconds = (m + layers - 1) * (double) (maxF + maxB) / spec.arch().clockHz();
        int[] weights = ClusterTraining.weightsPerLayer(spec);
        long resident = 0;
        int peak = 0;
        int pes = 0;
        SramPlan plan = WeightStreaming.plan(spec, 1);
        int[] u = spec.units();
        for (int l = 1; l <= layers; l++) {
            ClusterSpec.Layer layer = spec.layers().get(l - 1);
            pes += (layer.width() + 2) * layer.height();
            resident += 4L * weights[l - 1] * layer.height();
            int activations = 4 * plan.bp() * (u[l - 1] + 1 + u[l] + 1) * 2;   // in, out and their gradients
            peak = Math.max(peak, Math.max(4 * weights[l - 1], activations));   // edge PE, layer PE
        }
        return new Result(micro, m, r.forwardCycles()[0], r.backwardCycles()[0], seconds, batch / seconds, pes,
                resident, peak);
    }
}
