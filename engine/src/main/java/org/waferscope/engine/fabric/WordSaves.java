package org.waferscope.engine.fabric;

import java.util.Arrays;

/**
 * One worker's copies of the fabric's state in an epoch of wavefront passes ({@link PassUndo}):
 * each word saved at most once, before the worker's first write to it, so that restoring every
 * copy puts back the epoch's start. Two workers save disjoint words (and the pieces of
 * disjoint words), each into its own copies, so neither waits for the other.
 *
 * <p>Threads: one worker saves at a time into one of these; the stepper restores between passes.
 */
final class WordSaves {
    private final PassUndo layout;
    private final Fabric f;
    /** Per array, the saved elements: where in the live array, how many, and the copies. */
    private final Saved[] saved;
    /** Words saved in this epoch, by word. */
    private final long[] savedWords;
    /** PIECES: pieces saved in this epoch. */
    private final long[][] savedPiece;
    /** Words saved in this epoch. */
    private int count;
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
        /** The copies' element type, and its bytes. */
        final Class<?> type;
        final int bytes;
        /** {@link #used} when the epoch's passes began ({@link #mark}). */
        int atMark;
        /** Room was made for the epoch's bound: a save past it would mean the bound missed a write. */
        boolean reserved;

        Saved(Class<?> type) {
            this.type = type;
            this.bytes = PassUndo.bytesOf(type);
        }

        /** Makes room for {@code n} elements in all; false (the copies as they were) when the heap has no room. */
        boolean reserve(long n) {
            reserved = true;
            if (n <= capacity) {
                return true;
            }
            if (n > Integer.MAX_VALUE - 8) {
                return false;
            }
            try {
                grow((int) n);
                return true;
            } catch (OutOfMemoryError e) {
                // one large array the heap cannot give: nothing else was allocated, the step runs cycle by cycle
                return false;
            }
        }

        private void grow(int size) {
            Object grown = java.lang.reflect.Array.newInstance(type, size);
            if (copy != null) {
                System.arraycopy(copy, 0, grown, 0, used);
            }
            copy = grown;
            capacity = size;
        }

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
                assert !reserved : "a save past the bound its epoch reserved";
                grow(Math.max(used + n, copy == null ? 1024 : 2 * capacity));
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
            reserved = false;
        }
    }

    WordSaves(PassUndo layout) {
        this.layout = layout;
        this.f = layout.f;
        int a = layout.kinds.length;
        saved = new Saved[a];
        savedPiece = new long[a][];
        for (int i = 0; i < a; i++) {
            saved[i] = new Saved(layout.types[i]);
            if (layout.kinds[i] == PassUndo.Kind.PIECES) {
                savedPiece[i] = new long[(layout.pieceCount[i] + 63) >>> 6];
            }
        }
        savedWords = new long[(f.active.length + 63) >>> 6];
    }

    /** Forgets the last epoch; {@code tables}: also saves what cannot be told apart by PE (one worker does). */
    void open(boolean tables) {
        Arrays.fill(savedWords, 0);
        count = 0;
        saving = true;
        for (int i = 0; i < saved.length; i++) {
            saved[i].clear();
            if (savedPiece[i] != null) {
                Arrays.fill(savedPiece[i], 0);
            }
            if (!tables) {
                continue;
            }
            Object x = layout.live.get(i);
            int length = layout.lengths[i];
            switch (layout.kinds[i]) {
                case WHOLE -> saved[i].add(x, 0, length);
                case STRIDE -> {
                    // words before the first record and after the last belong to nobody: saved at the start
                    saved[i].add(x, 0, layout.lead[i]);
                    int end = layout.lead[i] + f.n * layout.per[i];
                    saved[i].add(x, end, length - end);
                }
                case PIECES -> {
                    for (int k : layout.unowned[i]) {
                        savePiece(i, x, k, length);
                    }
                }
                default -> {
                }
            }
        }
    }

    int count() {
        return count;
    }

    /** Notes what is saved now (the tables, the words around the split) as what the epoch's passes add to. */
    void mark() {
        for (Saved s : saved) {
            s.atMark = s.used;
        }
    }

    /** Bytes saved since {@link #open}. */
    long usedBytes() {
        long b = 0;
        for (Saved s : saved) {
            b += (long) s.used * s.bytes;
        }
        return b;
    }

    /** Bytes the copies take, saved or not. */
    long heldBytes() {
        long b = 0;
        for (Saved s : saved) {
            b += (long) s.capacity * s.bytes;
        }
        return b;
    }

    /**
     * Makes room for {@code elements[i]} more elements of array {@code i} than were saved at
     * {@link #mark}, so that the passes save without allocating; false when the heap has no
     * room for it (then the epoch's passes must not run).
     */
    boolean reserve(long[] elements) {
        for (int i = 0; i < saved.length; i++) {
            if (!saved[i].reserve(saved[i].atMark + elements[i])) {
                return false;
            }
        }
        return true;
    }

    void stop() {
        saving = false;
    }

    /** Saves the words holding PEs {@code visit} of word {@code w} and their four neighbours, but those saved already. */
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

    /** Counts words {@code from} to {@code to} (inclusive), and their pieces, as saved: another worker saved them. */
    void alreadySaved(int from, int to) {
        for (int w = from; w <= to; w++) {
            savedWords[w >>> 6] |= 1L << w;
            for (int i = 0; i < saved.length; i++) {
                if (layout.kinds[i] == PassUndo.Kind.PIECES) {
                    for (int j = layout.wordStart[i][w]; j < layout.wordStart[i][w + 1]; j++) {
                        int k = layout.wordPieces[i][j];
                        savedPiece[i][k >>> 6] |= 1L << k;
                    }
                }
            }
        }
    }

    /** Saves words {@code from} to {@code to} (inclusive) but those saved already, in runs. */
    void saveWords(int from, int to) {
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
            count += end - w;
            w = end;
        }
    }

    /** Saves the state of words {@code w} to {@code end} (exclusive). */
    private void saveRun(int w, int end) {
        int p0 = w << 6;
        int p1 = Math.min(f.n, end << 6);
        for (int i = 0; i < saved.length; i++) {
            Object x = layout.live.get(i);
            Saved s = saved[i];
            switch (layout.kinds[i]) {
                case WORD -> s.add(x, w, end - w);
                case STRIDE -> s.add(x, layout.lead[i] + p0 * layout.per[i], (p1 - p0) * layout.per[i]);
                case OFFSETS -> {
                    int[] t = layout.offsets[i];
                    s.add(x, t[p0], t[p1] - t[p0]);
                }
                case PIECES -> {
                    for (int j = layout.wordStart[i][w]; j < layout.wordStart[i][end]; j++) {
                        savePiece(i, x, layout.wordPieces[i][j], layout.lengths[i]);
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
        int from = k * layout.chunk[i];
        saved[i].add(x, from, Math.min(length, from + layout.chunk[i]) - from);
    }

    /** Puts back everything saved since {@link #open}. */
    void restore() {
        for (int i = 0; i < saved.length; i++) {
            Object x = layout.live.get(i);
            switch (layout.kinds[i]) {
                case BYTES_PER_PE, INTS_PER_PE -> saved[i].restorePes((Object[]) x);
                default -> saved[i].restore(x);
            }
        }
    }
}
