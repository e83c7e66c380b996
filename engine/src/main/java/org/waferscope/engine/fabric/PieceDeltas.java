package org.waferscope.engine.fabric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The pieces of one element type that {@link PieceSlabs} keeps as their difference from
 * another piece ({@link PieceXor}) rather than as a copy. Handle {@code -(id + 1)} names delta
 * {@code id}; it is told against its <em>reference</em>, a copy, zeros (handle 0) or another
 * delta, and holds a reference on it, so what it is told against stays as long as it does.
 * Following references from a delta ends at its <em>root</em>, a copy or zeros, at most
 * {@link #maxDepth()} deltas down.
 *
 * <p>Two shapes, chosen piece by piece ({@link PieceSlabs#take}). A delta of depth 1 is told
 * against its root: whether the live piece is still that piece is whether its difference
 * from the root is still those bytes ({@link PieceXor#encode} into a scratch, then a short
 * compare), with nothing rebuilt, and a restore is one copy and one difference; most pieces
 * of the PEs a snapshot visits did not change, and this is how they are found so. A piece
 * that drifted far from its root (Game of Life's channel records, a few hundred bytes every
 * snapshot) is told against the piece before it instead, in a chain: each snapshot then holds
 * only what changed since the last, where a difference from the root would be held anew by
 * every snapshot.
 *
 * <p>Differences are of many lengths, so they are kept in slots of a few sizes, from 16 bytes
 * up to {@link #maxBytes()} (a longer difference is not worth it: the piece is copied whole),
 * each size in byte slabs of its own ({@link SlabSlots}). Slabs are a MB at full wafer, below
 * G1's humongous size: there are a dozen sizes, each with a slab partly filled, and a small
 * slab wastes less. Per delta its bookkeeping is five ints side by side ({@link #info}): the
 * places naming it, its hash, its reference, its root, and its depth and place, one cache
 * line for all.
 *
 * <p>Threads: the simulation thread only.
 */
final class PieceDeltas {
    /** Slot sizes, 16 bytes and up in steps of a half and a third, up to {@link #maxBytes}. */
    private final int[] sizes;
    private final int maxBytes;
    private final Size[] bySize;

    /** Ints per delta in {@link #info}, and what each holds. */
    private static final int STRIDE = 5;
    private static final int REFS = 0;
    private static final int HASH = 1;
    private static final int REF = 2;
    private static final int ROOT = 3;
    /** Its depth {@code << 29 |} its size's number {@code << 25 |} its slot in that size's slabs. */
    private static final int AT = 4;
    private static final int SLOT_BITS = 25;
    private static final int SIZE_MASK = 0xF;
    private final int maxDepth;

    /** Per delta: the places naming it, hash, reference, root, depth and where it is. */
    private int[] info = new int[STRIDE * 64];
    private int ids;
    private int[] freeIds = new int[64];
    private int freeIdCount;
    /** Ids made by the snapshot being taken (freed if it is given up). */
    private int[] made = new int[64];
    private int madeCount;

    /** Bytes of the slots in use. */
    private long held;
    /** The arrays as they are now, read through (see {@link #reader}). */
    private Reader live;

    /** The slots of one size. */
    private static final class Size extends SlabSlots {
        final int bytes;
        /** Per slot: whether it is in use (for trimming the tail). */
        boolean[] busy = new boolean[64];

        Size(int bytes, int slabBytes) {
            super(Math.max(1, slabBytes / bytes));
            this.bytes = bytes;
        }

        @Override
        boolean inUse(int slot) {
            return busy[slot];
        }

        @Override
        Object newSlab() {
            return new byte[perSlab * bytes];
        }
    }

    /** Deltas of pieces of {@code pieceBytes}, in slabs of about {@code slabBytes}. */
    PieceDeltas(int pieceBytes, int slabBytes) {
        this.maxBytes = pieceBytes / 2;
        this.maxDepth = pieceBytes <= PieceSlabs.MEMORY_CHUNK
                ? Math.max(1, Math.min(MAX_DEPTH, Integer.getInteger("waferscope.memoryDeltaDepth", MAX_DEPTH))) : MAX_DEPTH;
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
        live = read();
    }

    /** The longest difference kept as a delta (its header included): half a piece. */
    int maxBytes() {
        return maxBytes;
    }

    /** Deltas on deltas at most: a restore applies this many differences to a copy at worst. */
    static final int MAX_DEPTH = 6;

    /**
     * How deep a chain of these deltas may go: {@link #MAX_DEPTH}; for PE memories the system
     * property {@code waferscope.memoryDeltaDepth} when set. At 1 (told against their root only)
     * allreduce's full-wafer snapshots cost ×0.66–0.86 of the CPU but held 8 % more and their
     * slabs 22 % (session 11), so memories chain like the rest by default.
     */
    int maxDepth() {
        return maxDepth;
    }

    static int id(int handle) {
        return -handle - 1;
    }

    /**
     * A new delta: {@code out}[at, at + length) against {@code ref} (which it holds), whose root is
     * {@code root}, filed under {@code hash}; its handle. Nothing names it yet.
     */
    int add(byte[] out, int at, int length, int ref, int root, int hash) {
        int depth = ref < 0 ? depth(ref) + 1 : 1;
        int id = freeIdCount > 0 ? freeIds[--freeIdCount] : ids++;
        boolean grown = STRIDE * id == info.length;
        if (grown) {
            info = Arrays.copyOf(info, STRIDE * (id + id / 2 + 16));   // by halves: at full wafer millions of deltas
        }
        int size = 0;
        while (sizes[size] < length) {
            size++;
        }
        Size s = bySize[size];
        int slabs = s.slabs.size();
        int slot = s.takeSlot();
        if (grown || s.slabs.size() != slabs) {
            live = read();
        }
        if (slot >= 1 << SLOT_BITS) {
            throw new IllegalStateException("more than " + (1 << SLOT_BITS) + " snapshot differences of one size");
        }
        if (slot >= s.busy.length) {
            s.busy = Arrays.copyOf(s.busy, Math.max(slot + 1, s.busy.length * 2));
        }
        s.busy[slot] = true;
        held += s.bytes;
        System.arraycopy(out, at, s.slabOf(slot), slot % s.perSlab * s.bytes, length);
        int i = STRIDE * id;
        info[i + REFS] = 0;
        info[i + HASH] = hash;
        info[i + REF] = ref;
        info[i + ROOT] = root;
        info[i + AT] = depth << 29 | size << SLOT_BITS | slot;
        if (madeCount == made.length) {
            made = Arrays.copyOf(made, madeCount + madeCount / 2 + 16);
        }
        made[madeCount++] = id;
        return -(id + 1);
    }

    /** What delta {@code handle} is told against: a copy, zeros, or a delta one less deep. */
    int ref(int handle) {
        return live.ref(handle);
    }

    /** The copy (or zeros) delta {@code handle}'s chain starts from. */
    int root(int handle) {
        return live.root(handle);
    }

    /** Deltas from delta {@code handle} down to its root, itself included: 1 when told against the root. */
    int depth(int handle) {
        return live.depth(handle);
    }

    /** Delta {@code id}'s hash, what the index files it under. */
    int hash(int id) {
        return info[STRIDE * id + HASH];
    }

    /** One more place names delta {@code handle}. */
    void hold(int handle) {
        info[STRIDE * id(handle) + REFS]++;
    }

    /** A place naming delta {@code id} is let go; the places left. */
    int letGo(int id) {
        return --info[STRIDE * id + REFS];
    }

    /** Bytes of the slot a delta takes. */
    int slotBytes(int handle) {
        return sizes[info[STRIDE * id(handle) + AT] >>> SLOT_BITS & SIZE_MASK];
    }

    /** The slab holding {@code handle}'s difference; {@link #offset} is where in it. */
    byte[] slab(int handle) {
        return live.slab(handle);
    }

    int offset(int handle) {
        return live.offset(handle);
    }

    /** Whether delta {@code handle}'s difference is {@code enc}[from, from + length) (an encoding, its length first). */
    boolean isEncoding(int handle, byte[] enc, int from, int length) {
        return live.isEncoding(handle, enc, from, length);
    }

    /**
     * What the deltas are now, for threads that prepare a snapshot's pieces ({@link Reader}): it
     * stays as it is while deltas are added (a new one is made when an array grows or a slab is
     * added or given back).
     */
    Reader reader() {
        return live;
    }

    /** The deltas' arrays as they are now. */
    private Reader read() {
        Object[][] slabs = new Object[bySize.length][];
        int[] perSlab = new int[bySize.length];
        for (int i = 0; i < slabs.length; i++) {
            slabs[i] = bySize[i].slabs.toArray();
            perSlab[i] = bySize[i].perSlab;
        }
        return new Reader(info, slabs, perSlab, sizes, maxBytes, maxDepth);
    }

    /**
     * The deltas that exist when a snapshot begins, read from other threads while the
     * simulation thread adds more: it keeps the arrays as they were then (an array grown later
     * is a copy, and a delta's reference, root and place never change while a snapshot is
     * taken: nothing is freed), so whatever it reads of those deltas is safe without a lock.
     */
    static final class Reader {
        private final int[] info;
        private final Object[][] slabs;
        private final int[] perSlab;
        private final int[] bytes;
        final int maxBytes;
        final int maxDepth;

        private Reader(int[] info, Object[][] slabs, int[] perSlab, int[] bytes, int maxBytes, int maxDepth) {
            this.info = info;
            this.slabs = slabs;
            this.perSlab = perSlab;
            this.bytes = bytes;
            this.maxBytes = maxBytes;
            this.maxDepth = maxDepth;
        }

        int ref(int handle) {
            return info[STRIDE * id(handle) + REF];
        }

        int root(int handle) {
            return info[STRIDE * id(handle) + ROOT];
        }

        int depth(int handle) {
            return info[STRIDE * id(handle) + AT] >>> 29;
        }

        byte[] slab(int handle) {
            int where = info[STRIDE * id(handle) + AT];
            int size = where >>> SLOT_BITS & SIZE_MASK;
            return (byte[]) slabs[size][(where & (1 << SLOT_BITS) - 1) / perSlab[size]];
        }

        int offset(int handle) {
            int where = info[STRIDE * id(handle) + AT];
            int size = where >>> SLOT_BITS & SIZE_MASK;
            return (where & (1 << SLOT_BITS) - 1) % perSlab[size] * bytes[size];
        }

        boolean isEncoding(int handle, byte[] enc, int from, int length) {
            byte[] slab = slab(handle);
            int at = offset(handle);
            return PieceXor.length(slab, at) == length && Arrays.equals(slab, at, at + length, enc, from, from + length);
        }
    }

    /** Frees delta {@code id}'s slot and id; returns its reference, for the caller to release. */
    int free(int id) {
        int where = info[STRIDE * id + AT];
        Size s = bySize[where >>> SLOT_BITS & SIZE_MASK];
        int slot = where & (1 << SLOT_BITS) - 1;
        s.busy[slot] = false;
        held -= s.bytes;
        s.freeSlot(slot);
        if (freeIdCount == freeIds.length) {
            freeIds = Arrays.copyOf(freeIds, freeIdCount * 2);
        }
        freeIds[freeIdCount++] = id;
        return info[STRIDE * id + REF];
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
            s.trimTail();
        }
        live = read();   // not holding the slabs given back
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
        long b = 96 + 4L * info.length + 4L * freeIds.length + 4L * made.length;
        for (Size s : bySize) {
            b += 4L * s.free.length + s.busy.length;
        }
        return b;
    }
}
