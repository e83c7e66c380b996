package org.waferscope.engine.cluster;

import java.util.List;

/**
 * One training step under way, cut into passes that can be run a few cycles at a time
 * (the explorer steps by cycle, by layer phase or by training step). The passes are the
 * forward passes of layers 1..L, then the backward passes of L..1; every system runs the
 * same pass on its own wafer, in lockstep. Between passes the host does its part: after
 * the last forward pass the loss head turns the logits into dLoss/dZ; after each backward
 * pass SwarmX sums the systems' weight gradients and MemoryX applies the optimizer.
 *
 * <p>A step run in one go and a step run a cycle at a time end in the same state: the
 * engine stops a pass at the same cycle however it is cut.
 *
 * <p>Threads: one at a time (the trainer's).
 */
public final class StepRun {
    private final WeightStreaming ws;
    private final List<CsSystem> systems;
    private final ClusterSpec spec;
    private final int index;
    private final int layers;
    private final int[][] labels;
    private final int[] counts;
    private final long[][] fwd;
    private final long[][] bwd;
    private int pass;
    private double loss;

    StepRun(WeightStreaming ws, int index) {
        this.ws = ws;
        this.systems = ws.systems();
        this.spec = ws.spec();
        this.index = index;
        this.layers = spec.layers().size();
        int n = systems.size();
        List<WeightStreaming.Share> shares = ws.nextBatch();
        labels = new int[n][];
        counts = new int[n];
        for (int s = 0; s < n; s++) {
            labels[s] = shares.get(s).labels();
            counts[s] = labels[s].length;
            systems.get(s).loadBatch(shares.get(s).samples());
        }
        fwd = new long[n][layers];
        bwd = new long[n][layers];
        beginPass();
    }

    /** The pass under way: 0 .. L - 1 forward over layers 1..L, L .. 2L - 1 backward over L..1; 2L when done. */
    public int pass() {
        return pass;
    }

    public int passes() {
        return 2 * layers;
    }

    public boolean done() {
        return pass == passes();
    }

    /** The step's number (0-based). */
    public int index() {
        return index;
    }

    public boolean forward() {
        return pass < layers;
    }

    /** The layer of the pass under way (1-based). */
    public int layer() {
        return forward() ? pass + 1 : passes() - pass;
    }

    /** Cycles the pass under way has run on the system that has run longest. */
    public long passCycles() {
        long c = 0;
        for (CsSystem s : systems) {
            c = Math.max(c, s.passCycles());
        }
        return c;
    }

    /**
     * Runs the pass under way for up to {@code maxCycles} cycles on every system that is
     * not yet done with it. When all are, the host does its part and the next pass begins
     * (nothing of it runs in this call). Returns the most cycles any system ran.
     */
    public long advance(long maxCycles) {
        if (done()) {
            return 0;
        }
        long ran = 0;
        boolean allQuiet = true;
        for (int s = 0; s < systems.size(); s++) {
            CsSystem sys = systems.get(s);
            long before = sys.passCycles();
            allQuiet &= sys.advance(maxCycles);
            ran = Math.max(ran, sys.passCycles() - before);
            (forward() ? fwd : bwd)[s][layer() - 1] = sys.passCycles();
        }
        if (allQuiet) {
            endPass();
            pass++;
            if (done()) {
                ws.stepDone();
            } else {
                beginPass();
            }
        }
        return ran;
    }

    private void beginPass() {
        int l = layer();
        boolean relu = ReferenceTraining.relu(spec, l);
        float[] w = ws.memory().weights(l);   // MemoryX reads it once; SwarmX broadcasts it to every system
        for (CsSystem sys : systems) {
            if (forward()) {
                sys.beginForward(l, w, relu);
            } else {
                sys.beginBackward(l, w, relu);
            }
        }
    }

    private void endPass() {
        int batch = spec.training().batch();
        if (pass == layers - 1) {
            for (int s = 0; s < systems.size(); s++) {
                float[][] logits = systems.get(s).outputs(layers, counts[s]);
                float[][] dz = new float[counts[s]][];
                loss += LossHead.lossAndGradient(logits, labels[s], batch, dz);
                systems.get(s).loadOutputGradient(dz);
            }
        } else if (!forward()) {
            float[] sum = null;
            for (CsSystem sys : systems) {
                float[] g = sys.endBackward();
                if (sum == null) {
                    sum = g;
                } else {
                    for (int i = 0; i < sum.length; i++) {
                        sum[i] += g[i];   // SwarmX's reduction
                    }
                }
            }
            ws.memory().update(layer(), sum);
        }
    }

    /** The step's record: its loss and every pass's cycles; the passes not yet run count 0 cycles. */
    public StepRecord record() {
        long[][] f = new long[fwd.length][];
        long[][] b = new long[bwd.length][];
        for (int s = 0; s < fwd.length; s++) {
            f[s] = fwd[s].clone();
            b[s] = bwd[s].clone();
        }
        return new StepRecord(index, loss / spec.training().batch(), counts.clone(), f, b);
    }
}
