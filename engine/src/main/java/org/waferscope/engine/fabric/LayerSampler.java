package org.waferscope.engine.fabric;

import org.waferscope.engine.api.MetricLayer;
import org.waferscope.engine.api.RouteCode;
import org.waferscope.engine.api.TaskStateCode;

/**
 * Turns the fabric's counters into one heatmap layer. Rates (utilization, traffic,
 * back-pressure) are measured over the window since the previous sample of the same
 * layer; a sample at the same cycle repeats the last window. Only the layer asked for is
 * computed, so a full wafer costs one pass over its PEs per frame.
 *
 * <p>Threads: the simulation thread only, between cycles.
 */
public final class LayerSampler {
    /** A sampled layer. {@code links} is per PE and link direction, or null. */
    public record Sample(float[] values, float min, float max, float[] links) {
    }

    private final Fabric f;
    private final long[] base;
    private final int[] baseLinks;
    private MetricLayer baseLayer;
    private long baseCycle = -1;
    private Sample last;

    public LayerSampler(Fabric fabric) {
        this.f = fabric;
        this.base = new long[fabric.n];
        this.baseLinks = new int[fabric.n * 4];
    }

    /** Forgets the window (after a restore moved the cycle backwards). */
    public void reset() {
        baseLayer = null;
        last = null;
    }

    public Sample sample(MetricLayer layer, int color) {
        return switch (layer) {
            case SRAM -> sram();
            case TASK_STATE -> taskState();
            case ROUTE -> route(color);
            default -> windowed(layer);
        };
    }

    private Sample windowed(MetricLayer layer) {
        long now = f.cycle;
        if (layer == baseLayer && now == baseCycle && last != null) {
            return last;
        }
        boolean fresh = layer != baseLayer || now < baseCycle;
        long window = fresh ? Math.max(1, now) : now - baseCycle;
        float[] values = new float[f.n];
        float[] links = layer == MetricLayer.UTILIZATION ? null : new float[f.n * 4];
        for (int p = 0; p < f.n; p++) {
            long cur = counter(layer, p);
            long prev = fresh ? 0 : base[p];
            base[p] = cur;
            if (links == null) {
                values[p] = 100f * (cur - prev) / window;
                continue;
            }
            float sum = 0;
            for (int d = 0; d < 4; d++) {
                int i = p * 4 + d;
                int c = layer == MetricLayer.TRAFFIC ? f.linkHops[i] : f.linkBlocked[i];
                int before = fresh ? 0 : baseLinks[i];
                baseLinks[i] = c;
                float rate = (float) ((c - before) & 0xFFFFFFFFL) / window;
                links[i] = layer == MetricLayer.TRAFFIC ? rate : Math.min(100f, 100f * rate);
                sum += rate;
            }
            values[p] = layer == MetricLayer.TRAFFIC ? sum : Math.min(100f, 100f * (cur - prev) / window + 100f * sum / 4);
        }
        baseLayer = layer;
        baseCycle = now;
        float max = layer == MetricLayer.TRAFFIC ? 4f : 100f;
        last = new Sample(values, 0, max, links);
        return last;
    }

    private long counter(MetricLayer layer, int p) {
        return switch (layer) {
            case UTILIZATION -> f.cntCompute[p] + f.cntFabric[p];
            case BACKPRESSURE -> f.cntStallOut[p];
            default -> 0;
        };
    }

    private Sample sram() {
        float[] values = new float[f.n];
        for (int p = 0; p < f.n; p++) {
            int pi = f.peProgram[p];
            values[p] = pi < 0 ? 0 : f.programs[pi].sramBytes(f.profile);
        }
        return new Sample(values, 0, f.profile.sramBytes(), null);
    }

    private Sample taskState() {
        float[] values = new float[f.n];
        for (int p = 0; p < f.n; p++) {
            values[p] = stateOf(p).ordinal();
        }
        return new Sample(values, 0, TaskStateCode.values().length - 1, null);
    }

    private TaskStateCode stateOf(int p) {
        if (f.peProgram[p] < 0) {
            return TaskStateCode.EMPTY;
        }
        if (f.fault[p] != null) {
            return TaskStateCode.FAULTED;
        }
        return switch (f.activity[p]) {
            case Activity.STALL_INPUT -> TaskStateCode.STALLED_INPUT;
            case Activity.STALL_OUTPUT -> TaskStateCode.STALLED_BACKPRESSURE;
            case Activity.MICROTHREADS -> TaskStateCode.MICROTHREADS;
            case Activity.COMPUTE, Activity.FABRIC -> TaskStateCode.RUNNING;
            default -> f.pc[p] >= 0 ? TaskStateCode.RUNNING : TaskStateCode.IDLE;
        };
    }

    private Sample route(int color) {
        float[] values = new float[f.n];
        for (int p = 0; p < f.n; p++) {
            for (int rs = f.rsStart[p]; rs < f.rsStart[p + 1]; rs++) {
                if (f.rsColor[rs] == color) {
                    int cfg = f.rsConfig[rs];
                    int pos = f.rsPos[rs];
                    values[p] = RouteCode.pack(f.cfgRx[cfg * 4 + pos], f.cfgTx[cfg * 4 + pos], pos);
                }
            }
        }
        return new Sample(values, 0, 1 << 13, null);
    }
}
