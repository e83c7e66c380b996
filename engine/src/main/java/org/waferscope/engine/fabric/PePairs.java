package org.waferscope.engine.fabric;

import java.util.Arrays;

/**
 * Per PE, a short list of (key, value) pairs such as (color, route config): one exact-size
 * array per PE that has any. A layout sets a PE's routes one call at a time, usually all of
 * them before it moves to the next PE, so the PE being written is kept in a scratch row and
 * stored once, when another PE is written or any row is read. Growing each PE's array by
 * one pair per call allocated and copied eight arrays per PE at full wafer. A stored row
 * equal to one of the last few stored is shared with it (the PEs of one kind along a
 * layout's column have the same routes), so rows are read-only once stored. Which rows
 * exist is also kept in a bit set, small enough to stay in cache: a layout loop that walks
 * a column of the wafer moves a row's width through {@link #rows} at each step, and
 * reading a row that is not there yet was a cache miss per PE.
 *
 * <p>Threads: one writer; reads after the last write see every pair (a read stores the
 * open row first).
 */
public final class PePairs {
    private final int[][] rows;
    /** Bit r set when row r has been stored. */
    private final long[] stored;
    private int openRow = -1;
    private int[] open = new int[16];
    private int openLength;
    /** The latest distinct rows stored, which an equal row shares. */
    private final int[][] recent = new int[8][];
    private int nextRecent;

    public PePairs(int rowCount) {
        rows = new int[rowCount][];
        stored = new long[(rowCount + 63) >>> 6];
    }

    /** Sets {@code key}'s value in row {@code row}, replacing an earlier one. */
    public void put(int row, int key, int value) {
        if (row != openRow) {
            store();
            int[] known = (stored[row >>> 6] & 1L << row) == 0 ? null : rows[row];
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
        return rows[row];
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
            rows[openRow] = shared();
            stored[openRow >>> 6] |= 1L << openRow;
            openRow = -1;
        }
    }

    /** The open row as a stored row: a recent equal one, or a new exact-size copy. */
    private int[] shared() {
        for (int[] r : recent) {
            if (r != null && Arrays.equals(r, 0, r.length, open, 0, openLength)) {
                return r;
            }
        }
        int[] r = Arrays.copyOf(open, openLength);
        recent[nextRecent] = r;
        nextRecent = (nextRecent + 1) % recent.length;
        return r;
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
