package org.waferscope.engine.fabric;

import java.util.Arrays;
import java.util.List;

/**
 * An exact copy of a fabric's mutable state at one cycle. Restoring it and running on
 * gives the same states as the original run did, which is what stepping back relies on.
 *
 * <p>The state is held in pieces: each flat array in chunks of {@link #CHUNK} elements (long
 * arrays in chunks of {@link #LONG_CHUNK}, so that no piece is over 2 KB), each PE memory in
 * pieces of {@link PieceSlabs#MEMORY_CHUNK} bytes of its own ({@link SlabPieces}), and the
 * host's per-PE int arrays whole, in blocks of {@link #PE_BLOCK} PEs. The pieces of primitive
 * arrays and memories live in the fabric's {@link PieceSlabs}, named by handles, each distinct
 * content once: a snapshot taken after another shares every piece that has not changed
 * since (taken unread where no PE that could change it was visited, else compared element by
 * element), and any piece equal to one already held, wherever it is (PEs in like states hold
 * like records). Pieces are never written while a snapshot names them, so sharing is safe.
 */
public final class FabricSnapshot {
    /** Elements per piece of a flat array: small enough to share around a few busy PEs. */
    static final int CHUNK = 512;
    /** PEs per block of a per-PE array's pieces. */
    static final int PE_BLOCK = 512;

    /** The pieces of {@link #PE_BLOCK} PEs of a per-PE int array (null where a PE has none). */
    private record Block(Object[] items) {
    }

    /** Elements per piece of a long array: the 2 KB of an int array's piece. */
    static final int LONG_CHUNK = 256;

    /** Elements per piece of flat array {@code a}. */
    private static int chunkOf(Object a) {
        return a instanceof long[] ? LONG_CHUNK : CHUNK;
    }

    private final long cycle;
    /**
     * Per state array: its pieces, in order: an {@code int[]} of {@link PieceSlabs} handles
     * for a flat primitive array, else an {@code Object[]} of arrays (or of {@link Block}s).
     */
    private final Object[] pieces;
    /** Per state array: its {@link PieceSlabs#kindOf kind}, or -1. */
    private final int[] kinds;
    private final PieceSlabs slabs;
    private final long bytes;
    private final int memoriesRead;

    private FabricSnapshot(long cycle, Object[] pieces, int[] kinds, PieceSlabs slabs, long bytes, int memoriesRead) {
        this.cycle = cycle;
        this.pieces = pieces;
        this.kinds = kinds;
        this.slabs = slabs;
        this.bytes = bytes;
        this.memoriesRead = memoriesRead;
    }

    /**
     * How many PE memories taking this snapshot read (compared or copied); the others were
     * not visited since the snapshot before it, whose copies it shares unread.
     */
    public int memoriesRead() {
        return memoriesRead;
    }

    public long cycle() {
        return cycle;
    }

    /** Heap this snapshot copied: what it holds beyond the snapshot it was taken after (all of it if none). */
    public long bytes() {
        return bytes;
    }

    /**
     * Heap held by pieces that {@code other} does not share at the same place (all of them
     * if {@code other} is null). A piece equal to its neighbour's (PE memories stored once,
     * empty pieces) is counted once; one shared further apart may be counted twice, so the
     * figure errs high, never low. Linear, without hashing: it is recounted after thinning.
     */
    public long bytesBeyond(FabricSnapshot other) {
        long b = 0;
        for (int a = 0; a < pieces.length; a++) {
            Object theirs = other == null ? null : other.pieces[a];
            if (pieces[a] == theirs) {
                continue;
            }
            if (pieces[a] instanceof int[] mine) {
                b += 16 + 4L * mine.length;   // the pieces themselves are the slabs' (heldBytes)
                continue;
            }
            Object[] mine = (Object[]) pieces[a];
            Object[] t = (Object[]) theirs;
            b += 16 + 8L * mine.length;
            for (int i = 0; i < mine.length; i++) {
                Object p = mine[i];
                if (p instanceof Block block) {
                    b += blockBytesBeyond(block, t == null ? null : t[i]);
                } else if (p != null && (t == null || t[i] != p) && p != NULLS) {
                    b += sizeOf(p);
                }
            }
        }
        return b;
    }

    /** {@link #bytesBeyond} of one block of PEs, against the piece {@code theirs} at its place. */
    private static long blockBytesBeyond(Block mine, Object theirs) {
        if (mine == theirs) {
            return 0;
        }
        Object[] items = mine.items;
        Object[] other = theirs instanceof Block t ? t.items : null;
        long b = 16 + 8L * items.length;
        for (int j = 0; j < items.length; j++) {
            Object p = items[j];
            if (p != null && (other == null || other[j] != p) && (j == 0 || items[j - 1] != p)) {
                b += sizeOf(p);
            }
        }
        return b;
    }

