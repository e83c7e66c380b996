package org.waferscope.engine.fabric;

import java.util.Arrays;

/**
 * Per PE, a short list of (key, value) pairs such as (color, route config): one exact-size
 * array per PE that has any. A layout sets a PE's routes one call at a time, usually all of
 * them before it moves to the next PE, so the PE being written is kept in a scratch row and
 * stored once, when another PE is written or any row is read. Growing each PE's array by
 * one pair per call allocated and copied eight arrays per PE at full wafer.
 *
 * <p>Threads: one writer; reads after the last write see every pair (a read stores the
 * open row first).
 */
public final class PePairs {
    private final int[][] rows;
    private int openRow = -1;
    private int[] open = new int[16];
    private int openLength;

    public PePairs(int rowCount) {
        rows = new int[rowCount][];
    }

    /** Sets {@code key}'s value in row {@code row}, replacing an earlier one. */
    public void put(int row, int key, int value) {
        if (row != openRow) {
            store();
            int[] known = rows[row];
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

    /** Row {@code row}'s pairs (key, value, key, value, ...), or null if it has none. */
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
            rows[openRow] = Arrays.copyOf(open, openLength);
            openRow = -1;
        }
    }
}
