package org.waferscope.engine.fabric;

import org.waferscope.engine.api.MetricLayer;
import org.waferscope.engine.api.RouteCode;
import org.waferscope.engine.api.TaskStateCode;

/**
 * Turns the fabric's counters into one heatmap layer. Rates (utilization, traffic,
 * back-pressure) are measured over the window since the previous sample of the same
 * layer (a sample at the same cycle repeats the last window), or, for a whole-run sample,
 * over every cycle since load. Only the layer asked for is
 * computed, so a full wafer costs one pass over its PEs per frame.
 *
 * <p>Threads: the simulation thread only, between cycles.
 */
public final class LayerSampler {
    /** A sampled layer. {@code links} is per PE and link direction, or null. */
    public record Sample(float[] values, float min, float max, float[] links) {
    }

    private final Fabric f;
    /**
     * The counters at the window's start, per PE and per PE link, made at the first windowed
     * sample that needs them: at full wafer 18 MB that a session watching values, SRAM, task
     * states or a route never uses.
     */
    private long[] base = new long[0];
    private int[] baseLinks = new int[0];
    private MetricLayer baseLayer;
    private long baseCycle = -1;
    private Sample last;

    public LayerSampler(Fabric fabric) {
        this.f = fabric;
    }

    /** Forgets the window (after a restore moved the cycle backwards). */
    public void reset() {
        baseLayer = null;
        last = null;
    }

    public Sample sample(MetricLayer layer, int color) {
        return sample(layer, color, false);
    }

    public Sample sample(MetricLayer layer, int color, boolean wholeRun) {
        return switch (layer) {
            case SRAM -> sram();
            case TASK_STATE -> taskState();
            case ROUTE -> route(color);
            default -> windowed(layer, wholeRun);
        };
    }

    private Sample windowed(MetricLayer layer, boolean wholeRun) {
        long now = f.cycle;
        if (wholeRun) {
            // from cycle 0, leaving the windows' baseline alone
            return rates(layer, now, true, new long[0], new int[0]);
        }
        if (layer == baseLayer && now == baseCycle && last != null) {
            return last;
        }
        boolean fresh = layer != baseLayer || now < baseCycle;
        if (base.length == 0) {
            base = new long[f.n];
        }
        if (baseLinks.length == 0 && layer != MetricLayer.UTILIZATION) {
            baseLinks = new int[f.n * 4];
        }
        last = rates(layer, now, fresh, base, baseLinks);
        baseLayer = layer;
        baseCycle = now;
        return last;
    }

    /** Rates over the window since {@code base} (or since cycle 0 when {@code fresh}); updates a non-empty base. */
    private Sample rates(MetricLayer layer, long now, boolean fresh, long[] base, int[] baseLinks) {
        boolean keep = base.length > 0;
        long window = fresh ? Math.max(1, now) : now - baseCycle;
        float[] values = new float[f.n];
        float[] links = layer == MetricLayer.UTILIZATION ? null : new float[f.n * 4];
        for (int p = 0; p < f.n; p++) {
            long cur = counter(layer, p);
            long prev = fresh ? 0 : base[p];
            if (keep) {
                base[p] = cur;
            }
            if (links == null) {
                values[p] = 100f * (cur - prev) / window;
                continue;
            }
            float sum = 0;
            for (int d = 0; d < 4; d++) {
                int i = p * 4 + d;
                int c = layer == MetricLayer.TRAFFIC ? f.linkHops(p, d) : f.linkBlocked[i];
                int before = fresh ? 0 : baseLinks[i];
                if (keep) {
                    baseLinks[i] = c;
                }
                float rate = (float) ((c - before) & 0xFFFFFFFFL) / window;
                links[i] = layer == MetricLayer.TRAFFIC ? rate : Math.min(100f, 100f * rate);
                sum += rate;
            }
            values[p] = layer == MetricLayer.TRAFFIC ? sum : Math.min(100f, 100f * (cur - prev) / window + 100f * sum / 4);
        }
        float max = layer == MetricLayer.TRAFFIC ? 4f : 100f;
        return new Sample(values, 0, max, links);
    }

    private long counter(MetricLayer layer, int p) {
        return switch (layer) {
            case UTILIZATION -> f.cntCompute(p) + f.cntFabric(p);
            case BACKPRESSURE -> f.cntStallOut(p);
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
        return switch (f.activity(p)) {
            case Activity.STALL_INPUT -> TaskStateCode.STALLED_INPUT;
            case Activity.STALL_OUTPUT -> TaskStateCode.STALLED_BACKPRESSURE;
            case Activity.MICROTHREADS -> TaskStateCode.MICROTHREADS;
            case Activity.COMPUTE, Activity.FABRIC -> TaskStateCode.RUNNING;
            default -> f.pc(p) >= 0 ? TaskStateCode.RUNNING : TaskStateCode.IDLE;
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
