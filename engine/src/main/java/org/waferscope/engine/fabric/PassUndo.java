package org.waferscope.engine.fabric;

import java.util.Arrays;
import java.util.List;

/**
 * The fabric's state as it was at the start of an epoch of wavefront passes ({@link Wavefront}),
 * kept only for the PEs those passes write, so that a pass in which the step should have
 * stopped early (a fault, a deadlock, a quiet fabric) can be undone: the stepper puts the
 * epoch's start back, runs the passes before that one again, and that one's cycles one at a
 * time.
 *
 * <p>What is saved, and when: a word's state just before the first write to it in the epoch
 * ({@link #touch}). A cycle writes only the PEs it visits and their four neighbours, and wakes
 * dozers whose timer runs out; so before a pass computes a word, the words holding its
 * visited PEs and their neighbours are saved, unless this epoch saved them already (then
 * what was saved is still the epoch's start), and the words of the dozers due in a pass are
 * saved when it starts ({@link #plan}). A word nobody writes is never copied, and a word
 * written in every cycle of a 50-cycle step is copied once, not once a pass.
 *
 * <p>Every array of {@link Fabric#mutableState()} is covered: per word, per PE at a stride,
 * per PE at an offset table, by piece owners ({@link PieceOwners}), per PE object, or whole
 * when the epoch opens for the small tables a PE cannot be told apart in.
 */
final class PassUndo {
    private enum Kind { WORD, STRIDE, OFFSETS, PIECES, BYTES_PER_PE, INTS_PER_PE, WHOLE }

    private final Fabric f;
    private final List<Object> live;
    private final Kind[] kinds;
    /** STRIDE: first index and elements per PE; OFFSETS: the table. */
    private final int[] lead;
    private final int[] per;
    private final int[][] offsets;
    /** PIECES: piece size, and per word the pieces whose owners include its PEs (CSR). */
    private final int[] chunk;
    private final int[][] wordStart;
    private final int[][] wordPieces;
    /** PIECES: pieces saved in this pass (unowned ones at its start). */
    private final long[][] savedPiece;
    private final int[][] unowned;
    /** Per array, the saved elements: where in the live array, how many, and the copies. */
    private final Saved[] saved;
    /** Each live array's length (the fabric's arrays never change size). */
    private final int[] lengths;
    /** Words saved in this epoch, by word. */
    private final long[] savedWords;
    /** Words the epoch's passes may write, as {@link #plan} bounds them, and how many. */
    private final long[] region;
    private int regionWords;
    /** Words saved in this epoch. */
    private int savedCount;
    /** False while the passes of an undone epoch run again: they write nothing the epoch has not saved. */
    private boolean saving;

    /** One array's saved ranges. */
    private static final class Saved {
        int[] from = new int[64];
        int[] length = new int[64];
        int count;
        Object copy;
        int used;
        private int capacity;

        void add(Object live, int at, int n) {
            if (n <= 0) {
                return;
            }
            append(live, at, at, n);
        }

        /**
         * The contents of PE {@code p}'s own array {@code items}, and the array: a pass writes
         * into PEs' arrays but never replaces one.
         */
        void addPe(int p, Object items, int n) {
            append(items, 0, p, n);
        }

        private void append(Object live, int at, int where, int n) {
            if (count == from.length) {
                from = Arrays.copyOf(from, count * 2);
                length = Arrays.copyOf(length, count * 2);
            }
            if (copy == null || used + n > capacity) {
                int size = Math.max(used + n, copy == null ? 1024 : 2 * capacity);
                Object grown = java.lang.reflect.Array.newInstance(live.getClass().getComponentType(), size);
                if (copy != null) {
                    System.arraycopy(copy, 0, grown, 0, used);
                }
                copy = grown;
                capacity = size;
            }
            System.arraycopy(live, at, copy, used, n);
            from[count] = where;
            length[count++] = n;
            used += n;
        }

