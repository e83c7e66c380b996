package org.waferscope.engine.fabric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The pieces of one element type that {@link PieceSlabs} keeps as their difference from
 * another piece ({@link PieceXor}) rather than as a copy: a snapshot's piece told against the
 * piece at the same place in the snapshot before it. Handle {@code -(id + 1)} names delta
 * {@code id}; its reference is any handle (a copy, zeros, or another delta: at most
 * {@link #MAX_DEPTH} deltas deep), and it holds a reference on it, so the piece it is told
 * against stays as long as it does.
 *
 * <p>Differences are of many lengths, so they are kept in slots of a few sizes, from 16 bytes
 * up to half a piece (a longer difference is not worth it: the piece is copied whole), each
 * size in byte slabs of its own, filled and freed like {@link PieceSlabs}' slots. Slabs are a
 * MB at full wafer, below G1's humongous size: there are a dozen sizes, each with a slab
 * partly filled, and a small slab wastes less.
 *
 * <p>Threads: the simulation thread only.
 */
final class PieceDeltas {
    /** Deltas on deltas at most: a restore applies this many differences to a copy at worst. */
    static final int MAX_DEPTH = 6;

    /** Slot sizes, 16 bytes and up in steps of a half and a third, up to {@link #maxBytes}. */
    private final int[] sizes;
    private final int maxBytes;
    private final Size[] bySize;

    /** Per delta: places naming it, content hash, reference handle, depth, and where it is (size << 27 | slot). */
    int[] refs = new int[64];
    int[] hashes = new int[64];
    int[] reference = new int[64];
    byte[] depth = new byte[64];
    int[] at = new int[64];
    private int ids;
    private int[] freeIds = new int[64];
    private int freeIdCount;
    /** Ids made by the snapshot being taken (freed if it is given up). */
    private int[] made = new int[64];
    private int madeCount;

    /** Bytes of the slots in use. */
    private long held;

    /** The slots of one size. */
    private static final class Size {
        final int bytes;
        final int perSlab;
        final List<byte[]> slabs = new ArrayList<>();
        int used;
        int[] free = new int[16];
        int freeCount;
        /** Per slot: whether it is in use (for trimming the tail). */
        boolean[] busy = new boolean[64];

        Size(int bytes, int slabBytes) {
            this.bytes = bytes;
            this.perSlab = Math.max(1, slabBytes / bytes);
        }
    }

    /** Deltas of pieces of {@code pieceBytes}, in slabs of about {@code slabBytes}. */
    PieceDeltas(int pieceBytes, int slabBytes) {
        this.maxBytes = pieceBytes / 2;
        List<Integer> s = new ArrayList<>();
        for (int b = 16; b <= maxBytes; b *= 2) {
            s.add(b);
            if (b * 3 / 2 <= maxBytes && b * 3 / 2 < b * 2) {
                s.add(b * 3 / 2);
            }
        }
        sizes = s.stream().mapToInt(Integer::intValue).toArray();
        bySize = new Size[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            bySize[i] = new Size(sizes[i], slabBytes);
        }
    }

    /** The longest difference kept as a delta (its header included): half a piece. */
    int maxBytes() {
        return maxBytes;
    }

    static int id(int handle) {
        return -handle - 1;
    }

    /**
     * A new delta: {@code out}[0, length) against {@code ref} (which it holds), of content hash
     * {@code hash}; its handle. Nothing names it yet.
     */
    int add(byte[] out, int length, int ref, int hash, int refDepth) {
        int id = freeIdCount > 0 ? freeIds[--freeIdCount] : ids++;
        if (id == refs.length) {
            int n = id + id / 2 + 16;   // by halves: at full wafer these are millions of entries
            refs = Arrays.copyOf(refs, n);
            hashes = Arrays.copyOf(hashes, n);
            reference = Arrays.copyOf(reference, n);
            depth = Arrays.copyOf(depth, n);
            at = Arrays.copyOf(at, n);
        }
        int size = 0;
        while (sizes[size] < length) {
            size++;
        }
        Size s = bySize[size];
        int slot;
        if (s.freeCount > 0) {
            slot = s.free[--s.freeCount];
        } else {
            slot = s.used++;
            if (slot / s.perSlab == s.slabs.size()) {
                s.slabs.add(new byte[s.perSlab * s.bytes]);
            }
            if (slot == s.busy.length) {
                s.busy = Arrays.copyOf(s.busy, slot * 2);
            }
        }
        s.busy[slot] = true;
        held += s.bytes;
        System.arraycopy(out, 0, s.slabs.get(slot / s.perSlab), (slot % s.perSlab) * s.bytes, length);
        refs[id] = 0;
        hashes[id] = hash;
        reference[id] = ref;
        depth[id] = (byte) (refDepth + 1);
        at[id] = size << 27 | slot;
        if (madeCount == made.length) {
            made = Arrays.copyOf(made, madeCount + madeCount / 2 + 16);
        }
        made[madeCount++] = id;
        return -(id + 1);
    }

    /** Bytes of the slot a delta takes. */
    int slotBytes(int handle) {
        return sizes[at[id(handle)] >>> 27];
    }

    /** The slab holding {@code handle}'s difference; {@link #offset} is where in it. */
    byte[] slab(int handle) {
        int where = at[id(handle)];
        Size s = bySize[where >>> 27];
        int slot = where & (1 << 27) - 1;
        return s.slabs.get(slot / s.perSlab);
    }

    int offset(int handle) {
        int where = at[id(handle)];
        Size s = bySize[where >>> 27];
        return (where & (1 << 27) - 1) % s.perSlab * s.bytes;
    }

    /** Frees delta {@code id}'s slot and id; returns the reference it held, for the caller to release. */
    int free(int id) {
        int where = at[id];
        Size s = bySize[where >>> 27];
        int slot = where & (1 << 27) - 1;
        s.busy[slot] = false;
        held -= s.bytes;
        if (s.freeCount == s.free.length) {
            s.free = Arrays.copyOf(s.free, s.free.length * 2);
        }
        s.free[s.freeCount++] = slot;
        if (freeIdCount == freeIds.length) {
            freeIds = Arrays.copyOf(freeIds, freeIdCount * 2);
        }
        freeIds[freeIdCount++] = id;
        return reference[id];
    }

    /** A snapshot begins: the deltas it makes are noted. */
    void begin() {
        madeCount = 0;
    }

    /** The ids the snapshot being taken made, in order (those it gives up are freed by the caller). */
    int[] made() {
        return Arrays.copyOf(made, madeCount);
    }

    /** Gives back the last slabs of each size whose slots are all free. */
    void trimTail() {
        for (Size s : bySize) {
            int cut = s.used;
            while (!s.slabs.isEmpty()) {
                int start = (s.slabs.size() - 1) * s.perSlab;
                boolean empty = true;
                for (int slot = start; slot < cut && empty; slot++) {
                    empty = !s.busy[slot];
                }
                if (!empty) {
                    break;
                }
                s.slabs.remove(s.slabs.size() - 1);
                cut = start;
            }
            if (cut < s.used) {
                int kept = 0;
                for (int i = 0; i < s.freeCount; i++) {
                    if (s.free[i] < cut) {
                        s.free[kept++] = s.free[i];
                    }
                }
                s.freeCount = kept;
                s.used = cut;
            }
        }
    }

    /** Bytes of the slots in use. */
    long heldBytes() {
        return held;
    }

    /** Heap of the slabs, free slots included. */
    long slabBytes() {
        long b = 0;
        for (Size s : bySize) {
            b += (long) s.slabs.size() * (16 + (long) s.perSlab * s.bytes);
        }
        return b;
    }

    /** Heap of the per-delta bookkeeping and the free lists. */
    long indexBytes() {
        long b = 96 + 17L * refs.length + 4L * freeIds.length + 4L * made.length;
        for (Size s : bySize) {
            b += 4L * s.free.length + s.busy.length;
        }
        return b;
    }
}
