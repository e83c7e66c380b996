package org.waferscope.engine.fabric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Slots of one size carved from slabs, filled freed ones first, and the slabs at the tail
 * given back once nothing in them is in use: what {@link SlabKind}'s copies and each size of
 * {@link PieceDeltas}' differences have in common. What is in a slot, and whether it is in use,
 * is the subclass's.
 *
 * <p>Threads: the simulation thread only.
 */
abstract class SlabSlots {
    final int perSlab;
    final List<Object> slabs = new ArrayList<>();
    /** Slots ever handed out from the slabs (freed ones included), and the freed ones. */
    int used;
    int[] free = new int[64];
    int freeCount;

    SlabSlots(int perSlab) {
        this.perSlab = perSlab;
    }

    /** Whether a snapshot still names the piece in {@code slot}. */
    abstract boolean inUse(int slot);

    /** A fresh slab of {@link #perSlab} slots. */
    abstract Object newSlab();

    /** A slot to fill: a freed one if there is one, else the next of the slabs (a fresh slab when they are full). */
    final int takeSlot() {
        if (freeCount > 0) {
            return free[--freeCount];
        }
        int slot = used++;
        if (slot / perSlab == slabs.size()) {
            slabs.add(newSlab());
        }
        return slot;
    }

    /** {@code slot} may be filled again. */
    final void freeSlot(int slot) {
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = slot;
    }

    /** The slab holding {@code slot}. */
    final Object slabOf(int slot) {
        return slabs.get(slot / perSlab);
    }

    /** Slots there are room for without a fresh slab: freed ones and the rest of the last slab. */
    final long spareSlots() {
        return freeCount + (long) slabs.size() * perSlab - used;
    }

    /**
     * Gives back the last slabs whose slots are all free (most often the newest pieces of a
     * snapshot just dropped: a snapshot fills freed slots first, then fresh slabs). Between
     * snapshots only (a slot being filled is not in use yet).
     */
    void trimTail() {
        int cut = used;
        while (!slabs.isEmpty()) {
            int start = (slabs.size() - 1) * perSlab;
            boolean empty = true;
            for (int slot = start; slot < cut && empty; slot++) {
                empty = !inUse(slot);
            }
            if (!empty) {
                break;
            }
            slabs.remove(slabs.size() - 1);
            cut = start;
        }
        if (cut < used) {
            int kept = 0;
            for (int i = 0; i < freeCount; i++) {
                if (free[i] < cut) {
                    free[kept++] = free[i];
                }
            }
            freeCount = kept;
            used = cut;
        }
    }
}