        /** Puts back PEs' own arrays, each into the array it was saved from. */
        void restorePes(Object[] perPe) {
            for (int i = 0, at = 0; i < count; at += length[i], i++) {
                System.arraycopy(copy, at, perPe[from[i]], 0, length[i]);
            }
        }

        void restore(Object live) {
            for (int i = 0, at = 0; i < count; at += length[i], i++) {
                System.arraycopy(copy, at, live, from[i], length[i]);
            }
        }

        void clear() {
            count = 0;
            used = 0;
        }
    }

    PassUndo(Fabric f) {
        this.f = f;
        this.live = f.mutableState();
        int a = live.size();
        kinds = new Kind[a];
        lead = new int[a];
        per = new int[a];
        offsets = new int[a][];
        chunk = new int[a];
        wordStart = new int[a][];
        wordPieces = new int[a][];
        savedPiece = new long[a][];
        unowned = new int[a][];
        saved = new Saved[a];
        lengths = new int[a];
        PieceOwners owners = PieceOwners.of(f);
        int words = f.active.length;
        savedWords = new long[(words + 63) >>> 6];
        region = new long[(words + 63) >>> 6];
        for (int i = 0; i < a; i++) {
            Object x = live.get(i);
            saved[i] = new Saved();
            lengths[i] = java.lang.reflect.Array.getLength(x);
            int[][] own = owners.forArray(f, x);
            if (x == f.sram) {
                kinds[i] = Kind.BYTES_PER_PE;
            } else if (x instanceof int[][]) {
                kinds[i] = Kind.INTS_PER_PE;
            } else if (x == f.core) {
                stride(i, CoreRecords.at(0), CoreRecords.WORDS);
            } else if (x == f.launchArgs) {
                stride(i, 0, Fabric.MAX_LAUNCH_ARGS);
            } else if (x == f.hostPath) {
                stride(i, 0, Fabric.HOST_PATH_DEPTH);
            } else if (x == f.linkBlocked) {
                stride(i, 0, 4);
            } else if (x == f.activated || x == f.blocked || x == f.controlData || x == f.launchFn || x == f.released
                    || x == f.fault || x == f.hostInPos || x == f.hostInColor || x == f.hostOutCount
                    || x == f.hostOutColor || x == f.hostPathCount || x == f.hostPathColor || x == f.sleepFrom) {
                stride(i, 0, 1);
            } else if (x == f.active || x == f.wake || x == f.sleeping) {
                kinds[i] = Kind.WORD;
            } else if (x == f.taskRuns) {
                kinds[i] = Kind.OFFSETS;
                offsets[i] = taskRunStarts(lengths[i]);
            } else if (x == f.rsPos || x == f.rsTorn) {
                kinds[i] = Kind.OFFSETS;
                offsets[i] = f.rsStart;
            } else if (own != null) {
                kinds[i] = Kind.PIECES;
                chunk[i] = x instanceof long[] ? FabricSnapshot.LONG_CHUNK : FabricSnapshot.CHUNK;
                index(i, own, words);
            } else {
                kinds[i] = Kind.WHOLE;
            }
        }
    }

    /**
     * Where each PE's task counts start, for every PE and one past the last: {@code trBase}
     * holds it only for PEs with a program (0 for the others), in PE order.
     */
    private int[] taskRunStarts(int length) {
        int[] starts = new int[f.n + 1];
        starts[f.n] = length;
        for (int p = f.n - 1; p >= 0; p--) {
            starts[p] = f.peProgram[p] >= 0 ? f.trBase[p] : starts[p + 1];
        }
        return starts;
    }

    private void stride(int i, int first, int perPe) {
        kinds[i] = Kind.STRIDE;
        lead[i] = first;
        per[i] = perPe;
    }

