package org.waferscope.engine.fabric;

/**
 * Content hash to the piece that holds it (a copy's slot or a delta, {@link SlabKind#indexValue}), for {@link PieceSlabs}: an open-addressing table of primitives, as a
 * full-wafer snapshot looks up hundreds of thousands of pieces and a boxed map would make
 * as many young objects that live as long as the slots (which slabs are there to avoid).
 * Linear probing; removal shifts the entries after it back, so there are no tombstones. Half
 * full at most; an eighth full, it is made a quarter as long, so that it follows what the
 * snapshots hold now rather than the most they ever held.
 */
final class PieceIndex {
    private static final int MIN_LENGTH = 1024;
    private int[] keys = new int[MIN_LENGTH];
    /** Slot + 1 per entry; 0 marks an empty entry. */
    private int[] values = new int[MIN_LENGTH];
    private int size;

    /** Heap the table takes. */
    long bytes() {
        return 32 + 8L * keys.length;
    }

    /** The slot holding a piece of hash {@code h}, or -1. */
    int get(int h) {
        int mask = keys.length - 1;
        for (int i = spread(h) & mask; values[i] != 0; i = (i + 1) & mask) {
            if (keys[i] == h) {
                return values[i] - 1;
            }
        }
        return -1;
    }

    /** Files {@code slot} under {@code h}; the caller has checked that no slot is filed there. */
    void put(int h, int slot) {
        if (2 * (size + 1) > keys.length) {   // half full at most: a miss, what most look-ups are, probes 2.5 entries (at three quarters, 8.5)
            grow();
        }
        int mask = keys.length - 1;
        int i = spread(h) & mask;
        while (values[i] != 0) {
            i = (i + 1) & mask;
        }
        keys[i] = h;
        values[i] = slot + 1;
        size++;
    }

    /** Removes the entry of {@code h} if it names {@code slot}. */
    void remove(int h, int slot) {
        int mask = keys.length - 1;
        int i = spread(h) & mask;
        while (values[i] != 0 && !(keys[i] == h && values[i] == slot + 1)) {
            i = (i + 1) & mask;
        }
        if (values[i] == 0) {
            return;
        }
        size--;
        // shift back the entries of the run after i that would no longer be found
        int gap = i;
        for (int j = (i + 1) & mask; values[j] != 0; j = (j + 1) & mask) {
            int home = spread(keys[j]) & mask;
            boolean movable = gap <= j ? home <= gap || home > j : home <= gap && home > j;
            if (movable) {
                keys[gap] = keys[j];
                values[gap] = values[j];
                gap = j;
            }
        }
        values[gap] = 0;
        if (keys.length > MIN_LENGTH && 8 * size < keys.length) {
            resize(keys.length / 4);   // half full at most again, not the most it ever held (snapshots dropped)
        }
    }

    private void grow() {
        resize(keys.length * 2);
    }

    private void resize(int length) {
        int[] oldKeys = keys;
        int[] oldValues = values;
        keys = new int[length];
        values = new int[length];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != 0) {
                put(oldKeys[i], oldValues[i] - 1);
            }
        }
    }

    private static int spread(int h) {
        return h ^ h >>> 16;
    }
}
