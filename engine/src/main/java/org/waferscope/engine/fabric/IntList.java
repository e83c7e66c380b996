package org.waferscope.engine.fabric;

import java.util.Arrays;

/**
 * A growable list of ints without boxing, for building the fabric's flat arrays. Builders
 * that can count first give the exact capacity: at full wafer these lists hold millions of
 * entries, and each doubling copies and first-touches all of them again.
 */
final class IntList {
    private int[] items;
    private int size;

    IntList() {
        this(16);
    }

    IntList(int capacity) {
        items = new int[Math.max(1, capacity)];
    }

    /** Makes room for {@code more} further items at once. */
    void reserve(int more) {
        if (size + more > items.length) {
            items = Arrays.copyOf(items, Math.max(size + more, items.length * 2));
        }
    }

    void add(int v) {
        if (size == items.length) {
            items = Arrays.copyOf(items, items.length * 2);
        }
        items[size++] = v;
    }

    int size() {
        return size;
    }

    /** The items; the list's own array when it is exactly full, as a presized list is. */
    int[] toArray() {
        return size == items.length ? items : Arrays.copyOf(items, size);
    }
}