    /** Per word, the pieces of array {@code i} holding state of its PEs; pieces of nobody's are saved whole. */
    private void index(int i, int[][] own, int words) {
        int pieces = own[0].length;
        int[] count = new int[words + 1];
        int[] none = new int[pieces];
        int nones = 0;
        for (int k = 0; k < pieces; k++) {
            if (own[0][k] == 0 && own[1][k] == f.n - 1) {
                none[nones++] = k;
                continue;
            }
            for (int w = own[0][k] >>> 6; w <= own[1][k] >>> 6; w++) {
                count[w + 1]++;
            }
        }
        for (int w = 0; w < words; w++) {
            count[w + 1] += count[w];
        }
        int[] list = new int[count[words]];
        int[] fill = Arrays.copyOf(count, words);
        for (int k = 0; k < pieces; k++) {
            if (own[0][k] == 0 && own[1][k] == f.n - 1) {
                continue;
            }
            for (int w = own[0][k] >>> 6; w <= own[1][k] >>> 6; w++) {
                list[fill[w]++] = k;
            }
        }
        wordStart[i] = count;
        wordPieces[i] = list;
        unowned[i] = Arrays.copyOf(none, nones);
        savedPiece[i] = new long[(pieces + 63) >>> 6];
    }

    /**
     * Opens an epoch: forgets what the last one saved and saves what cannot be told apart by
     * PE. The fabric as it is now is what {@link #restore} puts back.
     */
    void open() {
        Arrays.fill(savedWords, 0);
        Arrays.fill(region, 0);
        regionWords = 0;
        savedCount = 0;
        saving = true;
        for (int i = 0; i < kinds.length; i++) {
            saved[i].clear();
            Object x = live.get(i);
            int length = lengths[i];
            switch (kinds[i]) {
                case WHOLE -> saved[i].add(x, 0, length);
                case STRIDE -> {
                    // words before the first record and after the last belong to nobody: saved at the start
                    saved[i].add(x, 0, lead[i]);
                    int end = lead[i] + f.n * per[i];
                    saved[i].add(x, end, length - end);
                }
                case PIECES -> {
                    Arrays.fill(savedPiece[i], 0);
                    for (int k : unowned[i]) {
                        savePiece(i, x, k, length);
                    }
                }
                default -> {
                }
            }
        }
    }

    /**
     * Gets the epoch ready for a pass of {@code levels} cycles from cycle {@code c0}: saves the
     * words of the dozers due to wake in it, and bounds the words it may write (those with
     * work or due to wake, widened {@code levels} + 1 times by their neighbours). Returns false
     * when the epoch's bound would then take more than {@code budget} bytes to save; the pass
     * must not run in this epoch (its dozers' words may have been saved, which is harmless).
     */
    boolean plan(long c0, int levels, DozeWheel[] wheels, long budget) {
        long[] due = new long[f.active.length];
        if (wheels != null) {
            for (DozeWheel wheel : wheels) {
                wheel.markDue(c0 + 1, c0 + levels, due);
            }
        }
        long[] seed = new long[due.length];
        for (int w = 0; w < seed.length; w++) {
            seed[w] = f.active[w] | f.wake[w] | due[w];
        }
        for (int k = 0; k <= levels; k++) {
            seed = PieceOwners.withNeighbours(seed, f.width);
        }
        int words = regionWords;
        for (int w = 0; w < seed.length; w++) {
            if (seed[w] != 0 && (region[w >>> 6] & (1L << w)) == 0) {
                words++;
            }
        }
        if (words * 64L * BYTES_PER_PE > budget) {
            return false;
        }
        regionWords = words;
        for (int w = 0; w < seed.length; w++) {
            if (seed[w] != 0) {
                region[w >>> 6] |= 1L << w;
            }
            if (due[w] != 0) {
                // woken from its doze by the pass without a visit first
                saveWords(w, w);
            }
        }
        return true;
    }

    /** About what a word's save copies per PE of a full-wafer program (850 bytes measured, with room). */
    private static final long BYTES_PER_PE = 1600;

