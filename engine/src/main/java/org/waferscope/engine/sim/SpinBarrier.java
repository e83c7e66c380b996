package org.waferscope.engine.sim;

import java.util.concurrent.atomic.AtomicInteger;
import org.waferscope.engine.fabric.WorkerWaits;

/**
 * A reusable barrier for a fixed set of workers that spins instead of parking: a cycle's
 * phases last microseconds, and parking costs more than that (about 13 µs per
 * {@code CyclicBarrier} round against about 0.5 µs spinning on our 2-core machines). After
 * a while it naps instead ({@link WorkerWaits#pause}), so that more workers than cores, or a
 * worker the scheduler has put aside, still make progress.
 *
 * <p>The volatile generation gives the happens-before edge between one phase's writes and
 * the next phase's reads.
 */
final class SpinBarrier {
    private final int parties;
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int generation;

    SpinBarrier(int parties) {
        this.parties = parties;
    }

    /** Waits for every party; a wait is counted in {@code waits} as worker {@code id}'s. */
    void await(int id, WorkerWaits waits) {
        int gen = generation;
        if (arrived.incrementAndGet() == parties) {
            arrived.set(0);
            generation = gen + 1;
            return;
        }
        if (generation != gen) {
            return;
        }
        long since = waits.wallNow();
        long cpuSince = waits.cpuNow();
        for (int turn = 0; generation == gen; turn++) {
            WorkerWaits.pause(turn);
        }
        waits.add(id, WorkerWaits.BARRIER, since, cpuSince);
    }
}
