package org.waferscope.engine.fabric;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A wavefront pass over column tiles: a 2-D wavefront (docs/temporal-blocking.md, "Column
 * tiles"). Where the busy rows are too wide for the rows a pass keeps in flight to stay in
 * cache (the all-active full wafer: 757 PEs, about 1.1 MB a row), the pass walks the fabric
 * a band of {@code columns} columns at a time, each band all the way up and through every
 * level, so that what stays in flight is 2 · levels rows of a band, not of the fabric.
 *
 * <p>The rules are {@link Wavefront}'s, per PE: a PE may compute cycle c + 1 once it and its
 * four neighbours have committed c, and commit c once they have computed c. Within a band,
 * level k computes row s - 2k and commits row s - 2k - 1 at step s, as the 1-D pass does
 * with rows of words. Across bands, the bands lean: band j's share of level k starts
 * 2k columns left of its edge for the compute, 2k + 1 for the commit, so a band that has
 * run all its levels has left its right neighbour exactly what that one needs (the columns
 * it computed at level k reach one past those it committed, which reach one past those it
 * computes at level k + 1), and never needs anything of a band not yet run. The first band
 * starts at column 0 and the last ends at the fabric's edge at every level, so each level's
 * shares cover every PE once.
 *
 * <p>A band's edge cuts the activity bitmap's 64-PE words (757 is no multiple of 64), so each
 * word is computed and committed a share at a time ({@link FabricCycle#compute(int, long,
 * long, BandState)}); a word's busy bit is cleared once none of its PEs is active or woken,
 * whichever band's share left it so (a share computed later finds its PEs' work in those
 * bits, which every wake sets the busy bit for). The doze wheels are woken by share
 * ({@link DozeWheel#wakeDue(Fabric, long, int, long)}): a PE due next cycle is woken once it
 * has computed this one, whatever the rest of its wheel has done.
 *
 * <p>On two workers ({@link #split}) the PEs are split at a word boundary {@code P}: worker 0
 * runs the walk above over its PEs (those below {@code P}), rows upwards, worker 1 the same
 * walk over the others, rows downwards (row r of its walk is row height - 1 - r), both bands
 * left to right, so that both reach the rows around {@code P} last in each band. A PE with a
 * neighbour of the other worker's lies in one of the last two rows of its worker's walk (one
 * when {@code P} starts a row); there the two rules become waits per band and level: before
 * committing such a row at level k in band j, a worker waits until the other has computed all
 * of its such rows at level k in bands 0 to j; before computing one at level k + 1, until the
 * other has committed them at level k in bands 0 to j. Band j's commit share at level k lies
 * within the compute shares of bands j - 1 and j, one column to spare on the right, and its
 * compute share at k + 1 within the commit shares of bands j - 1 and j at k, so bands 0 to j
 * hold every neighbour these need (also across the one step where {@code P} cuts a row).
 *
 * <p>Why no word is written by both at once. Each word's PEs are one worker's, so only its
 * owner computes it: its active, sleeping and touched bits, its {@link ChannelRings#heldChange}
 * and its visited PEs are written by one thread; {@code P} is a doze wheel's boundary, so each
 * wheel is one worker's too. What the other worker writes into a word is a commit's: the PE's
 * buffers, ordered by the waits above, and its wake bit ({@link Router#wake}, atomic); so a
 * share clears its wake bits atomically ({@link FabricCycle#compute(int, long, long,
 * BandState)}), and leaves the busy bit of a word the other may wake as it is (a busy bit set
 * on an idle word costs a visit that finds nothing), clearing the others' atomically.
 */
final class ColumnTiles {
    /**
     * Bytes of a band's rows in flight (2 · levels + 2 rows of its columns and the
     * 2 · levels + 2 it leans by, at {@link #PE_BYTES}): the whole rows' budget, 6 MB, so 223
     * columns for passes of 8. Measured on the full wafer (docs/benchmarks.md, session 10):
     * bands of 190 and 378 paid x1.30-1.37 at load 5-7; bands of 22-40, sized for the 1 MB
     * L2, lost (x0.69-0.86 at load 15-21).
     */
    static final long TILE_BYTES = Wavefront.IN_FLIGHT_BYTES;
    /** The hot state of a busy PE (docs/benchmarks.md, "What bounds the engine"). */
    static final long PE_BYTES = Wavefront.WORD_BYTES / 64;
    /** Narrower bands pay more for their leaning edges than their rows in cache save. */
    static final int MIN_COLUMNS = 16;
    private static final VarHandle BITS = MethodHandles.arrayElementVarHandle(long[].class);
    /** Bands a pass may have at most: a worker's progress is the pass times this plus the bands it has done. */
    private static final long BANDS = 1L << 24;

    private final FabricCycle cycle;
    private final Fabric f;
    private final PassUndo undo;
    private final int wheelShift;
    /** Per level, per word: the PEs its shares' computes visited, until their commits. */
    private final long[][] visited;
    /** The first PE of worker 1's; the fabric's PEs when one worker runs the passes. */
    private int split;
    /** Words whose PEs the other worker's commits may wake: from {@link #shared} to {@link #sharedEnd}. */
    private int shared;
    private int sharedEnd;
    /**
     * Per worker, level and (computed, committed): the pass times {@link #BANDS} plus the
     * bands in which the worker has done that at that level in its rows next to the other's.
     */
    private final SplitSignals done;
    /** Where a worker's waits for the other are counted, or null. */
    private final WorkerWaits waits;

    ColumnTiles(FabricCycle cycle, PassUndo undo, int maxLevels, WorkerWaits waits) {
        this.cycle = cycle;
        this.f = cycle.fabric();
        this.undo = undo;
        this.wheelShift = cycle.wheelShift();
        this.visited = new long[maxLevels][f.active.length];
        this.done = new SplitSignals(maxLevels);
        this.waits = waits;
        split(f.active.length);
    }

    /**
     * Columns a band may have for passes of {@code levels} so that its rows in flight fit
     * {@link #TILE_BYTES}; 0 when fewer than {@link #MIN_COLUMNS} would.
     */
    static int columnsInCache(int levels) {
        long rows = 2L * levels + 2;
        long columns = TILE_BYTES / (rows * PE_BYTES) - rows;
        return columns >= MIN_COLUMNS ? (int) columns : 0;
    }

    /**
     * Worker 0 runs the words below {@code mid}, worker 1 the others ({@code mid} the fabric's
     * words: worker 0 all). {@code mid} must fall between two doze wheels.
     */
    void split(int mid) {
        split = Math.min(f.n, mid << 6);
        shared = Math.max(0, split - f.width) >>> 6;
        sharedEnd = Math.min(f.n, split + f.width) - 1 >>> 6;
    }

    /**
     * Worker {@code id}'s share of cycles {@code c0} to {@code c0 + levels - 1} over the busy
     * words, a band of {@code columns} columns at a time, level k's tallies, events and dozers
     * going to {@code bands[k]}, in pass number {@code pass} (a new one each pass); once every
     * worker's share has returned, the fabric is as that many cycles run one at a time leave it.
     */
    void run(int id, long pass, long c0, int levels, int columns, BandState[] bands) {
        boolean two = split < f.n;
        int lo = id == 0 ? 0 : split;
        int hi = id == 0 ? split : f.n;
        int first = lo / f.width;
        int rows = (hi - 1) / f.width - first + 1;
        // the rows of the walk with a PE whose neighbour is the other worker's: the last one or two
        int near = id == 0 ? (split - 1) / f.width - (split - f.width) / f.width + 1
                : (split + f.width - 1) / f.width - split / f.width + 1;
        int other = 1 - id;
        int tiles = (f.width + columns - 1) / columns;
        int last = rows + 2 * levels - 2;
        for (int j = 0; j < tiles; j++) {
            long band = pass * BANDS + j + 1;
            for (int s = 0; s <= last; s++) {
                for (int k = 0; k < levels; k++) {
                    int i = s - 2 * k;
                    if (i < 0) {
                        break;
                    }
                    long c = c0 + k;
                    if (i < rows) {
                        if (two && k > 0 && i >= rows - near) {
                            // next to the other's rows: its level k - 1 must be committed there, bands 0 to j
                            done.await(other, k - 1, SplitSignals.COMMITTED, band, waits);
                        }
                        compute(row(id, first, i), lo, hi, edge(j, k, 0, columns, tiles),
                                edge(j + 1, k, 0, columns, tiles), c, bands[k], visited[k], id);
                        if (two && i == rows - 1) {
                            done.set(id, k, SplitSignals.COMPUTED, band);
                        }
                    }
                    if (i >= 1 && i <= rows) {
                        if (two && i - 1 >= rows - near) {
                            // next to the other's rows: its level k must be computed there, bands 0 to j
                            done.await(other, k, SplitSignals.COMPUTED, band, waits);
                        }
                        commit(row(id, first, i - 1), lo, hi, edge(j, k, 1, columns, tiles),
                                edge(j + 1, k, 1, columns, tiles), c, visited[k]);
                        if (two && i == rows) {
                            done.set(id, k, SplitSignals.COMMITTED, band);
                        }
                    }
                }
            }
        }
    }

    /** Row {@code i} of worker {@code id}'s walk: upwards from {@code first} for worker 0, downwards from the top for 1. */
    private int row(int id, int first, int i) {
        return id == 0 ? first + i : f.height - 1 - i;
    }

    /** The column where band {@code j}'s share of level {@code k} starts: its compute ({@code lag} 0) or commit (1). */
    private int edge(int j, int k, int lag, int columns, int tiles) {
        if (j == 0) {
            return 0;
        }
        if (j == tiles) {
            return f.width;
        }
        return Math.max(0, Math.min(f.width, j * columns - 2 * k - lag));
    }

    /** PEs {@code from} to {@code to} (exclusive) of word {@code w}, as a mask of it. */
    private static long share(int w, int from, int to) {
        int lo = Math.max(from, w << 6) - (w << 6);
        int hi = Math.min(to, (w + 1) << 6) - (w << 6);
        return (hi == 64 ? -1L : (1L << hi) - 1) & (-1L << lo);
    }

    /**
     * Computes cycle {@code c} for columns {@code from} to {@code to} (exclusive) of row
     * {@code r}, of its PEs from {@code lo} to {@code hi} (exclusive), worker {@code id}'s.
     */
    private void compute(int r, int lo, int hi, int from, int to, long c, BandState band, long[] vis, int id) {
        int p0 = Math.max(lo, r * f.width + from);
        int p1 = Math.min(hi, r * f.width + to);
        if (p0 >= p1) {
            return;
        }
        long[] busy = f.busyWords;
        boolean two = split < f.n;
        for (int w = p0 >>> 6, end = (p1 - 1) >>> 6; w <= end; w++) {
            long mask = share(w, p0, p1);
            long visit = 0;
            int at = w >>> 6;
            long bit = 1L << w;
            if ((busy[at] & bit) != 0) {
                // the first write to these PEs and their neighbours in the epoch: save them
                undo.touch(id, w, cycle.toVisit(w) & mask);
                visit = cycle.compute(w, mask, c, band);
                if ((f.active[w] | f.wake[w]) == 0) {
                    if (!two) {
                        busy[at] &= ~bit;
                    } else if (w < shared || w > sharedEnd) {
                        // the other worker's words share this bitmap word, never this word's bit
                        BITS.getAndBitwiseAnd(busy, at, ~bit);
                    }
                }
            }
            vis[w] = vis[w] & ~mask | visit;
            if (band.wheels != null) {
                // these PEs have computed in cycle c, none of them yet in c + 1
                band.wheels[w >>> wheelShift].wakeDue(f, c, w, mask);
            }
        }
    }

    /**
     * Commits cycle {@code c} for the visited PEs of columns {@code from} to {@code to}
     * (exclusive) of row {@code r}, of its PEs from {@code lo} to {@code hi} (exclusive).
     */
    private void commit(int r, int lo, int hi, int from, int to, long c, long[] vis) {
        int p0 = Math.max(lo, r * f.width + from);
        int p1 = Math.min(hi, r * f.width + to);
        for (int w = p0 >>> 6, end = (p1 - 1) >>> 6; p0 < p1 && w <= end; w++) {
            long pes = vis[w] & share(w, p0, p1);
            if (pes != 0) {
                cycle.commit(w, pes, c);
            }
        }
    }
}
