package org.waferscope.engine.cluster;

import java.util.ArrayList;
import java.util.List;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.fabric.Fabric;
import org.waferscope.engine.fabric.FabricBuilder;
import org.waferscope.engine.fabric.FabricCycle;
import org.waferscope.engine.fabric.HostPort;
import org.waferscope.engine.fabric.StallReport;
import org.waferscope.engine.host.HostArray;
import org.waferscope.engine.host.PeRectangle;
import org.waferscope.engine.program.WaferProgram;
import org.waferscope.engine.sim.CycleStepper;
import org.waferscope.engine.sim.StepLimits;
import org.waferscope.engine.sim.StopReason;

/**
 * One CS system: a wafer running the dense-layer kernel, and the host side of its I/O (the
 * weight stream in at the west edge, the gradient stream out at the east edge). Each pass
 * runs the fabric until it is quiet and returns the cycles it took.
 *
 * <p>Threads: one at a time (the trainer's).
 */
public final class CsSystem implements AutoCloseable {
    /** Host-to-device and device-to-host stream colors of the memcpy library (24 and 26). */
    static final int H2D = 24;
    static final int D2H = 26;
    private static final long BUDGET = 50_000_000L;

    private final Fabric fabric;
    private final CycleStepper stepper;
    private final HostPort port;
    private final SramPlan plan;
    private final int width;
    private final int height;
    private final PeRectangle layerPes;
    private PeRectangle gradientOut;
    private long passStart;
    private boolean quiet = true;

    CsSystem(WaferProgram kernel, SramPlan plan, int width, int height, int threads) {
        this.fabric = FabricBuilder.build(kernel.profile(), kernel.layout());
        this.stepper = new CycleStepper(new FabricCycle(fabric), threads);
        this.port = new HostPort(fabric);
        this.plan = plan;
        this.width = width;
        this.height = height;
        this.layerPes = new PeRectangle(1, 0, width, height, plan.actLength(), false);
    }

    public Fabric fabric() {
        return fabric;
    }

    public long cycle() {
        return fabric.cycle();
    }

    int samplesPerPe() {
        return plan.bp();
    }

    int pes() {
        return width * height;
    }

    /** Copies this system's share of the batch into the layer PEs (copy mode: no cycles). */
    void loadBatch(float[][] samples) {
        int[] act = activationsFor(samples);
        port.writeSymbol("act", layerPes, new HostArray("act", ElementType.F32, new int[] {act.length}, act));
    }

    /** What {@code act} holds on every layer PE, PE after PE, once {@code samples} are loaded (f32 bits). */
    int[] activationsFor(float[][] samples) {
        int[] act = new int[pes() * plan.actLength()];
        int bp = plan.bp();
        int len = plan.actLength();
        int one = Float.floatToRawIntBits(1f);
        for (int pe = 0; pe < pes(); pe++) {
            for (int l = 0; l < plan.units().length; l++) {
                int u = plan.units()[l];
                for (int b = 0; b < bp; b++) {
                    act[pe * len + plan.actOffset(l) + b * (u + 1) + u] = one;
                }
            }
            int k1 = plan.units()[0] + 1;
            for (int b = 0; b < bp; b++) {
                int s = pe * bp + b;
                if (s >= samples.length) {
                    continue;   // padding: a sample of zeros, given no gradient
                }
                for (int f = 0; f < k1 - 1; f++) {
                    act[pe * len + b * k1 + f] = Float.floatToRawIntBits(samples[s][f]);
                }
            }
        }
        return act;
    }

    /** Forward pass of layer l (1-based): the weights stream in column by column; returns the cycles taken. */
    long forward(int l, float[] weights, boolean relu) {
        beginForward(l, weights, relu);
        return runUntilQuiet();
    }

    /** Starts layer l's forward pass: the descriptor, the launch and the weight stream; no cycle runs yet. */
    void beginForward(int l, float[] weights, boolean relu) {
        describe(l, relu, false);
        port.launch("forward");
        streamWeights(columns(weights, plan.units()[l], plan.units()[l - 1] + 1));
        begin();
    }