    /**
     * How many PEs a snapshot of {@code f} taken after its base (the last snapshot taken or
     * restored) would read: those visited or written since; all of them when there is no base.
     */
    public static int pesToRead(Fabric f) {
        if (f.base == null) {
            return f.n;
        }
        int marked = 0;
        for (long w : f.touched) {
            marked += Long.bitCount(w);
        }
        return marked;
    }

    /** What a whole snapshot of {@code f} would hold, without taking one. */
    public static long estimateBytes(Fabric f) {
        long bytes = 0;
        for (Object a : f.mutableState()) {
            if (a instanceof Object[] per && (a instanceof byte[][] || a instanceof int[][])) {
                bytes += 16 + 8L * per.length;
                for (Object x : per) {
                    bytes += x == null ? 0 : sizeOf(x);
                }
            } else {
                bytes += sizeOf(a);
            }
        }
        return bytes;
    }

    public static FabricSnapshot of(Fabric f) {
        return of(f, null);
    }

    /**
     * A snapshot of {@code f} that shares with {@code previous} (a snapshot of the same
     * fabric, or null) every piece still equal to the live state.
     */
    public static FabricSnapshot of(Fabric f, FabricSnapshot previous) {
        return of(f, previous, null);
    }

    /**
     * As {@link #of(Fabric, FabricSnapshot)}, asking {@code giveUp} now and then as it goes
     * (every few hundred pieces or a few thousand PEs): once it says true, the snapshot is
     * given up, the slots it filled are freed, and this returns null. The fabric is as if none
     * had been begun. (A full-wafer snapshot takes seconds on a loaded machine, and the explorer
     * gives it up rather than keep a Pause waiting for it.)
     */
    public static FabricSnapshot of(Fabric f, FabricSnapshot previous, java.util.function.BooleanSupplier giveUp) {
        PieceSlabs slabs = PieceSlabs.of(f);
        if (previous != null && previous.slabs != slabs) {
            previous = null;   // another fabric's snapshot: its handles mean nothing here
        }
        slabs.begin(giveUp);
        try {
            return takeInto(f, previous, slabs);
        } catch (PieceSlabs.GivenUp e) {
            slabs.giveUp();
            return null;
        } finally {
            slabs.end();
        }
    }

    /** The pieces go into {@code f}'s slabs, into the slots of dropped snapshots where there are free ones. */
    private static FabricSnapshot takeInto(Fabric f, FabricSnapshot previous, PieceSlabs slabs) {
        List<Object> live = f.mutableState();
        Object[] pieces = new Object[live.size()];
        int[] kinds = new int[live.size()];
        long[] copied = new long[1];
        long[] read = new long[1];
        slabs.takeNewBytes();
        // pieces of PEs not visited since `previous` was taken (or restored) are its very pieces
        Marks marks = previous != null && f.base == previous ? Marks.of(f) : null;
        for (int a = 0; a < pieces.length; a++) {
            slabs.mayGiveUp();
            Object array = live.get(a);
            kinds[a] = array == f.sram ? PieceSlabs.MEMORY : PieceSlabs.kindOf(array);
            Object before = previous == null ? null : previous.pieces[a];
            Dirty dirty = marks == null ? null : marks.forArray(f, array);
            Object now = array == f.sram ? SlabPieces.ofMemories(f.sram, (int[]) before, dirty, slabs, read)
                    : kinds[a] >= 0 ? SlabPieces.ofArray(array, kinds[a], chunkOf(array), (int[]) before, dirty, slabs)
                    : piecesOf(array, (Object[]) before, copied, dirty);
            if (before != null && sameItems(now, before)) {
                pieces[a] = before;
            } else {
                pieces[a] = now;
                copied[0] += 16 + (now instanceof int[] h ? 4L * h.length : 8L * ((Object[]) now).length);
            }
        }
        slabs.end();   // from here on it is kept
        for (int a = 0; a < pieces.length; a++) {
            if (pieces[a] instanceof int[] handles) {
                for (int h : handles) {
                    slabs.hold(kinds[a], h);
                }
            }
        }
        copied[0] += slabs.takeNewBytes();
        slabs.snapshotTaken();
        FabricSnapshot s = new FabricSnapshot(f.cycle, pieces, kinds, slabs, copied[0], (int) read[0]);
        f.follow(s);
        return s;
    }

