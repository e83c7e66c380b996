package org.waferscope.engine.record;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.waferscope.engine.api.TimelinePoint;

/**
 * The whole run's fabric-wide counters, recorded every cycle and kept as running totals at
 * bucket ends. A bucket starts one cycle wide; when {@link #CAPACITY} points are kept,
 * every other point is dropped and buckets double, so memory stays bounded however long
 * the run and any bucket's figure is still an exact difference of totals.
 *
 * <p>Threads: written by the stepper's worker 0 during a step and read between steps, both
 * on the thread that drives the wafer.
 */
public final class RunTimeline {
    /** Points kept at most; a full wafer's run at any length costs 5 arrays of this size. */
    public static final int CAPACITY = 4096;

    private final long[] cycle = new long[CAPACITY];
    private final long[] busy = new long[CAPACITY];
    private final long[] stalled = new long[CAPACITY];
    private final long[] hops = new long[CAPACITY];
    private final int[] active = new int[CAPACITY];
    private int size = 1;
    private long width = 1;
    // the running totals, one cycle ahead of the last point
    private long now;
    private long busyNow;
    private long stalledNow;
    private long hopsNow;
    private int activeNow;
    /** Wavelets held in the fabric's channels now: not a recorded figure, only kept up to date. */
    private long heldNow;

    /** Totals since load: what the recording must agree with. */
    public record Totals(long cycle, long busy, long stalled, long hops) {
    }

    /**
     * Counts one cycle ({@code c}, the cycle just simulated) and closes a bucket when one is due;
     * {@code heldChange} is the change in wavelets held in the channels over the cycle.
     */
    public void cycle(long c, int busyPes, int stalledPes, int linkHops, int activePes, int heldChange) {
        heldNow += heldChange;
        busyNow += busyPes;
        stalledNow += stalledPes;
        hopsNow += linkHops;
        activeNow = activePes;
        now = c + 1;
        if (now % width == 0) {
            append();
        }
    }

    private void append() {
        if (size == CAPACITY) {
            merge();
        }
        cycle[size] = now;
        busy[size] = busyNow;
        stalled[size] = stalledNow;
        hops[size] = hopsNow;
        active[size] = activeNow;
        size++;
    }

    /** Keeps the first point and every other one after it: buckets twice as wide. */
    private void merge() {
        int kept = 1;
        for (int i = 2; i < size; i += 2) {
            cycle[kept] = cycle[i];
            busy[kept] = busy[i];
            stalled[kept] = stalled[i];
            hops[kept] = hops[i];
            active[kept] = active[i];
            kept++;
        }
        size = kept;
        width *= 2;
    }

    /**
     * After the fabric went back to an earlier state: drops what was recorded past it and
     * continues from the fabric's own totals there, so stepping back and running forward
     * again records the same history. {@code held} is the wavelets the fabric holds there.
     */
    public void rewind(Totals at, int activePes, long held) {
        heldNow = held;
        while (size > 1 && cycle[size - 1] > at.cycle()) {
            size--;
        }
        now = at.cycle();
        busyNow = at.busy();
        stalledNow = at.stalled();
        hopsNow = at.hops();
        activeNow = activePes;
        if (at.cycle() < cycle[0]) {
            size = 1;
            cycle[0] = at.cycle();
            busy[0] = at.busy();
            stalled[0] = at.stalled();
            hops[0] = at.hops();
        } else if (cycle[size - 1] < now) {
            append();
        }
    }

    /** The cycle the totals have reached. */
    public long cycle() {
        return now;
    }

    /** Wavelets in the fabric's channels now, kept from each cycle's change: the frame's figure without a sweep. */
    public long waveletsHeld() {
        return heldNow;
    }

    /** Totals over everything recorded. */
    public Totals totals() {
        return new Totals(now, busyNow, stalledNow, hopsNow);
    }

    /** Cycles per bucket now. */
    public long bucketWidth() {
        return width;
    }

    /**
     * The buckets from the first cycle recorded to now (the last one possibly partial), as
     * rates over {@code programPes} PEs.
     */
    public List<TimelinePoint> points(int programPes) {
        int n = size + (cycle[size - 1] < now ? 1 : 0);
        List<TimelinePoint> out = new ArrayList<>(Math.max(0, n - 1));
        float pes = Math.max(1, programPes);
        for (int i = 1; i < n; i++) {
            boolean live = i == size;
            long c1 = live ? now : cycle[i];
            long span = c1 - cycle[i - 1];
            float pc = span * pes;
            out.add(new TimelinePoint(c1, span, ((live ? busyNow : busy[i]) - busy[i - 1]) / pc,
                    ((live ? stalledNow : stalled[i]) - stalled[i - 1]) / pc,
                    (float) ((live ? hopsNow : hops[i]) - hops[i - 1]) / span, live ? activeNow : active[i]));
        }
        return out;
    }

    /** Bucket ends, for tests: cycle numbers of the kept points. */
    long[] ends() {
        return Arrays.copyOf(cycle, size);
    }
}
