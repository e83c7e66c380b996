package org.waferscope.engine.sim;

import java.util.Arrays;

/**
 * One counted line breakpoint's arrivals, by cycle: what lets a step back put the hit count
 * where a run from cycle 0 would have it, instead of starting it afresh. One entry per cycle
 * with arrivals (the cycle and the count up to it), in cycle order, so the count at any cycle
 * is a binary search away and a step back just cuts the tail.
 *
 * <p>Bounded by the hit count: the breakpoint fires once, when the total reaches it, and at
 * any cycle after that a step back only needs to know that it was reached. So the log stops
 * growing there, and holds at most {@code hitCount} entries however long the run.
 *
 * <p>Threads: the simulation thread only.
 */
final class HitLog {
    private long[] cycles = new long[8];
    private long[] totals = new long[8];
    private int size;
    private final long since;
    private final long hitCount;

    /** A log that starts counting at {@code since}, for a breakpoint that fires at the {@code hitCount}-th arrival. */
    HitLog(long since, long hitCount) {
        this.since = since;
        this.hitCount = hitCount;
    }

    /** The cycle this log started counting at. */
    long since() {
        return since;
    }

    /** {@code n} PEs arrived at {@code cycle}, which is later than any cycle logged so far. */
    void add(long cycle, int n) {
        if (total() >= hitCount) {
            return;   // reached before: later arrivals cannot change what the count says
        }
        if (size == cycles.length) {
            cycles = Arrays.copyOf(cycles, size * 2);
            totals = Arrays.copyOf(totals, size * 2);
        }
        cycles[size] = cycle;
        totals[size] = total() + n;
        size++;
    }

    /** Entries kept (for tests: never more than the hit count). */
    int entries() {
        return size;
    }

    /** Arrivals counted so far (up to the arrival that reached the hit count). */
    long total() {
        return size == 0 ? 0 : totals[size - 1];
    }

    /** Forgets the arrivals after {@code cycle}: the wafer went back there and their future is rewritten. */
    void cutAfter(long cycle) {
        int i = Arrays.binarySearch(cycles, 0, size, cycle);
        size = i >= 0 ? i + 1 : -i - 1;
    }
}