    public void restoreInto(Fabric f) {
        List<Object> live = f.mutableState();
        // the base's pieces are in place where nothing is marked; its handles compare with ours only in one store
        FabricSnapshot base = f.base != null && f.base.slabs == slabs ? f.base : null;
        Marks marks = base == null ? null : Marks.of(f);
        for (int a = 0; a < pieces.length; a++) {
            Dirty dirty = marks == null ? null : marks.forArray(f, live.get(a));
            if (pieces[a] instanceof int[] handles) {
                int[] was = base == null ? null : (int[]) base.pieces[a];
                if (live.get(a) == f.sram) {
                    SlabPieces.restoreMemories(handles, f.sram, was, dirty, slabs);
                } else {
                    SlabPieces.restoreArray(handles, kinds[a], chunkOf(live.get(a)), live.get(a), was, dirty, slabs);
                }
            } else {
                restore((Object[]) pieces[a], live.get(a));
            }
        }
        f.cycle = cycle;
        // the sleepers and dozers are others now: the next step files them afresh
        f.keptFor = null;
        f.follow(this);
    }

    /**
     * The PEs whose state may differ from the fabric's base snapshot: those marked touched,
     * and with their neighbours for the arrays the commit phase pushes into.
     */
    private record Marks(long[] touched, long[] near, PieceOwners owners) {
        static Marks of(Fabric f) {
            return new Marks(f.touched, PieceOwners.withNeighbours(f.touched, f.width),
                    PieceOwners.of(f, PieceSlabs.of(f)::mayGiveUp));
        }

        /** What decides, piece by piece, whether live array {@code a} may have changed there; null: read it all. */
        Dirty forArray(Fabric f, Object a) {
            if (a == f.sram) {
                return new Dirty(touched, null);
            }
            int[][] t = owners.forArray(f, a);
            return t == null ? null : new Dirty(PieceOwners.fedByNeighbours(f, a) ? near : touched, t);
        }
    }

    /** Marked PEs, and per piece the PEs it holds (null for a per-PE array, whose piece i is PE i's). */
    record Dirty(long[] marks, int[][] owners) {
        boolean piece(int k) {
            return PieceOwners.anyMarked(marks, owners[0][k], owners[1][k]);
        }

        boolean pe(int p) {
            return (marks[p >>> 6] & (1L << p)) != 0;
        }
    }

    /**
     * Lets go of {@code dropped}'s pieces: the slab slots that no kept snapshot names are
     * freed for later snapshots. The caller no longer keeps {@code dropped}, and it must not
     * be the fabric's base.
     */
    public static void recycle(FabricSnapshot dropped) {
        for (int a = 0; a < dropped.pieces.length; a++) {
            if (dropped.pieces[a] instanceof int[] handles) {
                for (int h : handles) {
                    dropped.slabs.release(dropped.kinds[a], h);
                }
            }
        }
        dropped.slabs.trimTail();    // slabs left with nothing in them go back to the heap
        dropped.slabs.planAhead();   // the slots freed may stand in for fresh slabs
    }

    /**
     * The snapshot {@code f} was last taken into or restored from: its pieces are what the next
     * snapshot or restore compares against, so it must not be {@link #recycle recycled}.
     */
    public static FabricSnapshot baseOf(Fabric f) {
        return f.base;
    }

    /** Heap the slabs of {@code f}'s snapshots hold in pieces in use, each distinct piece once. */
    public static long heldBytes(Fabric f) {
        return f.slabs == null ? 0 : f.slabs.heldBytes();
    }

    /**
     * Heap the slabs of {@code f}'s snapshots take, free slots included: slabs are never given
     * back, so this is what the pieces ever held at once, at most, and what the heap keeps.
     */
    public static long slabBytes(Fabric f) {
        return f.slabs == null ? 0 : f.slabs.slabBytes();
    }

    /** Heap the bookkeeping of {@code f}'s snapshot slabs takes (slot counts, hashes and their index). */
    public static long indexBytes(Fabric f) {
        return f.slabs == null ? 0 : f.slabs.indexBytes();
    }

    /** Heap of fresh slabs made ahead for {@code f}'s next snapshots (ready or in the making), not yet taken. */
    public static long aheadBytes(Fabric f) {
        return f.slabs == null ? 0 : f.slabs.aheadBytes();
    }

    /** What the slabs made ahead for {@code f} count for against a budget (two slabs when made ahead, else 0). */
    public static long aheadReserve(Fabric f) {
        return f.slabs == null ? 0 : f.slabs.aheadReserve();
    }

    /**
     * Fresh slabs of {@code f}'s snapshots that were made ahead on another thread and taken
     * ready, and those made on the simulation thread because none was ready.
     */
    public static long[] slabsMade(Fabric f) {
        return f.slabs == null ? new long[2] : f.slabs.slabsMade();
    }

    /**
     * Makes {@code f}'s snapshot slabs ahead of need on another thread, or never, whatever
     * its size (by default only a fabric whose slabs are a MB or more has them made ahead).
     * Before its first snapshot only.
     */
    public static void makeSlabsAhead(Fabric f, boolean ahead) {
        PieceSlabs.of(f, ahead ? PieceSlabs.makerThread() : null);
    }

