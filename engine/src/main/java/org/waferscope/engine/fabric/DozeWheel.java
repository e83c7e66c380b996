package org.waferscope.engine.fabric;

import java.util.Arrays;

/**
 * PEs dozing through a multi-cycle memory vector op, filed by the cycle they must next be
 * visited: a timer wheel, so that a PE counting down costs nothing until its op is done.
 * The stepper keeps one per chunk of the fabric: the worker that computes the chunk in a
 * cycle files the PEs it puts to doze there, and once the chunk has computed wakes those due
 * next cycle. It outlives a step, and is
 * rebuilt from the fabric only when the fabric is not as its stepper's last step left it
 * ({@link FabricCycle#prepareStep}, after a snapshot is restored), so it never has to be
 * snapshotted.
 */
public final class DozeWheel {
    /** How far ahead a PE can be filed; one dozing longer is visited early and dozes again. */
    static final int SLOTS = 1024;

    private final int[][] pes = new int[SLOTS][];
    private final int[] counts = new int[SLOTS];

    public void clear() {
        Arrays.fill(counts, 0);
    }

    /** Files PE {@code p} to be visited in cycle {@code visit}, or earlier when that is too far from {@code now}. */
    void add(int p, long visit, long now) {
        int slot = (int) (Math.min(visit, now + SLOTS - 1) & (SLOTS - 1));
        int[] list = pes[slot];
        int n = counts[slot];
        if (list == null || n == list.length) {
            list = list == null ? new int[16] : Arrays.copyOf(list, n * 2);
            pes[slot] = list;
        }
        list[n] = p;
        counts[slot] = n + 1;
    }

    /** Marks in {@code marks} (a bitmap of PEs) those filed to be visited in cycles {@code from} to {@code to}. */
    void markDue(long from, long to, long[] marks) {
        for (long c = from; c <= Math.min(to, from + SLOTS - 1); c++) {
            int slot = (int) (c & (SLOTS - 1));
            int[] list = pes[slot];
            for (int i = 0; i < counts[slot]; i++) {
                marks[list[i] >>> 6] |= 1L << list[i];
            }
        }
    }

    /** After the compute phase of its chunk in {@code cycle}: wakes the PEs filed for the next cycle. */
    void wakeDue(Fabric f, long cycle) {
        int slot = (int) ((cycle + 1) & (SLOTS - 1));
        int n = counts[slot];
        if (n == 0) {
            return;
        }
        int[] list = pes[slot];
        for (int i = 0; i < n; i++) {
            Router.wake(f, list[i]);
        }
        counts[slot] = 0;
    }

    /**
     * {@link #wakeDue} for the PEs {@code mask} of word {@code w} only, once they have computed
     * {@code cycle}: a column tile's share of the wheel ({@link ColumnTiles}), whose other PEs
     * may not have computed that cycle yet, or may have computed the next. The others stay filed.
     */
    void wakeDue(Fabric f, long cycle, int w, long mask) {
        int slot = (int) ((cycle + 1) & (SLOTS - 1));
        int n = counts[slot];
        if (n == 0) {
            return;
        }
        int[] list = pes[slot];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            int p = list[i];
            if (p >>> 6 == w && (mask & (1L << p)) != 0) {
                Router.wake(f, p);
            } else {
                list[kept++] = p;
            }
        }
        counts[slot] = kept;
    }
}
