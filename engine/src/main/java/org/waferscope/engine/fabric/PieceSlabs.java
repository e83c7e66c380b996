package org.waferscope.engine.fabric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the snapshots of one fabric keep the pieces of its flat primitive arrays: slots of
 * one piece each, carved from slabs of {@link #SLAB_BYTES}, and named by an int handle.
 *
 * <p>Why slabs: a full-wafer snapshot copies up to half a GB, which as separate 2 KB arrays
 * is a quarter of a million young objects that the collector must then copy into the old
 * generation (seconds of pauses per snapshot, and a heap that grows to hold both copies).
 * A slab of 4 MB is allocated by G1 straight into the old generation and never moved, so a
 * snapshot's copy costs a copy and nothing more.
 *
 * <p>Handle 0 is a piece of zeros (most queues, counters and buffers are empty); handle
 * {@code h > 0} is slot {@code h - 1} of the element type's slabs. A slot is written once,
 * when its piece is taken, and never again until it is freed; it is freed only when no
 * kept snapshot names it ({@link FabricSnapshot#recycle}), and then filled again by a later
 * snapshot. So two snapshots name the same handle exactly when they share the piece.
 *
 * <p>Threads: the simulation thread only.
 */
final class PieceSlabs {
    /** Bytes per slab: at least half of G1's largest usual region, so slabs are never copied. */
    static final int SLAB_BYTES = 4 << 20;

    private final Kind ints = new Kind(FabricSnapshot.CHUNK, 4);
    private final Kind longs = new Kind(FabricSnapshot.LONG_CHUNK, 8);
    private final Kind bytes = new Kind(FabricSnapshot.CHUNK, 1);
    private final Kind shorts = new Kind(FabricSnapshot.CHUNK, 2);
    private long reused;

    /** The slabs and free slots of one element type. */
    private static final class Kind {
        final int chunk;
        final int width;
        final int slotsPerSlab;
        final List<Object> slabs = new ArrayList<>();
        int used;
        int[] free = new int[64];
        int freeCount;

        Kind(int chunk, int width) {
            this.chunk = chunk;
            this.width = width;
            this.slotsPerSlab = SLAB_BYTES / (chunk * width);
        }
    }

    /** The store of {@code f}'s snapshots, made at its first snapshot. */
    static PieceSlabs of(Fabric f) {
        if (f.slabs == null) {
            f.slabs = new PieceSlabs();
        }
        return f.slabs;
    }

    /** Whether this store keeps pieces of arrays like {@code a} (else they are arrays of their own). */
    static boolean keeps(Object a) {
        return a instanceof int[] || a instanceof long[] || a instanceof byte[] || a instanceof short[];
    }

    /** The kind of arrays like {@code a}, for {@link #put} and the rest: 0 to 3, or -1 when not kept here. */
    static int kindOf(Object a) {
        return a instanceof int[] ? 0 : a instanceof long[] ? 1 : a instanceof byte[] ? 2 : a instanceof short[] ? 3 : -1;
    }

    private Kind kind(Object a) {
        return kind(kindOf(a));
    }

    private Kind kind(int kind) {
        return switch (kind) {
            case 0 -> ints;
            case 1 -> longs;
            case 2 -> bytes;
            case 3 -> shorts;
            default -> throw new IllegalStateException("no slabs of kind " + kind);
        };
    }

    /** Bytes one piece of kind {@code kind} holds. */
    long pieceBytes(int kind) {
        Kind k = kind(kind);
        return (long) k.chunk * k.width;
    }

    /** Copies {@code a}[from, to) into a free slot and returns its handle. */
    int put(Object a, int from, int to) {
        Kind k = kind(a);
        int slot;
        if (k.freeCount > 0) {
            slot = k.free[--k.freeCount];
            reused += (long) k.chunk * k.width;
        } else {
            slot = k.used++;
            if (slot / k.slotsPerSlab == k.slabs.size()) {
                k.slabs.add(java.lang.reflect.Array.newInstance(a.getClass().getComponentType(),
                        k.slotsPerSlab * k.chunk));
            }
        }
        System.arraycopy(a, from, k.slabs.get(slot / k.slotsPerSlab), (slot % k.slotsPerSlab) * k.chunk, to - from);
        return slot + 1;
    }

    /** Whether {@code a}[from, to) equals the piece {@code handle} names. */
    boolean same(Object a, int from, int to, int handle) {
        if (handle == 0) {
            return isZero(a, from, to);
        }
        Kind k = kind(a);
        int slot = handle - 1;
        Object slab = k.slabs.get(slot / k.slotsPerSlab);
        int at = (slot % k.slotsPerSlab) * k.chunk;
        int end = at + to - from;
        if (a instanceof int[] x) {
            return Arrays.equals(x, from, to, (int[]) slab, at, end);
        } else if (a instanceof long[] x) {
            return Arrays.equals(x, from, to, (long[]) slab, at, end);
        } else if (a instanceof byte[] x) {
            return Arrays.equals(x, from, to, (byte[]) slab, at, end);
        }
        return Arrays.equals((short[]) a, from, to, (short[]) slab, at, end);
    }

    /** Copies the piece {@code handle} names into {@code live}[from, to). */
    void get(int handle, Object live, int from, int to) {
        if (handle == 0) {
            zero(live, from, to);
            return;
        }
        Kind k = kind(live);
        int slot = handle - 1;
        System.arraycopy(k.slabs.get(slot / k.slotsPerSlab), (slot % k.slotsPerSlab) * k.chunk, live, from, to - from);
    }

    /** Makes the slot of {@code handle} (a piece of kind {@code kind}) free for a later snapshot. */
    void free(int kind, int handle) {
        if (handle == 0) {
            return;
        }
        Kind k = kind(kind);
        if (k.freeCount == k.free.length) {
            k.free = Arrays.copyOf(k.free, k.free.length * 2);
        }
        k.free[k.freeCount++] = handle - 1;
    }

    /** Bytes of pieces written into freed slots rather than new ones. */
    long reusedBytes() {
        return reused;
    }

    /** Heap the slabs take (free slots included). */
    long slabBytes() {
        long b = 0;
        for (Kind k : new Kind[] {ints, longs, bytes, shorts}) {
            b += (long) k.slabs.size() * k.slotsPerSlab * k.chunk * k.width;
        }
        return b;
    }

    private static final int[] ZERO_INTS = new int[FabricSnapshot.CHUNK];
    private static final long[] ZERO_LONGS = new long[FabricSnapshot.LONG_CHUNK];
    private static final byte[] ZERO_BYTES = new byte[FabricSnapshot.CHUNK];
    private static final short[] ZERO_SHORTS = new short[FabricSnapshot.CHUNK];

    private static boolean isZero(Object a, int from, int to) {
        int n = to - from;
        if (a instanceof int[] x) {
            return Arrays.equals(x, from, to, ZERO_INTS, 0, n);
        } else if (a instanceof long[] x) {
            return Arrays.equals(x, from, to, ZERO_LONGS, 0, n);
        } else if (a instanceof byte[] x) {
            return Arrays.equals(x, from, to, ZERO_BYTES, 0, n);
        }
        return Arrays.equals((short[]) a, from, to, ZERO_SHORTS, 0, n);
    }

    private static void zero(Object a, int from, int to) {
        if (a instanceof int[] x) {
            Arrays.fill(x, from, to, 0);
        } else if (a instanceof long[] x) {
            Arrays.fill(x, from, to, 0L);
        } else if (a instanceof byte[] x) {
            Arrays.fill(x, from, to, (byte) 0);
        } else {
            Arrays.fill((short[]) a, from, to, (short) 0);
        }
    }
}
