package org.waferscope.engine.fabric;

import java.util.Arrays;

/**
 * Per PE, a short list of (key, value) pairs such as (color, route config): one exact-size
 * array per PE that has any. A layout sets a PE's routes one call at a time, usually all of
 * them before it moves to the next PE, so the PE being written is kept in a scratch row and
 * stored once, when another PE is written or any row is read. Growing each PE's array by
 * one pair per call allocated and copied eight arrays per PE at full wafer. A stored row
 * equal to one of the last few stored is shared with it (the PEs of one kind along a
 * layout's column have the same routes), so rows are read-only once stored.
 *
 * <p>Each row holds the number of its stored array ({@link #rowOf}, 0 for none), not a
 * reference to it: the per-row table is large enough (3 MB at full wafer) to be allocated in
 * the collector's old generation, and storing a reference to a young array there ran G1's
 * write barrier (a fence, a card marked and queued for refinement) at every PE of a layout
 * loop, which walks the wafer by columns and so touches another card at every step. An
 * {@code int} store has no barrier; the distinct arrays, few in a regular layout, sit in
 * {@link #distinct}.
 *
 * <p>Threads: one writer; reads after the last write see every pair (a read stores the
 * open row first).
 */
public final class PePairs {
    /** Per row, 1 + the index of its array in {@link #distinct}, or 0 when it has none. */
    private final int[] rowOf;
    /** The stored arrays, each once; {@link #distinctCount} of them. */
    private int[][] distinct = new int[16][];
    private int distinctCount;
    private int openRow = -1;
    private int[] open = new int[16];
    private int openLength;
    /** The latest distinct rows stored (their numbers in {@link #rowOf}'s terms), which an equal row shares. */
    private final int[] recent = new int[8];
    private int nextRecent;

    public PePairs(int rowCount) {
        rowOf = new int[rowCount];
    }

    /** Sets {@code key}'s value in row {@code row}, replacing an earlier one. */
    public void put(int row, int key, int value) {
        if (row != openRow) {
            store();
            int at = rowOf[row];
            int[] known = at == 0 ? null : distinct[at - 1];
            openLength = known == null ? 0 : known.length;
            if (openLength > open.length) {
                open = new int[openLength * 2];
            }
            if (known != null) {
                System.arraycopy(known, 0, open, 0, openLength);
            }
            openRow = row;
        }
        for (int i = 0; i < openLength; i += 2) {
            if (open[i] == key) {
                open[i + 1] = value;
                return;
            }
        }
        if (openLength == open.length) {
            open = Arrays.copyOf(open, open.length * 2);
        }
        open[openLength++] = key;
        open[openLength++] = value;
    }

    /** Row {@code row}'s pairs (key, value, key, value, ...), or null if it has none; read-only. */
    public int[] row(int row) {
        if (openRow >= 0) {
            store();
        }
        int at = rowOf[row];
        return at == 0 ? null : distinct[at - 1];
    }

    /** The value of {@code key} in row {@code row}, or {@code missing}. */
    public int value(int row, int key, int missing) {
        int[] pairs = row(row);
        if (pairs != null) {
            for (int i = 0; i < pairs.length; i += 2) {
                if (pairs[i] == key) {
                    return pairs[i + 1];
                }
            }
        }
        return missing;
    }

    private void store() {
        if (openRow >= 0) {
            rowOf[openRow] = shared();
            openRow = -1;
        }
    }

    /** The open row as a stored row's number: a recent equal one, or that of a new exact-size copy. */
    private int shared() {
        for (int at : recent) {
            if (at != 0) {
                int[] r = distinct[at - 1];
                if (Arrays.equals(r, 0, r.length, open, 0, openLength)) {
                    return at;
                }
            }
        }
        if (distinctCount == distinct.length) {
            distinct = Arrays.copyOf(distinct, distinctCount * 2);
        }
        distinct[distinctCount++] = Arrays.copyOf(open, openLength);
        recent[nextRecent] = distinctCount;
        nextRecent = (nextRecent + 1) % recent.length;
        return distinctCount;
    }

    /** A row's {@code pairs} in order of key: itself when already so (read only), else sorted into {@code out}. */
    static int[] inKeyOrder(int[] pairs, int[] out) {
        if (sorted(pairs)) {
            return pairs; // read only
        }
        System.arraycopy(pairs, 0, out, 0, pairs.length);
        for (int i = 2; i < pairs.length; i += 2) {
            for (int j = i; j > 0 && out[j - 2] > out[j]; j -= 2) {
                int c = out[j];
                int k = out[j + 1];
                out[j] = out[j - 2];
                out[j + 1] = out[j - 1];
                out[j - 2] = c;
                out[j - 1] = k;
            }
        }
        return out;
    }

    private static boolean sorted(int[] pairs) {
        for (int i = 2; i < pairs.length; i += 2) {
            if (pairs[i - 2] > pairs[i]) {
                return false;
            }
        }
        return true;
    }
}
