package org.waferscope.engine.fabric;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Several cycles over the fabric in one pass: temporal blocking (docs/temporal-blocking.md).
 * A PE's cycle reads only its own state and its four neighbours', so word w may compute
 * cycle c + 1 as soon as every word within a row of it ({@code span} words either side) has
 * committed cycle c; and a word may commit cycle c as soon as every word within a row has
 * computed it ({@link CommitFront}). The pass walks the words once; at each position it
 * computes word s in cycle c0, commits word s - span in c0, computes word s - 2 span in
 * c0 + 1, commits s - 3 span in c0 + 1, and so on for every level. So each word's state is
 * read for all the levels while the two rows around it are still in cache, instead of once
 * per cycle from memory.
 *
 * <p>On two workers the words are split at {@link #mid}: worker 0 walks those below it
 * upwards, worker 1 the others downwards, so both reach the rows around {@code mid} last in
 * each level. There a worker waits, per level, for the other to have committed the level
 * before (before computing a word within a row of {@code mid}) or computed this one (before
 * committing such a word): the same two rules, across the split.
 *
 * <p>Each level's tallies and events go to bands of its own, one per worker, so the stepper
 * can take its per-cycle decisions afterwards, in cycle order. What it cannot do is stop
 * between levels: the caller undoes the pass's epoch when the step should have stopped
 * inside it ({@link PassUndo}).
 *
 * <p>The doze wheels are per {@link FabricCycle#wheelShift} words, no more than two rows, and
 * {@code mid} falls between two wheels, so level k has computed all of a wheel's words before
 * level k + 1 computes any of them, and wakes the wheel's dozers due next cycle in between,
 * as the cycle-at-a-time path does.
 *
 * <p>Threads: {@link #open}, {@link #plan}, {@link #undo} on the stepper's thread between
 * passes; {@link #run} by each worker at once, worker 1 started after {@link #plan}.
 */
public final class Wavefront {
    private static final VarHandle BITS = MethodHandles.arrayElementVarHandle(long[].class);

    private final FabricCycle cycle;
    private final Fabric f;
    private final int words;
    /** Words either side of a word that hold its PEs' neighbours. */
    private final int span;
    /** Power of two above {@link #span}: the visited PEs of a level's last words, by word, until their commit. */
    private final int ring;
    private final int wheelShift;
    /** Per worker, per level, the visited PEs of its last words. */
    private final long[][][] visits = new long[2][0][];
    private final PassUndo undo;
    private final SaveBudget budget;
    /** Words below: worker 0's; from it on: worker 1's. The fabric's words when one worker runs the passes. */
    private int mid;
    /** Per worker and level: the pass that has computed, and committed, all its words near {@link #mid}. */
    private final SplitSignals done;
    private final int maxLevels;
    private long pass;
    /** The passes over column tiles, made at the first step that runs them. */
    private ColumnTiles tiles;
    /** This step's column tiles' width ({@link #levelsFor}); 0: passes walk whole rows of words. */
    private int tileColumns;

    /**
     * A wavefront over {@code cycle}'s fabric, for passes of up to {@code maxLevels} cycles,
     * whose undo may take as much memory as {@code budget} allows.
     */
    public Wavefront(FabricCycle cycle, int maxLevels, SaveBudget budget) {
        this.cycle = cycle;
        this.f = cycle.fabric();
        this.words = cycle.words();
        this.span = (f.width + 63) >>> 6;
        this.ring = Integer.highestOneBit(span) << 1;
        this.wheelShift = cycle.wheelShift();
        this.undo = cycle.passUndo();
        this.budget = budget;
        this.maxLevels = maxLevels;
        this.done = new SplitSignals(maxLevels);
    }

    /**
     * Opens an epoch of passes that can be undone together ({@link PassUndo}): {@link #undo}
     * puts the fabric back as it is now. With {@code workers} 2, the passes of the epoch run on
     * two workers, split where half the busy words are below (between two doze wheels, and
     * each side at least two rows); on one when the fabric is too small for that.
     */
    public void open(int workers) {
        mid = workers > 1 ? split() : words;
        undo.open(mid, span);
        if (tiles != null) {
            tiles.split(mid);
        }
    }

    /**
     * Bytes of busy rows a pass may keep in flight (two rows a level): 6 MB, a fifth of this
     * machine's 32 MB L3, which it shares with the other tenants' work. Measured (session 9,
     * docs/temporal-blocking.md): passes with 1–5 MB in flight pay 1.3–1.4x; the all-active
     * full wafer's 8.8 MB (passes of 4) paid 0.96x and 17.6 MB (of 8) 0.82x.
     */
    static final long IN_FLIGHT_BYTES = 6L << 20;
    /** The hot state of a busy word: 64 PEs at about 1.45 KB (docs/benchmarks.md, "What bounds the engine"). */
    static final long WORD_BYTES = 64 * 1450;
    /** Below this many cycles a pass does not pay for its undo. */
    static final int MIN_LEVELS = 4;

    /**
     * Cycles a pass may run, at most {@code depth}, so that the busy state of the rows in
     * flight stays within {@link #IN_FLIGHT_BYTES}; 1 (no passes) where that leaves fewer than
     * {@link #MIN_LEVELS}. From {@link Fabric#busyWords} as the step found them.
     */
    public int levelsInCache(int depth) {
        long[] busy = f.busyWords;
        long found = 0;
        int rows = 0;
        long lastRow = -1;
        for (int i = 0; i < busy.length; i++) {
            for (long b = busy[i]; b != 0; b &= b - 1) {
                int w = (i << 6) + Long.numberOfTrailingZeros(b);
                found++;
                long row = ((long) w << 6) / f.width;
                if (row != lastRow) {
                    rows++;
                    lastRow = row;
                }
            }
        }
        if (found == 0) {
            return depth;
        }
        long levels = IN_FLIGHT_BYTES * rows / (2 * WORD_BYTES * found);
        return levels >= depth ? depth : levels >= MIN_LEVELS ? (int) levels : 1;
    }

    /**
     * Cycles the passes of a step on {@code workers} workers may run, at most {@code depth},
     * and how: over whole rows of words, as deep as {@link #levelsInCache} allows (the
     * default); or over column tiles ({@link ColumnTiles}) as the fabric's
     * {@link FabricCycle#tileWidth} says: tiles of that width on every such step, or (-1) where
     * whole rows allow no passes, tiles whose rows in flight fit the whole rows' budget
     * ({@link ColumnTiles#columnsInCache}), on one worker or two (each worker's band in flight
     * then fits it: measured, session 20, bands of 223 on two workers ×1.14–1.30 per CPU-second).
     */
    public int levelsFor(int depth, int workers) {
        int rows = levelsInCache(depth);
        int forced = cycle.tileWidth();
        tileColumns = 0;
        if (forced == 0 || depth < 2) {
            return rows;
        }
        int columns = forced > 0 ? forced : rows > 1 ? 0 : ColumnTiles.columnsInCache(depth);
        if (columns == 0 || (forced < 0 && columns * 2 > f.width)) {
            return rows;
        }
        if (tiles == null) {
            tiles = new ColumnTiles(cycle, undo, maxLevels, waits);
        }
        tileColumns = columns;
        return depth;
    }

    /** This step's column tiles' width in PEs, 0 for none (set by {@link #levelsFor}). */
    public int tileColumns() {
        return tileColumns;
    }

    /** Whether the passes of this epoch run on two workers. */
    public boolean twoWorkers() {
        return mid < words;
    }

    private int split() {
        long[] busy = f.busyWords;
        int total = 0;
        for (long b : busy) {
            total += Long.bitCount(b);
        }
        int below = 0;
        int at = 0;
        while (at < words && below * 2 < total) {
            below += (int) ((busy[at >>> 6] >>> at) & 1);
            at++;
        }
        int wheel = 1 << wheelShift;
        int m = (at + wheel / 2) & -wheel;
        int least = ((2 * span + wheel - 1) / wheel) * wheel;
        m = Math.max(m, least);
        if (m + 2 * span > words) {
            m = (words - 2 * span) & -wheel;
        }
        return m >= least && m + 2 * span <= words ? m : words;
    }

    /**
     * Gets the epoch ready to run cycles {@code c0} to {@code c0 + levels - 1} in one pass;
     * false, with the pass not to be run in this epoch, when saving what the epoch may write
     * would take more memory than the {@link SaveBudget} allows.
     */
    public boolean plan(long c0, int levels, DozeWheel[] wheels) {
        if (!undo.plan(c0, levels, wheels, budget)) {
            return false;
        }
        pass++;
        return true;
    }

    /** Starts a pass that runs again what the epoch ran before it was undone: nothing to plan or save. */
    public void replay() {
        pass++;
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
     * Worker {@code id}'s share of cycles {@code c0} to {@code c0 + levels - 1} (as
     * {@link #plan} was told) over its busy words, level k's tallies, events and dozers going
     * to {@code bands[k]} (each cleared by the caller). Once every worker's share has
     * returned, the fabric is as that many cycles run one at a time would leave it.
     */
    public void run(int id, long c0, int levels, BandState[] bands) {
        if (tileColumns > 0) {
            tiles.run(id, pass, c0, levels, tileColumns, bands);
            return;
        }
        if (visits[id].length < levels) {
            visits[id] = new long[Math.max(levels, maxLevels)][ring];
        }
        boolean two = mid < words;
        boolean down = id == 1;
        int n = down ? words - mid : mid;
        int other = 1 - id;
        long[][] vis = visits[id];
        int lag = 2 * span;
        int last = n - 1 + lag * (levels - 1) + span;
        long[] busy = f.busyWords;
        int wheelMask = (1 << wheelShift) - 1;
        for (int s = 0; s <= last; s++) {
            for (int k = 0; k < levels; k++) {
                int ci = s - lag * k;
                if (ci < -span) {
                    break;
                }
                long c = c0 + k;
                long[] v = vis[k];
                if (ci >= 0 && ci < n) {
                    int cw = down ? words - 1 - ci : ci;
                    if (two && k > 0 && ci >= n - span) {
                        // within a row of the other share: its level k - 1 must be committed
                        done.await(other, k - 1, SplitSignals.COMMITTED, pass, waits);
                    }
                    long visit = 0;
                    int at = cw >>> 6;
                    long bit = 1L << cw;
                    if ((busy[at] & bit) != 0) {
                        // the first write to these PEs and their neighbours in the epoch: save them
                        undo.touch(id, cw, cycle.toVisit(cw));
                        visit = cycle.compute(cw, c, bands[k]);
                        if (f.active[cw] == 0) {
                            if (two) {
                                BITS.getAndBitwiseAnd(busy, at, ~bit);
                            } else {
                                busy[at] &= ~bit;
                            }
                        }
                    }
                    v[cw & (ring - 1)] = visit;
                    boolean wheelDone = down ? (cw & wheelMask) == 0 || cw == mid
                            : (cw & wheelMask) == wheelMask || cw == words - 1;
                    if (bands[k].wheels != null && wheelDone) {
                        // every word of this wheel has computed in cycle c, none yet in c + 1
                        bands[k].wheels[cw >>> wheelShift].wakeDue(f, c);
                    }
                    if (two && ci == n - 1) {
                        done.set(id, k, SplitSignals.COMPUTED, pass);
                    }
                }
                int mi = ci - span;
                if (mi >= 0 && mi < n) {
                    int mw = down ? words - 1 - mi : mi;
                    if (two && mi >= n - span) {
                        // within a row of the other share: its level k must be computed
                        done.await(other, k, SplitSignals.COMPUTED, pass, waits);
                    }
                    long pes = v[mw & (ring - 1)];
                    if (pes != 0) {
                        cycle.commit(mw, pes, c);
                    }
                    if (two && mi == n - 1) {
                        done.set(id, k, SplitSignals.COMMITTED, pass);
                    }
                }
            }
        }
    }

    /** Where a worker's waits for the other at the split are counted, or null. */
    private WorkerWaits waits;

    /** Counts each worker's waits at the split in {@code w} (null: none). */
    public void countWaitsIn(WorkerWaits w) {
        waits = w;
    }
}
