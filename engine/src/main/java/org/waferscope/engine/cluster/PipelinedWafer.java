package org.waferscope.engine.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.csl.ProgramLoadException;
import org.waferscope.engine.fabric.Fabric;
import org.waferscope.engine.fabric.FabricBuilder;
import org.waferscope.engine.fabric.FabricCycle;
import org.waferscope.engine.fabric.HostPort;
import org.waferscope.engine.host.HostArray;
import org.waferscope.engine.host.PeRectangle;
import org.waferscope.engine.program.ProgramSource;
import org.waferscope.engine.program.WaferProgram;
import org.waferscope.engine.sim.CycleStepper;

/**
 * One wafer running the whole network layer-pipelined ({@code layout_pipelined.csl}):
 * region r holds layer r + 1, its weights resident in the west edge column, and every
 * micro-batch's activations in its layer PEs, one sample per PE per micro-batch. A tick
 * runs every region at once, each on its own micro-batch: all forward, or all backward.
 * The host's part between ticks: it moves a region's outputs (or input gradients) into the
 * next region's SRAM, and collects each region's weight gradient from its east edge.
 *
 * <p>Threads: one at a time (the trainer's).
 */
final class PipelinedWafer implements AutoCloseable {
    private static final long BUDGET = 50_000_000L;

    private final Fabric fabric;
    private final CycleStepper stepper;
    private final HostPort port;
    private final int width;
    private final int height;
    private final int[] units;
    private final int microBatches;
    private final SramPlan[] plans;
    private final int actLength;

    /**
     * @param units        units[0] the inputs, units[l] layer l's width
     * @param microBatches micro-batches whose activations each region keeps
     */
    PipelinedWafer(ProgramSource folder, ClusterSpec spec, int microBatches, int threads) throws ProgramLoadException {
        ClusterSpec.Layer l0 = spec.layers().get(0);
        this.width = l0.width();
        this.height = l0.height();
        this.units = spec.units();
        this.microBatches = microBatches;
        int regions = units.length - 1;
        plans = new SramPlan[regions];
        int act = 0;
        int grad = 0;
        int dw = 0;
        int wbuf = 0;
        for (int r = 0; r < regions; r++) {
            plans[r] = new SramPlan(1, new int[] {units[r], units[r + 1]});
            act = Math.max(act, microBatches * plans[r].actLength());
            grad = Math.max(grad, plans[r].gradLength());
            dw = Math.max(dw, plans[r].dwLength());
            wbuf = Math.max(wbuf, plans[r].wbufLength());
        }
        this.actLength = act;
        Map<String, String> params = new LinkedHashMap<>();
        params.put("width", Integer.toString(width));
        params.put("height", Integer.toString(height));
        params.put("regions", Integer.toString(regions));
        params.put("bp", "1");
        params.put("act_len", Integer.toString(act));
        params.put("grad_len", Integer.toString(grad));
        params.put("dw_len", Integer.toString(dw));
        params.put("wbuf_len", Integer.toString(wbuf));
        params.put("w_len", Integer.toString(dw));
        WaferProgram kernel = KernelSource.loadPipelined(folder, spec.arch(), params);
        this.fabric = FabricBuilder.build(kernel.profile(), kernel.layout());
        this.stepper = new CycleStepper(new FabricCycle(fabric), threads);
        this.port = new HostPort(fabric);
    }

    Fabric fabric() {
        return fabric;
    }

    int regions() {
        return plans.length;
    }

    /** Bytes of data on a layer PE: every micro-batch's activations, two gradient buffers, dW and a weight buffer. */
    int layerPeBytes() {
        int most = 0;
        for (SramPlan p : plans) {
            most = Math.max(most, p.gradLength() + p.dwLength() + p.wbufLength() + 8);
        }
        return 4 * (actLength + most);
    }

    /** Bytes of weights on a west edge PE: the largest layer's, by columns and by rows. */
    int edgePeBytes() {
        int most = 0;
        for (SramPlan p : plans) {
            most = Math.max(most, p.dwLength());
        }
        return 4 * 2 * most;
    }

    /** PEs the regions take. */
    int pes() {
        return (width + 2) * height * regions();
    }

