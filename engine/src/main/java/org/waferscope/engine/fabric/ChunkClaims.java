package org.waferscope.engine.fabric;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Who computes which chunk in a cycle. The chunks still to take are a range, kept per
 * cycle parity (worker 0 resets the next cycle's while nobody can be using it). With two
 * workers, one takes chunks from the bottom of the range upwards and the other from the top
 * downwards, so each works through one run of rows and they meet wherever the work
 * balances: a worker that was descheduled, or whose rows are idle, just takes fewer, and
 * only the rows where they meet have neighbours on the other worker, so nearly every word
 * is committed right behind its compute ({@link CommitFront}). With more workers, all take
 * from the bottom.
 *
 * <p>Threads: any worker claims at any time in its cycle; a compare-and-set of the range.
 */
public final class ChunkClaims {
    private final AtomicLong[] range = {new AtomicLong(), new AtomicLong()};
    private final int chunks;
    private final boolean meet;

    public ChunkClaims(int chunks, int workers) {
        this.chunks = chunks;
        this.meet = workers == 2;
        reset(0);
        reset(1);
    }

    /** Makes every chunk free again for the cycles of parity {@code parity}. */
    public void reset(int parity) {
        range[parity].set((long) (chunks - 1) << 32);
    }

    /** Whether worker {@code id} takes its chunks from the top down (and visits their words downwards). */
    public boolean downwards(int id) {
        return meet && id == 1;
    }

    /** The next chunk for worker {@code id} in a cycle of parity {@code parity}, or -1 when none is left. */
    int claim(int parity, int id) {
        AtomicLong r = range[parity];
        boolean down = downwards(id);
        while (true) {
            long v = r.get();
            int lo = (int) v;
            int hi = (int) (v >>> 32);
            if (lo > hi) {
                return -1;
            }
            long next = down ? (long) (hi - 1) << 32 | (lo & 0xFFFFFFFFL) : (long) hi << 32 | (lo + 1);
            if (r.compareAndSet(v, next)) {
                return down ? hi : lo;
            }
        }
    }
}
