package org.waferscope.engine.fabric;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How far each of two workers has got in a pass next to the split between their words, for
 * the other to wait on ({@link Wavefront}'s whole-row passes, {@link ColumnTiles}' bands): per
 * worker, level and (computed, committed), a mark that only grows from pass to pass.
 */
final class SplitSignals {
    static final int COMPUTED = 0;
    static final int COMMITTED = 1;

    private final AtomicLongArray done;
    private final int maxLevels;

    SplitSignals(int maxLevels) {
        this.maxLevels = maxLevels;
        this.done = new AtomicLongArray(2 * maxLevels * 2);
    }

    /** Worker {@code id} has done {@code what} at {@code level} as far as {@code mark}. */
    void set(int id, int level, int what, long mark) {
        done.set(slot(id, level, what), mark);
    }

    /**
     * Waits until worker {@code id} has done {@code what} at {@code level} as far as {@code mark};
     * the wait is counted in {@code waits} (if any) as the other worker's.
     */
    void await(int id, int level, int what, long mark, WorkerWaits waits) {
        int at = slot(id, level, what);
        if (done.get(at) >= mark) {
            return;
        }
        long since = waits == null ? 0 : waits.wallNow();
        long cpuSince = waits == null ? 0 : waits.cpuNow();
        for (int turn = 0; done.get(at) < mark; turn++) {
            WorkerWaits.pause(turn);
        }
        if (waits != null) {
            waits.add(1 - id, WorkerWaits.SPLIT, since, cpuSince);
        }
    }

    private int slot(int id, int level, int what) {
        return (id * maxLevels + level) * 2 + what;
    }
}