    /** W (M rows of K + 1) as its K + 1 columns of M, the order forward wants them in. */
    static float[] columns(float[] w, int m, int k1) {
        float[] t = new float[w.length];
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < k1; c++) {
                t[c * m + r] = w[r * k1 + c];
            }
        }
        return t;
    }

    /** Layer l's outputs, [sample][unit], for this system's first {@code n} samples. */
    float[][] outputs(int l, int n) {
        HostArray a = port.readSymbol("act", layerPes, "act");
        int bp = plan.bp();
        int units = plan.units()[l];
        float[][] out = new float[n][units];
        for (int s = 0; s < n; s++) {
            int base = (s / bp) * plan.actLength() + plan.actOffset(l) + (s % bp) * (units + 1);
            for (int u = 0; u < units; u++) {
                out[s][u] = Float.intBitsToFloat(a.bits()[base + u]);
            }
        }
        return out;
    }

    /** Writes dLoss/dZ of the last layer, [sample][unit]; padding samples get zeros. */
    void loadOutputGradient(float[][] dz) {
        int l = plan.layers();
        int bp = plan.bp();
        int len = plan.gradLength();
        int[] g = new int[pes() * len];
        int stride = plan.units()[l] + 1;
        for (int s = 0; s < dz.length; s++) {
            int base = (s / bp) * len + plan.gradOffset(l, false) + (s % bp) * stride;
            for (int u = 0; u < dz[s].length; u++) {
                g[base + u] = Float.floatToRawIntBits(dz[s][u]);
            }
        }
        port.writeSymbol("grad", new PeRectangle(1, 0, width, height, len, false),
                new HostArray("grad", ElementType.F32, new int[] {g.length}, g));
    }

    /**
     * Backward pass of layer l: the weight gradient, summed over this system's samples,
     * leaves at the east edge (rows added by the host); the weights stream in again when
     * the layer below needs dX. Returns the gradient; {@code cycles[0]} gets the cycles.
     */
    float[] backward(int l, float[] weights, boolean relu, long[] cycles) {
        beginBackward(l, weights, relu);
        cycles[0] = runUntilQuiet();
        return endBackward();
    }

    /** Starts layer l's backward pass (the gradient's stream out, and the weights' stream in when dX is wanted). */
    void beginBackward(int l, float[] weights, boolean relu) {
        boolean wantDx = l > 1;
        describe(l, relu, wantDx);
        int n = plan.weights(l);
        gradientOut = new PeRectangle(width + 1, 0, 1, height, n, false);
        port.writeSymbol("count", new PeRectangle(width + 1, 0, 1, height, 1, false), counts(n));
        port.launch("backward");
        port.launch("relay_out");
        port.startStreamOut(D2H, gradientOut);
        if (wantDx) {
            streamWeights(weights);
        }
        begin();
    }

    /** After a backward pass has run quiet: the weight gradient, the rows' sums added. */
    float[] endBackward() {
        int n = gradientOut.elementsPerPe();
        HostArray rows = port.finishStreamOut(gradientOut, "dw", ElementType.F32);
        gradientOut = null;
        float[] dw = new float[n];
        for (int y = 0; y < height; y++) {
            for (int i = 0; i < n; i++) {
                dw[i] += Float.intBitsToFloat(rows.bits()[y * n + i]);
            }
        }
        return dw;
    }

    private void describe(int l, boolean relu, boolean wantDx) {
        int[] d = plan.descriptor(l, relu, wantDx);
        int[] all = new int[pes() * d.length];
        for (int p = 0; p < pes(); p++) {
            System.arraycopy(d, 0, all, p * d.length, d.length);
        }
        port.writeSymbol("desc", new PeRectangle(1, 0, width, height, d.length, false),
                new HostArray("desc", ElementType.I32, new int[] {all.length}, all));
    }

    private HostArray counts(int n) {
        return counts(n, height);
    }

    /** The same count for each of {@code rows} edge PEs. */
    static HostArray counts(int n, int rows) {
        int[] c = new int[rows];
        java.util.Arrays.fill(c, n);
        return new HostArray("count", ElementType.I32, new int[] {rows}, c);
    }

    /** Every row's west edge gets the whole weight stream (SwarmX's broadcast reaches each row). */
    private void streamWeights(float[] weights) {
        port.writeSymbol("count", new PeRectangle(0, 0, 1, height, 1, false), counts(weights.length));
        port.launch("relay_in");
        int[] bits = new int[height * weights.length];
        for (int y = 0; y < height; y++) {
            for (int i = 0; i < weights.length; i++) {
                bits[y * weights.length + i] = Float.floatToRawIntBits(weights[i]);
            }
        }
        port.streamIn(H2D, new PeRectangle(0, 0, 1, height, weights.length, false),
                new HostArray("w", ElementType.F32, new int[] {bits.length}, bits));
    }

    private void begin() {
        passStart = fabric.cycle();
        quiet = false;
    }

    /** Cycles the pass under way (or the last one) has run. */
    long passCycles() {
        return fabric.cycle() - passStart;
    }

    /** True when the pass under way has nothing left to do. */
    boolean quiet() {
        return quiet;
    }

    /**
     * Runs the pass under way for up to {@code maxCycles} cycles, stopping when the fabric
     * is quiet; the engine stops at the same cycle however the pass is cut into calls.
     * Returns true when the pass is over. A hang or fault is an exception with the engine's report.
     */
    boolean advance(long maxCycles) {
        if (quiet) {
            return true;
        }
        CycleStepper.Result r = stepper.step(Math.min(maxCycles, BUDGET), StepLimits.NONE);
        if (r.reason() == StopReason.QUIET) {
            quiet = true;
            return true;
        }
        if (r.reason() != StopReason.CYCLES_DONE || passCycles() > BUDGET) {
            throw stopped(fabric, "the kernel", r.reason());
        }
        return false;
    }

    /** The engine's report of a kernel that stopped with something left to do. */
    static IllegalStateException stopped(Fabric fabric, String what, StopReason reason) {
        List<String> lines = new ArrayList<>();
        lines.add(what + " stopped: " + reason + " at cycle " + fabric.cycle());
        lines.addAll(StallReport.describe(fabric, 12));
        return new IllegalStateException(String.join("\n", lines));
    }

    /** Runs the pass under way until nothing is left to do; returns its cycles. */
    long runUntilQuiet() {
        while (!advance(BUDGET)) {
            // another budget's worth: advance throws once the pass has overrun it
        }
        return passCycles();
    }

    @Override
    public void close() {
        stepper.close();
    }
}
