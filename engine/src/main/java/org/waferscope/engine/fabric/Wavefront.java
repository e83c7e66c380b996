package org.waferscope.engine.fabric;

/**
 * Several cycles over the fabric in one pass, on the calling thread: temporal blocking
 * (docs/temporal-blocking.md). A PE's cycle reads only its own state and its four
 * neighbours', so word w may compute cycle c + 1 as soon as every word within a row of it
 * ({@code span} words either side) has committed cycle c; and a word may commit cycle c as
 * soon as every word within a row has computed it ({@link CommitFront}). The pass walks the
 * words upwards once; at each position it computes word s in cycle c0, commits word
 * s - span in c0, computes word s - 2 span in c0 + 1, commits s - 3 span in c0 + 1, and so on
 * for every level. So each word's state is read for all the levels while the two rows
 * around it are still in cache, instead of once per cycle from memory.
 *
 * <p>Each level's tallies and events go to a band of its own, so the stepper can take its
 * per-cycle decisions afterwards, in cycle order. What it cannot do is stop between
 * levels: the caller runs a pass only where no decision can end the step early, or can undo
 * the pass when one does.
 *
 * <p>The doze wheels are per {@link FabricCycle#wheelShift} words, no more than two rows, so
 * level k has computed all of a wheel's words before level k + 1 computes any of them, and
 * wakes the wheel's dozers due next cycle in between, as the cycle-at-a-time path does.
 */
public final class Wavefront {
    private final FabricCycle cycle;
    private final Fabric f;
    private final int words;
    /** Words either side of a word that hold its PEs' neighbours. */
    private final int span;
    /** Power of two above {@link #span}: the visited PEs of a level's last words, by word, until their commit. */
    private final int ring;
    private final int wheelShift;
    private long[][] visits = new long[0][];
    private final PassUndo undo;

    public Wavefront(FabricCycle cycle) {
        this.cycle = cycle;
        this.f = cycle.fabric();
        this.words = cycle.words();
        this.span = (f.width + 63) >>> 6;
        this.ring = Integer.highestOneBit(span) << 1;
        this.wheelShift = cycle.wheelShift();
        this.undo = new PassUndo(f);
    }

    /**
     * Opens an epoch of passes that can be undone together ({@link PassUndo}): {@link #undo}
     * puts the fabric back as it is now.
     */
    public void open() {
        undo.open();
    }

    /**
     * Gets the epoch ready to run cycles {@code c0} to {@code c0 + levels - 1} in one pass;
     * false, with the pass not to be run in this epoch, when saving what the epoch may write
     * would take more than {@code budget} bytes.
     */
    public boolean plan(long c0, int levels, DozeWheel[] wheels, long budget) {
        return undo.plan(c0, levels, wheels, budget);
    }

    /**
     * Puts the fabric back as it was when the epoch opened, but for the cycle number and the
     * sleepers' counters, which the caller settles ({@link FabricCycle#settle(long)}). The
     * epoch's passes may then run again, without saving, up to the one to be run a cycle at
     * a time.
     */
    public void undo() {
        undo.restore();
        undo.replaying();
    }

    /** Words of the fabric the epoch has saved so far (each once, however many passes wrote it). */
    public int wordsSaved() {
        return undo.wordsSaved();
    }

    /**
     * Runs cycles {@code c0} to {@code c0 + levels - 1} (as {@link #plan} was told) over every busy word, level k's
     * tallies, events and dozers going to {@code bands[k]} (each cleared by the caller). The
     * fabric is then as that many cycles run one at a time would leave it.
     */
    public void run(long c0, int levels, BandState[] bands) {
        if (visits.length < levels) {
            visits = new long[levels][ring];
        }
        int lag = 2 * span;
        int last = words - 1 + lag * (levels - 1) + span;
        long[] busy = f.busyWords;
        for (int s = 0; s <= last; s++) {
            for (int k = 0; k < levels; k++) {
                int cw = s - lag * k;
                if (cw < -span) {
                    break;
                }
                long c = c0 + k;
                long[] vis = visits[k];
                if (cw >= 0 && cw < words) {
                    long visit = 0;
                    int at = cw >>> 6;
                    long bit = 1L << cw;
                    if ((busy[at] & bit) != 0) {
                        // the first write to these PEs and their neighbours in the epoch: save them
                        undo.touch(cw, cycle.toVisit(cw));
                        visit = cycle.compute(cw, c, bands[k]);
                        if (f.active[cw] == 0) {
                            busy[at] &= ~bit;
                        }
                    }
                    vis[cw & (ring - 1)] = visit;
                    if (bands[k].wheels != null && (((cw + 1) >>> wheelShift) != (cw >>> wheelShift) || cw == words - 1)) {
                        // every word of this wheel has computed in cycle c, none yet in c + 1
                        bands[k].wheels[cw >>> wheelShift].wakeDue(f, c);
                    }
                }
                int mw = cw - span;
                if (mw >= 0 && mw < words) {
                    long v = vis[mw & (ring - 1)];
                    if (v != 0) {
                        cycle.commit(mw, v, c);
                    }
                }
            }
        }
    }
}
