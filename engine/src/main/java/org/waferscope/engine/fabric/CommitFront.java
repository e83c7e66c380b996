package org.waferscope.engine.fabric;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Which chunks of the fabric have finished the compute phase of the current cycle, so that a
 * word's commit can go ahead as soon as every PE it touches has computed, while the word's
 * state is still in cache, instead of after a barrier at the end of the whole compute phase.
 *
 * <p>The commit of PE p writes only state of p and of its four neighbours (p ± 1, p ± width):
 * the wavelets it sent into their buffers, their busy-source bits and wake bits, and the pops
 * of its own buffers, which its neighbours read as senders. Those are exactly the PEs whose
 * compute phase reads what the commit writes. So the two-phase semantics hold if a word is
 * committed only once every word within {@link #span} of it has computed in this cycle:
 * no compute of the same cycle can see the commit.
 *
 * <p>Threads: each chunk's stamp is written by the one worker that computed it this cycle
 * (release) and read by any (acquire). Stamps are rounds, not cycle numbers, so that a
 * restored snapshot (whose cycle numbers repeat) never finds a stale stamp equal.
 */
public final class CommitFront {
    private static final VarHandle STAMP = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] computed;
    private final int chunkShift;
    private final int words;
    /** Words either side of a word that hold its PEs' neighbours. */
    private final int span;

    CommitFront(int chunks, int chunkShift, int words, int width) {
        this.computed = new long[chunks];
        this.chunkShift = chunkShift;
        this.words = words;
        this.span = (width + 63) >>> 6;
    }

    /** Says chunk {@code s} has computed in round {@code round}. */
    void computed(int s, long round) {
        STAMP.setRelease(computed, s, round);
    }

    /**
     * Whether word {@code v} may be committed in round {@code round}: every word within
     * {@link #span} has computed, those of chunk {@code current} (being computed by the
     * caller, -1 for none) up to word {@code frontier} (down to it, when {@code down}).
     */
    boolean ready(int v, long round, int current, int frontier, boolean down) {
        int lo = Math.max(0, v - span);
        int hi = Math.min(words - 1, v + span);
        for (int k = lo >>> chunkShift, last = hi >>> chunkShift; k <= last; k++) {
            if (k == current) {
                if (down ? Math.max(lo, k << chunkShift) < frontier
                        : Math.min(hi, ((k + 1) << chunkShift) - 1) > frontier) {
                    return false;
                }
            } else if ((long) STAMP.getAcquire(computed, k) != round) {
                return false;
            }
        }
        return true;
    }
}
