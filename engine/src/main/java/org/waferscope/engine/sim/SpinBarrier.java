package org.waferscope.engine.sim;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A reusable barrier for a fixed set of workers that spins first, then parks: a cycle's
 * phases last microseconds, and parking straight away costs more than that (about 13 µs per
 * {@code CyclicBarrier} round against about 0.5 µs spinning on our 2-core machines).
 *
 * <p>A worker that is still waiting after the spin parks rather than yields. On a machine
 * shared with other jobs a waiter usually waits because another worker was descheduled;
 * yielding then only burns the waiter's share of the CPU, so that it is descheduled in turn
 * once the late worker arrives, and each barrier can cost a time slice twice over. A parked
 * waiter uses nothing, and the last worker to arrive unparks it, which the scheduler favours.
 *
 * <p>The volatile generation gives the happens-before edge between one phase's writes and
 * the next phase's reads.
 */
final class SpinBarrier {
    private static final int SPINS_BEFORE_PARK = 4_000;

    private final int parties;
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int generation;
    /**
     * The waiters that parked, by worker: each slot is written only by its own worker, so a
     * waiter late from one round can never overwrite one parked in the next.
     */
    private final AtomicReferenceArray<Thread> parked;

    SpinBarrier(int parties) {
        this.parties = parties;
        this.parked = new AtomicReferenceArray<>(parties);
    }

    /** Waits until all parties have arrived; {@code worker} is the caller's number, 0 to parties - 1. */
    void await(int worker) {
        int gen = generation;
        if (arrived.incrementAndGet() == parties) {
            arrived.set(0);
            generation = gen + 1;
            for (int k = 0; k < parties; k++) {
                Thread t = parked.get(k);
                if (t != null && k != worker) {
                    LockSupport.unpark(t);
                }
            }
            return;
        }
        for (int spins = 0; spins < SPINS_BEFORE_PARK; spins++) {
            if (generation != gen) {
                return;
            }
            Thread.onSpinWait();
        }
        // the last worker moves the generation on, then reads the slots: one of the two sees
        // the other's write. An unpark meant for an earlier round only makes one park return
        // early, and the loop parks again.
        parked.set(worker, Thread.currentThread());
        while (generation == gen) {
            LockSupport.park(this);
        }
        parked.set(worker, null);
    }
}
