package org.waferscope.engine.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * One training step as discrete events on the cluster's components: MemoryX reading a
 * layer's weights and applying updates, SwarmX broadcasting weights down its tree and
 * reducing gradients up it, and each CS system running the layer's kernel for the cycles
 * the engine counted, at the arch's clock.
 *
 * <p>The passes run in order: forward over layers 1..L, then backward over L..1. A pass
 * whose kernel takes weights waits for them to be broadcast; MemoryX reads the next pass's
 * weights as soon as the systems have started the current pass (one layer of prefetch,
 * the systems' weight buffer), so reading and broadcasting overlap compute. A backward
 * pass's gradient is reduced once every system has finished it, and MemoryX applies the
 * update after the reduction, between its reads.
 */
public final class StepSchedule {
    /** A component's row in the timeline. */
    public static final String MEMORYX = "MemoryX";
    public static final String BROADCAST = "SwarmX broadcast";
    public static final String REDUCE = "SwarmX reduce";

    /** What a component is doing from {@code start} to {@code end} (seconds from the step's start). */
    public record Event(String component, Kind kind, int layer, double start, double end, long bytes) {
        public double duration() {
            return end - start;
        }
    }

    public enum Kind { READ, BROADCAST, FORWARD, BACKWARD, REDUCE, UPDATE }

    private final List<Event> events = new ArrayList<>();
    private double end;
    private double now;

    /**
     * @param record     the step's kernel cycles per system and layer
     * @param links      the cluster's links
     * @param clockHz    the arch's clock
     * @param weights    weights per layer (with biases), index l - 1
     */
    public StepSchedule(StepRecord record, ClusterSpec.Links links, double clockHz, int[] weights) {
        this(record, links, clockHz, weights, 2 * weights.length);
    }

    /**
     * The schedule of a step under way: the passes before {@code current} in full, the
     * pass under way with its systems' cycles so far (no reduction yet), and of the next
     * pass only what is already known, the prefetch of its weights while a forward pass
     * runs (after a backward pass MemoryX first applies the update).
     *
     * @param current the pass under way, 0 .. 2L - 1 ({@link StepRun#pass()}); 2L for a finished step
     */
    public StepSchedule(StepRecord record, ClusterSpec.Links links, double clockHz, int[] weights, int current) {
        int n = record.systems();
        int layers = weights.length;
        double memBps = links.memoryxGbps() * 1e9 / 8;
        double swBps = Math.min(links.swarmxGbps(), links.systemIoGbps()) * 1e9 / 8;
        double hops = levels(n, links.fanout()) * links.swarmxLatencyUs() * 1e-6;
        double memFree = 0;
        double reduceFree = 0;
        double broadcastFree = 0;
        double[] systemFree = new double[n];
        double prevStart = 0;
        for (int p = 0; p < 2 * layers; p++) {
            boolean fwd = p < layers;
            int l = fwd ? p + 1 : 2 * layers - p;
            long bytes = 4L * weights[l - 1];
            boolean needsWeights = fwd || l > 1;   // layer 1's backward needs no dX, so no weights
            if (p > current && (p > current + 1 || current >= layers || !needsWeights)) {
                break;   // not begun, and its weights not yet on their way
            }
            double ready = 0;
            if (needsWeights) {
                double readStart = Math.max(memFree, prevStart);
                double readEnd = readStart + links.memoryxLatencyUs() * 1e-6 + bytes / memBps;
                add(MEMORYX, Kind.READ, l, readStart, readEnd, bytes);
                memFree = readEnd;
                double bStart = Math.max(readEnd, broadcastFree);
                ready = bStart + hops + bytes / swBps;
                add(BROADCAST, Kind.BROADCAST, l, bStart, ready, bytes);
                broadcastFree = ready;
            }
            if (p > current) {
                break;   // the next pass's prefetched weights: all that is known of it
            }
            double firstStart = Double.MAX_VALUE;
            double lastEnd = 0;
            for (int s = 0; s < n; s++) {
                long cycles = fwd ? record.forwardCycles()[s][l - 1] : record.backwardCycles()[s][l - 1];
                double start = Math.max(systemFree[s], ready);
                double stop = start + cycles / clockHz;
                add(system(s), fwd ? Kind.FORWARD : Kind.BACKWARD, l, start, stop, 0);
                systemFree[s] = stop;
                firstStart = Math.min(firstStart, start);
                lastEnd = Math.max(lastEnd, stop);
            }
            prevStart = firstStart;
            if (p == current) {
                // within the pass's last cycle so far, so that its kernels count as running there;
                // a pass that has not run a cycle yet: still at the end of the pass before (or at 0)
                now = lastEnd > firstStart ? lastEnd - 0.5 / clockHz : now;
            } else {
                now = lastEnd;
            }
            if (!fwd && p < current) {
                double rStart = Math.max(lastEnd, reduceFree);
                double rEnd = rStart + hops + bytes / swBps;
                add(REDUCE, Kind.REDUCE, l, rStart, rEnd, bytes);
                reduceFree = rEnd;
                double uStart = Math.max(rEnd, memFree);
                double uEnd = uStart + weights[l - 1] / (links.updateGweights() * 1e9);
                add(MEMORYX, Kind.UPDATE, l, uStart, uEnd, bytes);
                memFree = uEnd;
            }
        }
        if (current >= 2 * layers) {
            now = end;
        }
    }

    /** Levels of the SwarmX tree above n systems: at least one (a single system still hangs off SwarmX). */
    static int levels(int n, int fanout) {
        int levels = 1;
        long reach = fanout;
        while (reach < n) {
            reach *= fanout;
            levels++;
        }
        return levels;
    }

    public static String system(int s) {
        return "CS-" + (s + 1);
    }

    private void add(String component, Kind kind, int layer, double start, double stop, long bytes) {
        events.add(new Event(component, kind, layer, start, stop, bytes));
        end = Math.max(end, stop);
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    /** Seconds from the step's first event to its last. */
    public double seconds() {
        return end;
    }

    /**
     * Where the step under way has got to: within the last cycle so far of the pass under
     * way on its slowest system; before the pass has run a cycle, the end of the pass before it (its
     * gradient just leaving). The step's end once it is finished.
     */
    public double now() {
        return now;
    }

    /** Seconds the systems spent in kernels, summed over the busiest system. */
    public double computeSeconds() {
        double busiest = 0;
        java.util.Map<String, Double> busy = new java.util.HashMap<>();
        for (Event e : events) {
            if (e.kind() == Kind.FORWARD || e.kind() == Kind.BACKWARD) {
                busiest = Math.max(busiest, busy.merge(e.component(), e.duration(), Double::sum));
            }
        }
        return busiest;
    }

    /** Rows of the timeline, top to bottom. */
    public static List<String> components(int systems) {
        List<String> rows = new ArrayList<>(List.of(MEMORYX, BROADCAST));
        for (int s = 0; s < systems; s++) {
            rows.add(system(s));
        }
        rows.add(REDUCE);
        return rows;
    }
}