    /** Words saved in this epoch so far. */
    int wordsSaved() {
        return savedCount;
    }

    /** Stops saving until the next {@link #open}: the epoch's passes run again after a {@link #restore}. */
    void replaying() {
        saving = false;
    }

    /**
     * Saves, unless this epoch did already, the words a pass is about to write by visiting
     * PEs {@code visit} of word {@code w}: those holding them and their four neighbours.
     */
    void touch(int w, long visit) {
        if (!saving || visit == 0) {
            return;
        }
        int lo = (w << 6) + Long.numberOfTrailingZeros(visit);
        int hi = (w << 6) + 63 - Long.numberOfLeadingZeros(visit);
        int last = f.active.length - 1;
        saveWords(Math.max(0, lo - 1) >>> 6, Math.min(f.n - 1, hi + 1) >>> 6);
        if (hi - f.width >= 0) {
            saveWords(Math.max(0, lo - f.width) >>> 6, (hi - f.width) >>> 6);
        }
        if (lo + f.width < f.n) {
            saveWords((lo + f.width) >>> 6, Math.min(last, (hi + f.width) >>> 6));
        }
    }

    /** Saves words {@code from} to {@code to} (inclusive) but those saved already, in runs. */
    private void saveWords(int from, int to) {
        int w = from;
        while (w <= to) {
            if ((savedWords[w >>> 6] & (1L << w)) != 0) {
                w++;
                continue;
            }
            int end = w;
            while (end <= to && (savedWords[end >>> 6] & (1L << end)) == 0) {
                savedWords[end >>> 6] |= 1L << end;
                end++;
            }
            saveRun(w, end);
            savedCount += end - w;
            w = end;
        }
    }

    /** Saves the state of words {@code w} to {@code end} (exclusive). */
    private void saveRun(int w, int end) {
        int p0 = w << 6;
        int p1 = Math.min(f.n, end << 6);
        for (int i = 0; i < kinds.length; i++) {
            Object x = live.get(i);
            Saved s = saved[i];
            switch (kinds[i]) {
                case WORD -> s.add(x, w, end - w);
                case STRIDE -> s.add(x, lead[i] + p0 * per[i], (p1 - p0) * per[i]);
                case OFFSETS -> {
                    int[] t = offsets[i];
                    s.add(x, t[p0], t[p1] - t[p0]);
                }
                case PIECES -> {
                    for (int j = wordStart[i][w]; j < wordStart[i][end]; j++) {
                        savePiece(i, x, wordPieces[i][j], lengths[i]);
                    }
                }
                case BYTES_PER_PE -> {
                    byte[][] m = (byte[][]) x;
                    for (int p = p0; p < p1; p++) {
                        if (m[p] != null) {
                            s.addPe(p, m[p], m[p].length);
                        }
                    }
                }
                case INTS_PER_PE -> {
                    int[][] m = (int[][]) x;
                    for (int p = p0; p < p1; p++) {
                        if (m[p] != null) {
                            s.addPe(p, m[p], m[p].length);
                        }
                    }
                }
                default -> {
                }
            }
        }
    }

    private void savePiece(int i, Object x, int k, int length) {
        long[] done = savedPiece[i];
        if ((done[k >>> 6] & (1L << k)) != 0) {
            return;
        }
        done[k >>> 6] |= 1L << k;
        int from = k * chunk[i];
        saved[i].add(x, from, Math.min(length, from + chunk[i]) - from);
    }

    /** Puts back everything saved since {@link #open}: the fabric is as the epoch found it. */
    void restore() {
        for (int i = 0; i < kinds.length; i++) {
            Object x = live.get(i);
            switch (kinds[i]) {
                case BYTES_PER_PE, INTS_PER_PE -> saved[i].restorePes((Object[]) x);
                default -> saved[i].restore(x);
            }
        }
        // the sleepers and dozers may be others now: the next step files them afresh
        f.keptFor = null;
    }
}