    /** CPU that the second thread preparing {@code f}'s snapshots and writing its restores has spent ({@link PrepareAhead}). */
    public static long helperCpuNanos(Fabric f) {
        return f.slabs == null ? 0 : f.slabs.prepareAhead().helperCpuNanos();
    }

    /** Bytes of pieces written into the slots of dropped snapshots rather than new ones, for this fabric. */
    public static long reusedBytes(Fabric f) {
        return f.slabs == null ? 0 : f.slabs.reusedBytes();
    }

    /** True when both lists hold the very same pieces: an array that did not change shares even its list. */
    private static boolean sameItems(Object a, Object b) {
        if (a instanceof int[] x) {
            return b instanceof int[] y && Arrays.equals(x, y);
        }
        Object[] x = (Object[]) a;
        if (!(b instanceof Object[] y) || x.length != y.length) {
            return false;
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i] != y[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The pieces of live array {@code a} (of objects, or of an int array per PE), shared with
     * {@code before} where equal; adds the bytes copied to {@code copied[0]}.
     */
    private static Object[] piecesOf(Object a, Object[] before, long[] copied, Dirty dirty) {
        if (a instanceof int[][] perPe) {
            return blocks(perPe.length, before, copied, (i, old) -> {
                int[] x = perPe[i];
                Object out = x == null ? null : old instanceof int[] o && Arrays.equals(o, x) ? o : x.clone();
                if (x != null && out != old) {
                    copied[0] += sizeOf(x);
                }
                return out;
            });
        }
        // an array of objects (the PEs' fault messages): pieces of their own, all-null ones shared
        Object[] x = (Object[]) a;
        Object[] out = new Object[(x.length + CHUNK - 1) / CHUNK];
        for (int k = 0; k < out.length; k++) {
            int from = k * CHUNK;
            int to = Math.min(x.length, from + CHUNK);
            Object[] old = before == null ? null : (Object[]) before[k];
            if (old != null && Arrays.equals(x, from, to, old, 0, to - from)) {
                out[k] = old;
            } else if (to - from == CHUNK && Arrays.equals(x, from, to, NULLS, 0, CHUNK)) {
                out[k] = NULLS;
            } else {
                out[k] = Arrays.copyOfRange(x, from, to);
                copied[0] += sizeOf(out[k]);
            }
        }
        return out;
    }

    /** A PE's piece, given the piece it had in the snapshot before (or null). */
    private interface PePiece {
        Object of(int pe, Object old);
    }

    /**
     * The blocks of a per-PE array of {@code n} PEs: a block whose PEs all kept the piece
     * they had in {@code before} is {@code before}'s block.
     */
    private static Object[] blocks(int n, Object[] before, long[] copied, PePiece piece) {
        Object[] out = new Object[(n + PE_BLOCK - 1) / PE_BLOCK];
        for (int k = 0; k < out.length; k++) {
            int from = k * PE_BLOCK;
            Object[] old = before == null ? null : ((Block) before[k]).items;
            Object[] items = new Object[Math.min(n, from + PE_BLOCK) - from];
            boolean same = old != null;
            for (int j = 0; j < items.length; j++) {
                Object was = old == null ? null : old[j];
                items[j] = piece.of(from + j, was);
                same &= items[j] == was;
            }
            if (same) {
                out[k] = before[k];
            } else {
                out[k] = new Block(items);
                copied[0] += 16 + 8L * items.length;
            }
        }
        return out;
    }

    /** The piece of an all-null object array, shared by every such piece. */
    private static final Object[] NULLS = new Object[CHUNK];

    /**
     * Copies {@code pieces} into {@code live}, an array of objects or of int arrays per PE:
     * small arrays (fault messages, host streams), copied whole. The slabs' pieces, most of
     * the state, are restored by {@link SlabPieces}, which skips those already in place.
     */
    private static void restore(Object[] pieces, Object live) {
        if (live instanceof int[][] perPe) {
            for (int k = 0; k < pieces.length; k++) {
                Object[] items = ((Block) pieces[k]).items;
                for (int j = 0; j < items.length; j++) {
                    perPe[k * PE_BLOCK + j] = items[j] == null ? null : ((int[]) items[j]).clone();
                }
            }
        } else {
            Object[] x = (Object[]) live;
            for (int k = 0; k < pieces.length; k++) {
                int from = k * CHUNK;
                System.arraycopy(pieces[k], 0, x, from, Math.min(CHUNK, x.length - from));
            }
        }
    }

    private static long sizeOf(Object a) {
        if (a instanceof int[] x) {
            return 16 + 4L * x.length;
        }
        if (a instanceof long[] x) {
            return 16 + 8L * x.length;
        }
        if (a instanceof byte[] x) {
            return 16 + x.length;
        }
        if (a instanceof short[] x) {
            return 16 + 2L * x.length;
        }
        return 16 + 8L * ((Object[]) a).length;
    }
}