    private PeRectangle column(int r, int dx, int perPe) {
        return new PeRectangle(r * (width + 2) + dx, 0, 1, height, perPe, false);
    }

    private PeRectangle layerPes(int r, int perPe) {
        return new PeRectangle(r * (width + 2) + 1, 0, width, height, perPe, false);
    }

    /** Puts layer r + 1's weights into its region's west edge, by columns and by rows (copy mode: no cycles). */
    void writeWeights(int r, float[] w) {
        int m = units[r + 1];
        int k1 = units[r] + 1;
        port.writeSymbol("columns", column(r, 0, w.length), repeat(CsSystem.columns(w, m, k1), height));
        port.writeSymbol("rows", column(r, 0, w.length), repeat(w, height));
    }

    private static HostArray repeat(float[] a, int times) {
        int[] bits = new int[a.length * times];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = Float.floatToRawIntBits(a[i % a.length]);
        }
        return new HostArray("w", ElementType.F32, new int[] {bits.length}, bits);
    }

    /** Floats of one micro-batch's block in region r's {@code act}: a PE's input row, then its output row. */
    private int block(int r) {
        return plans[r].actLength();
    }

    /** Copies every micro-batch's inputs into region 0 and the 1s that end every row of every region. */
    void loadInputs(float[][][] micro) {
        for (int r = 0; r < regions(); r++) {
            int pes = width * height;
            int[] act = new int[pes * actLength];
            int k1 = units[r] + 1;
            int m1 = units[r + 1] + 1;
            int one = Float.floatToRawIntBits(1f);
            for (int pe = 0; pe < pes; pe++) {
                for (int j = 0; j < microBatches; j++) {
                    int base = pe * actLength + j * block(r);
                    act[base + k1 - 1] = one;
                    act[base + k1 + m1 - 1] = one;
                    if (r == 0 && pe < micro[j].length) {
                        for (int f = 0; f < k1 - 1; f++) {
                            act[base + f] = Float.floatToRawIntBits(micro[j][pe][f]);
                        }
                    }
                }
            }
            port.writeSymbol("act", layerPes(r, actLength), new HostArray("act", ElementType.F32,
                    new int[] {act.length}, act));
        }
    }

    /**
     * One forward tick: region r runs micro-batch {@code j[r]} (an idle region, j[r] < 0,
     * recomputes block 0 or the last block, whose inputs have not changed, and is ignored).
     * Returns the cycles the tick took.
     */
    long forwardTick(int[] j, boolean[] relu) {
        for (int r = 0; r < regions(); r++) {
            describe(r, blockOf(j[r]), relu[r], false);
            port.writeSymbol("count", column(r, 0, 1), counts(plans[r].weights(1)));
        }
        port.launch("forward");
        port.launch("send_columns");
        return runUntilQuiet();
    }

    /** After a forward tick: region r's outputs of micro-batch j become region r + 1's inputs. */
    void passOutputs(int r, int j) {
        int m1 = units[r + 1] + 1;
        int[] from = port.readSymbol("act", layerPes(r, actLength), "a").bits();
        int[] to = port.readSymbol("act", layerPes(r + 1, actLength), "a").bits();
        for (int pe = 0; pe < width * height; pe++) {
            System.arraycopy(from, pe * actLength + j * block(r) + units[r] + 1, to,
                    pe * actLength + j * block(r + 1), m1);
        }
        port.writeSymbol("act", layerPes(r + 1, actLength), new HostArray("act", ElementType.F32,
                new int[] {to.length}, to));
    }

    /** The last region's outputs of micro-batch j, [sample][unit], for its first n samples. */
    float[][] logits(int j, int n) {
        int r = regions() - 1;
        int[] a = port.readSymbol("act", layerPes(r, actLength), "a").bits();
        float[][] out = new float[n][units[r + 1]];
        for (int s = 0; s < n; s++) {
            int base = s * actLength + j * block(r) + units[r] + 1;
            for (int u = 0; u < out[s].length; u++) {
                out[s][u] = Float.intBitsToFloat(a[base + u]);
            }
        }
        return out;
    }

    /** Writes dLoss/dZ of the last layer for the micro-batch about to go backward; padding samples get zeros. */
    void writeOutputGradient(float[][] dz) {
        int r = regions() - 1;
        int len = plans[r].gradLength();
        int[] g = new int[width * height * len];
        for (int s = 0; s < dz.length; s++) {
            for (int u = 0; u < dz[s].length; u++) {
                g[s * len + u] = Float.floatToRawIntBits(dz[s][u]);
            }
        }
        port.writeSymbol("grad", layerPes(r, len), new HostArray("grad", ElementType.F32, new int[] {g.length}, g));
    }

    /** Before a backward tick: region r + 1's input gradient (its dX) becomes region r's output gradient (dZ). */
    void passGradient(int r) {
        int rows = units[r + 1] + 1;
        int fromLen = plans[r + 1].gradLength();
        int toLen = plans[r].gradLength();
        int[] from = port.readSymbol("grad", layerPes(r + 1, fromLen), "g").bits();
        int[] to = new int[width * height * toLen];
        for (int pe = 0; pe < width * height; pe++) {
            System.arraycopy(from, pe * fromLen + plans[r + 1].gradOffset(1, true), to,
                    pe * toLen + plans[r].gradOffset(1, false), rows);
        }
        port.writeSymbol("grad", layerPes(r, toLen), new HostArray("grad", ElementType.F32, new int[] {to.length}, to));
    }

    /**
     * One backward tick: region r runs micro-batch {@code j[r]}; every region's weight
     * gradient leaves at its east edge (rows summed here), an idle region's to be ignored.
     * {@code cycles[0]} gets the tick's cycles.
     */
    float[][] backwardTick(int[] j, boolean[] relu, long[] cycles) {
        float[][] dw = new float[regions()][];
        for (int r = 0; r < regions(); r++) {
            int n = plans[r].weights(1);
            describe(r, blockOf(j[r]), relu[r], r > 0);
            port.writeSymbol("count", column(r, width + 1, 1), counts(n));
            port.writeSymbol("count", column(r, 0, 1), counts(r > 0 ? n : 0));   // the lowest layer wants no dX
        }
        port.launch("backward");
        port.launch("relay_out");
        for (int r = 0; r < regions(); r++) {
            port.startStreamOut(CsSystem.D2H, column(r, width + 1, plans[r].weights(1)));
        }
        port.launch("send_rows");
        cycles[0] = runUntilQuiet();
        for (int r = 0; r < regions(); r++) {
            int n = plans[r].weights(1);
            int[] rows = port.finishStreamOut(column(r, width + 1, n), "dw", ElementType.F32).bits();
            dw[r] = new float[n];
            for (int y = 0; y < height; y++) {
                for (int i = 0; i < n; i++) {
                    dw[r][i] += Float.intBitsToFloat(rows[y * n + i]);
                }
            }
        }
        return dw;
    }

    private int blockOf(int j) {
        return j < 0 ? 0 : j;
    }

    private void describe(int r, int j, boolean relu, boolean wantDx) {
        int[] d = plans[r].descriptor(1, relu, wantDx);
        d[0] += j * block(r);   // this micro-batch's input row
        d[1] += j * block(r);   // and output row
        int pes = width * height;
        int[] all = new int[pes * d.length];
        for (int p = 0; p < pes; p++) {
            System.arraycopy(d, 0, all, p * d.length, d.length);
        }
        port.writeSymbol("desc", layerPes(r, d.length), new HostArray("desc", ElementType.I32,
                new int[] {all.length}, all));
    }

    private HostArray counts(int n) {
        return CsSystem.counts(n, height);
    }

    private long runUntilQuiet() {
        long start = fabric.cycle();
        CycleStepper.Result r = stepper.step(BUDGET, org.waferscope.engine.sim.StepLimits.NONE);
        if (r.reason() != org.waferscope.engine.sim.StopReason.QUIET) {
            throw CsSystem.stopped(fabric, "the layer-pipelined kernel", r.reason());
        }
        return fabric.cycle() - start;
    }

    @Override
    public void close() {
        stepper.close();
    }
}
