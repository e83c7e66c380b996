package org.waferscope.engine.fabric;

import java.util.Arrays;
import java.util.concurrent.Executor;

/**
 * The slabs and free slots of one element type of {@link PieceSlabs}: its copies, its
 * {@link PieceDeltas differences}, the hash index of both, and what they take.
 *
 * <p>Threads: the simulation thread only.
 */
final class SlabKind extends SlabSlots {
    final int chunk;
    final int width;
    /** {@link #used} and {@link #freeCount} when the snapshot being taken began (what giving it up goes back to). */
    int usedMark;
    int freeMark;
    /** Per slot: the places of snapshots that name it, and its content's hash. */
    int[] refs = new int[64];
    int[] hashes = new int[64];
    /** Content hash to the slot that holds it (the first of equal hashes). */
    final PieceIndex byHash = new PieceIndex();

    /** Where its fresh slabs come from. */
    final SlabMaker maker;
    /** Its pieces kept as differences (null: every piece is copied whole). */
    final PieceDeltas deltas;
    /** A piece's length of zeros (what a piece that was empty is told against). */
    final Object zeros;
    /**
     * A piece rebuilt from a delta, and a difference being made (a piece's half, and room for a
     * group more), for comparing a piece with one held on the simulation thread ({@link
     * PiecePrep.Scratch} has its own for preparing pieces).
     */
    final Object compared;
    final byte[] check;
    /** Slots written (fresh or freed ones) by the snapshot being taken, and by the one before. */
    int filled;
    int lastFilled;

    SlabKind(int chunk, Class<?> type, int width, int slabBytes, Executor ahead) {
        // one slot short of the power of two: the array's header then does not spill into one more
        // of G1's regions (a humongous 8 MB slab took three 4 MB regions, half of it empty)
        super(slabBytes / (chunk * width) - 1);
        this.chunk = chunk;
        this.width = width;
        this.maker = new SlabMaker(type, perSlab * chunk, ahead);
        this.deltas = PieceSlabs.deltasWanted() ? new PieceDeltas(chunk * width, Math.max(16 << 10, slabBytes / 8)) : null;
        this.zeros = java.lang.reflect.Array.newInstance(type, chunk);
        this.compared = java.lang.reflect.Array.newInstance(type, chunk);
        this.check = new byte[chunk * width / 2 + 16];
    }

    @Override
    boolean inUse(int slot) {
        return refs[slot] > 0;
    }

    @Override
    Object newSlab() {
        return maker.next();
    }

    /** Where copy slot {@code slot} starts in its slab. */
    int offset(int slot) {
        return slot % perSlab * chunk;
    }

    /**
     * The differences lately found or made, by hash: a small table that stays in the cache,
     * looked at before the index, which at full wafer is tens of MB and misses the cache at every
     * look-up. A snapshot meets the same few differences again and again (Game of Life's PE
     * memories: a few dozen kinds among 1.5 million pieces). Forgotten once any delta is freed,
     * so that what it names is always held.
     */
    private static final int RECENT = 1 << 12;
    private final int[] recentHash = new int[RECENT];
    private final int[] recentHandle = new int[RECENT];
    private boolean recentStale;

    /** The delta lately filed under {@code h}, or 0. */
    int recent(int h) {
        if (recentStale) {
            Arrays.fill(recentHandle, 0);
            recentStale = false;
        }
        int i = h & RECENT - 1;
        return recentHash[i] == h ? recentHandle[i] : 0;
    }

    /** Delta {@code handle}, of hash {@code h}, was found or made. */
    void noteRecent(int h, int handle) {
        int i = h & RECENT - 1;
        recentHash[i] = h;
        recentHandle[i] = handle;
    }

    /** A delta was freed: what {@link #recent} names may be gone. */
    void forgetRecent() {
        recentStale = true;
    }

    /** Bytes of pieces copied into freed slots rather than new ones. */
    long reused;

    /** Whether {@code a}[from, to) equals the copy in {@code slot}. */
    boolean sameCopy(Object a, int from, int to, int slot) {
        return PieceContent.equal(a, from, to, slabOf(slot), offset(slot));
    }

    /** The difference of {@code a}[from, to) from the piece {@code root} (a copy or zeros) names, into {@code out}, as {@link PieceXor#encode}. */
    int encode(Object a, int from, int to, int root, byte[] out, int max) {
        return root == 0 ? PieceXor.encode(a, from, to, zeros, 0, out, max)
                : PieceXor.encode(a, from, to, slabOf(root - 1), offset(root - 1), out, max);
    }

    /** A copy of {@code a}[from, to) in a free slot, of hash {@code h}, filed under it if {@code file}; its slot. */
    int put(Object a, int from, int to, int h, boolean file) {
        if (freeCount > 0) {
            reused += (long) (to - from) * width;
        }
        int slot = takeSlot();
        if (slot >= refs.length) {
            refs = Arrays.copyOf(refs, slot + slot / 2 + 16);   // by halves: millions of slots at full wafer
            hashes = Arrays.copyOf(hashes, slot + slot / 2 + 16);
        }
        System.arraycopy(a, from, slabOf(slot), offset(slot), to - from);
        filled++;
        hashes[slot] = h;
        if (file) {
            byHash.put(h, indexValue(slot + 1));
        }
        return slot;
    }

    /** Frees copy slot {@code slot} (no place names it now) for a later snapshot. */
    void free(int slot) {
        byHash.remove(hashes[slot], indexValue(slot + 1));
        freeSlot(slot);
    }

    /** A handle as the hash index holds it: copies at even values, deltas at odd ones. */
    static int indexValue(int handle) {
        return handle > 0 ? 2 * (handle - 1) : 2 * PieceDeltas.id(handle) + 1;
    }

    /** The handle an index value names; 0 for the index's "none" (-1). */
    static int handleOf(int value) {
        return value < 0 ? 0 : (value & 1) == 0 ? value / 2 + 1 : -(value / 2 + 1);
    }

    /** Gives back the last slabs whose slots are all free, of copies and of differences. */
    @Override
    void trimTail() {
        if (deltas != null) {
            deltas.trimTail();
        }
        super.trimTail();
    }

    /** Bytes the slots in use hold, copies and differences. */
    long heldBytes() {
        return (long) (used - freeCount) * chunk * width + (deltas == null ? 0 : deltas.heldBytes());
    }

    /** Heap of the bookkeeping: per slot its count and hash, the free list, the hash index, the deltas'. */
    long indexBytes() {
        return 48 + 4L * refs.length + 4L * hashes.length + 4L * free.length + byHash.bytes()
                + (deltas == null ? 0 : deltas.indexBytes());
    }

    /** Heap the slabs take, free slots included. */
    long slabBytes() {
        return (long) slabs.size() * perSlab * chunk * width + (deltas == null ? 0 : deltas.slabBytes());
    }
}
