package org.waferscope.engine.fabric;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A wavefront pass on two workers whose split leans with the levels, so that worker 0 never
 * waits for worker 1 and worker 1 waits for worker 0 only when it has caught up with it
 * (docs/temporal-blocking.md, "Two workers, the split leaning").
 *
 * <p>At level k the split lies at {@code b(k) = mid - lean * k}: worker 0 computes the words
 * below {@code b(k)} and commits those below {@code b(k) - span}; worker 1 computes the words
 * from {@code b(k)} on and commits those from {@code b(k) - span} on, the last {@code span}
 * of them with the PEs worker 0's compute visited (handed over per level). With
 * {@code lean} at least two rows, everything worker 0 needs at level k (its own commits of
 * level k - 1 within a row, its own computes of level k within a row) lies below the split,
 * and everything worker 1 touches at level k lies above what worker 0 touches at level k + 1.
 * So only worker 1 waits: before computing a word within {@code lean} of the split at level k,
 * for worker 0 to have committed level k - 1 down to {@code b(k) - span}; before committing a
 * word within a row of it, for worker 0 to have computed level k down to {@code b(k) - 2 span}.
 *
 * <p>Both walk their words downwards: worker 0 from the split, so its words near the split
 * are done within the first few rows of its walk, worker 1 from the fabric's top, reaching
 * the split last. Worker 1 therefore waits only when worker 0 is most of a pass behind, not
 * at every level: a worker descheduled for a while costs the other nothing within the pass.
 * The pass still ends at a barrier, where the stepper reads its tallies.
 *
 * <p>{@code mid} and {@code lean} are multiples of a doze wheel's words, so each wheel is one
 * worker's at each level; the worker that computes a wheel's lowest word in cycle c wakes
 * its dozers due in c + 1, and a wheel that passes to worker 1 at level k + 1 is reached by
 * it only after the wait for worker 0's level k, which woke it. The words both workers may
 * write, {@code lean * (levels - 1) + span} below {@code mid} and {@code span} above, are
 * saved when the epoch opens ({@link PassUndo#open}).
 */
final class LeaningSplit {
    private static final int COMPUTED = 0;
    private static final int COMMITTED = 1;

    private final FabricCycle cycle;
    private final Fabric f;
    private final PassUndo undo;
    private final int words;
    private final int span;
    private final int ring;
    private final int wheelShift;
    /** Words the split moves down a level: two rows rounded up to whole doze wheels. */
    final int lean;
    /** Per worker, per level, the visited PEs of its last words, until their commit. */
    private final long[][][] visits = new long[2][0][];
    /** Per level, the visited PEs of worker 0's last {@code span} words, which worker 1 commits. */
    private long[][] handed = new long[0][];
    /** Per level: the pass in which worker 0 has computed, and committed, what worker 1 needs. */
    private final AtomicLongArray done;
    private final int maxLevels;
    private WorkerWaits waits;

    LeaningSplit(FabricCycle cycle, PassUndo undo, int maxLevels) {
        this.cycle = cycle;
        this.f = cycle.fabric();
        this.undo = undo;
        this.words = cycle.words();
        this.span = (f.width + 63) >>> 6;
        this.ring = Integer.highestOneBit(span) << 1;
        this.wheelShift = cycle.wheelShift();
        int wheel = 1 << wheelShift;
        this.lean = (2 * span + wheel - 1) / wheel * wheel;
        this.maxLevels = maxLevels;
        this.done = new AtomicLongArray(2 * maxLevels);
    }

    void countWaitsIn(WorkerWaits w) {
        waits = w;
    }

    /** Words below {@code mid} that both workers may write in passes of up to {@code maxLevels}. */
    int sharedBelow() {
        return lean * (maxLevels - 1) + span;
    }

    /**
     * Where to split the words for passes of about {@code levels} cycles, given {@code half},
     * the word below which half the busy words lie: so that each worker computes about half the
     * busy words over the levels; or the fabric's words when there is no room for the split's
     * lean (each side must keep two rows at every level of the deepest pass).
     */
    int split(int half, int levels) {
        int wheel = 1 << wheelShift;
        int least = (lean * (maxLevels - 1) + 2 * span + wheel - 1) / wheel * wheel;
        int m = (half + lean * (levels - 1) / 2 + wheel / 2) & -wheel;
        m = Math.max(m, least);
        if (m + 2 * span > words) {
            m = (words - 2 * span) & -wheel;
        }
        return m >= least && m + 2 * span <= words ? m : words;
    }

    /**
     * Worker {@code id}'s share of cycles {@code c0} to {@code c0 + levels - 1} of pass
     * {@code pass}, the words split at {@code mid}; level k's tallies, events and dozers go to
     * {@code bands[k]}.
     */
    void run(int id, long c0, int levels, BandState[] bands, long pass, int mid) {
        if (visits[id].length < levels) {
            visits[id] = new long[Math.max(levels, maxLevels)][ring];
        }
        if (id == 0 && handed.length < levels) {
            handed = new long[Math.max(levels, maxLevels)][span];
        }
        long[][] vis = visits[id];
        boolean zero = id == 0;
        int lag = 2 * span;
        int top = zero ? mid - 1 : words - 1;
        int last = zero ? mid - 1 + span + lag * (levels - 1)
                : words - mid + lean * (levels - 1) + 2 * span - 1 + lag * (levels - 1);
        int wheelMask = (1 << wheelShift) - 1;
        for (int s = 0; s <= last; s++) {
            for (int k = 0; k < levels; k++) {
                int ci = s - lag * k;
                if (ci < -span) {
                    break;
                }
                long c = c0 + k;
                long[] v = vis[k];
                int split = mid - lean * k;
                int cw = top - ci;
                if (ci >= 0 && (zero ? cw >= 0 && cw < split : cw >= split)) {
                    if (!zero && k > 0 && cw < split + lean) {
                        // worker 0's commits of level k - 1 within a row of this word
                        await(k - 1, COMMITTED, pass);
                    }
                    long visit = Wavefront.computeWord(cycle, undo, id, cw, c, bands[k], true);
                    v[cw & (ring - 1)] = visit;
                    if (zero && cw >= split - span) {
                        handed[k][cw - (split - span)] = visit;
                    }
                    if (bands[k].wheels != null && (cw & wheelMask) == 0) {
                        // the wheel's words above this one were computed in cycle c by this worker, none yet in c + 1
                        bands[k].wheels[cw >>> wheelShift].wakeDue(f, c);
                    }
                    if (zero && cw == split - 2 * span) {
                        done.set(slot(k, COMPUTED), pass);
                    }
                }
                int mw = cw + span;
                if (ci - span >= 0 && (zero ? mw >= 0 && mw < split - span : mw >= split - span)) {
                    long pes;
                    if (!zero && mw < split + span) {
                        // worker 0's computes of level k within a row of this word
                        await(k, COMPUTED, pass);
                    }
                    pes = !zero && mw < split ? handed[k][mw - (split - span)] : v[mw & (ring - 1)];
                    if (pes != 0) {
                        cycle.commit(mw, pes, c);
                    }
                    if (zero && mw == split - lean - span) {
                        done.set(slot(k, COMMITTED), pass);
                    }
                }
            }
        }
    }

    private static int slot(int level, int what) {
        return level * 2 + what;
    }

    private void await(int level, int what, long pass) {
        int at = slot(level, what);
        if (done.get(at) == pass) {
            return;
        }
        long since = waits == null ? 0 : waits.wallNow();
        long cpuSince = waits == null ? 0 : waits.cpuNow();
        for (int turn = 0; done.get(at) != pass; turn++) {
            WorkerWaits.pause(turn);
        }
        if (waits != null) {
            waits.add(1, WorkerWaits.SPLIT, since, cpuSince);
        }
    }
}
