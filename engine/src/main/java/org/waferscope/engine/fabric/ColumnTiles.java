package org.waferscope.engine.fabric;

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
 * <p>One worker only: two bands' shares of one word would race on the word's bits and its
 * {@link ChannelRings#heldChange} tally.
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

    private final FabricCycle cycle;
    private final Fabric f;
    private final PassUndo undo;
    private final int wheelShift;
    /** Per level, per word: the PEs its shares' computes visited, until their commits. */
    private long[][] visited = new long[0][];

    ColumnTiles(FabricCycle cycle, PassUndo undo) {
        this.cycle = cycle;
        this.f = cycle.fabric();
        this.undo = undo;
        this.wheelShift = cycle.wheelShift();
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
     * Cycles {@code c0} to {@code c0 + levels - 1} over the busy words, a band of
     * {@code columns} columns at a time, level k's tallies, events and dozers going to
     * {@code bands[k]}; the fabric is then as that many cycles run one at a time leave it.
     */
    void run(long c0, int levels, int columns, BandState[] bands) {
        if (visited.length < levels) {
            visited = new long[levels][f.active.length];
        }
        int tiles = (f.width + columns - 1) / columns;
        int last = f.height + 2 * levels - 2;
        for (int j = 0; j < tiles; j++) {
            for (int s = 0; s <= last; s++) {
                for (int k = 0; k < levels; k++) {
                    int r = s - 2 * k;
                    if (r < 0) {
                        break;
                    }
                    long c = c0 + k;
                    if (r < f.height) {
                        compute(r, edge(j, k, 0, columns, tiles), edge(j + 1, k, 0, columns, tiles), c, bands[k],
                                visited[k]);
                    }
                    if (r >= 1 && r <= f.height) {
                        commit(r - 1, edge(j, k, 1, columns, tiles), edge(j + 1, k, 1, columns, tiles), c,
                                visited[k]);
                    }
                }
            }
        }
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

    /** Computes cycle {@code c} for columns {@code lo} to {@code hi} (exclusive) of row {@code r}. */
    private void compute(int r, int lo, int hi, long c, BandState band, long[] vis) {
        if (lo >= hi) {
            return;
        }
        int p0 = r * f.width + lo;
        int p1 = r * f.width + hi;
        long[] busy = f.busyWords;
        for (int w = p0 >>> 6, end = (p1 - 1) >>> 6; w <= end; w++) {
            long mask = share(w, p0, p1);
            long visit = 0;
            int at = w >>> 6;
            long bit = 1L << w;
            if ((busy[at] & bit) != 0) {
                // the first write to these PEs and their neighbours in the epoch: save them
                undo.touch(0, w, cycle.toVisit(w) & mask);
                visit = cycle.compute(w, mask, c, band);
                if ((f.active[w] | f.wake[w]) == 0) {
                    busy[at] &= ~bit;
                }
            }
            vis[w] = vis[w] & ~mask | visit;
            if (band.wheels != null) {
                // these PEs have computed in cycle c, none of them yet in c + 1
                band.wheels[w >>> wheelShift].wakeDue(f, c, w, mask);
            }
        }
    }

    /** Commits cycle {@code c} for the visited PEs of columns {@code lo} to {@code hi} (exclusive) of row {@code r}. */
    private void commit(int r, int lo, int hi, long c, long[] vis) {
        if (lo >= hi) {
            return;
        }
        int p0 = r * f.width + lo;
        int p1 = r * f.width + hi;
        for (int w = p0 >>> 6, end = (p1 - 1) >>> 6; w <= end; w++) {
            long pes = vis[w] & share(w, p0, p1);
            if (pes != 0) {
                cycle.commit(w, pes, c);
            }
        }
    }
}
