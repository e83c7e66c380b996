package org.waferscope.engine.fabric;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Where the snapshots of one fabric keep the pieces of its flat primitive arrays: slots of
 * one piece each, carved from slabs of up to {@link #MAX_SLAB_BYTES}, and named by an int handle.
 *
 * <p>Why slabs: a full-wafer snapshot copies up to half a GB, which as separate 2 KB arrays
 * is a quarter of a million young objects that the collector must then copy into the old
 * generation (seconds of pauses per snapshot, and a heap that grows to hold both copies).
 * A slab of megabytes is allocated by G1 straight into the old generation and never moved,
 * so a snapshot's copy costs a copy and nothing more. Slabs are a sixty-fourth of the
 * fabric's state (64 KB to 16 MB), so that a small fabric does not take megabytes per kind.
 *
 * <p>Equal pieces are stored once, wherever they are: on a full wafer most PEs of a program
 * are in one of a few states, and a piece holds the records of a few PEs, so the pieces that
 * a snapshot copies come in few kinds (allreduce at full wafer: 69 distinct pieces of the
 * core records among 23,562, 701 of the microthread records among 153,100). A hash finds
 * the candidate: of a copy, its content's, compared in full; of a difference, its bytes' and
 * its root's, which are equal for equal pieces told against one root (most of them: PEs that
 * started alike share their root), compared byte by byte.
 *
 * <p>Handle 0 is a piece of zeros (most queues, counters and buffers are empty); handle
 * {@code h > 0} is slot {@code h - 1} of the element type's slabs; {@code h < 0} is a piece
 * that changed, kept as its difference from the root of the one at its place in the snapshot
 * before (the copy or zeros that one was told against, or was: {@link PieceDeltas},
 * {@link #take}), which it holds a reference on. A slot is written once,
 * when its piece is first taken, and never again until it is freed; each place of each
 * snapshot that names it holds a reference ({@link #hold}), and it is freed when the last
 * is let go ({@link #release}), to be filled again by a later snapshot. So a handle names
 * one content for as long as any snapshot names it.
 *
 * <p>Fresh slabs are made ahead of need on another thread ({@link SlabMaker}): up to two
 * between snapshots (as many as the last one filled beyond the free slots), and one more as
 * each is taken, so that a snapshot pays for its copies and not for the first touch of new
 * memory.
 *
 * <p>Threads: the simulation thread only (the {@link SlabMaker}s hand slabs over from theirs,
 * and {@link PrepareAhead}'s helper reads, through {@link #view}, what was held when a snapshot began).
 */
final class PieceSlabs {
    /** Bytes per slab at most: half of G1's region on heaps up to 32 GB, so slabs are never copied. */
    static final int MAX_SLAB_BYTES = 16 << 20;

    private final SlabKind ints;
    private final SlabKind longs;
    private final SlabKind bytes;
    private final SlabKind shorts;
    private final SlabKind memories;
    private final SlabKind[] all;

    private PieceSlabs(long stateBytes, Executor maker, Executor helper, int batchBytes) {
        int slab = Integer.highestOneBit((int) Math.max(64 << 10, Math.min(MAX_SLAB_BYTES, stateBytes / 64)));
        ints = new SlabKind(FabricSnapshot.CHUNK, int.class, 4, slab, maker);
        longs = new SlabKind(FabricSnapshot.LONG_CHUNK, long.class, 8, slab, maker);
        bytes = new SlabKind(FabricSnapshot.CHUNK, byte.class, 1, slab, maker);
        shorts = new SlabKind(FabricSnapshot.CHUNK, short.class, 2, slab, maker);
        memories = new SlabKind(MEMORY_CHUNK, byte.class, 1, slab, maker);
        all = new SlabKind[] {ints, longs, bytes, shorts, memories};
        prepare = new PrepareAhead(all, helper, batchBytes);
    }

    /** Who prepares a snapshot's pieces: this thread, and a second one where that pays. */
    private final PrepareAhead prepare;
    /** Each kind's pieces as they were when the snapshot being taken began, for preparing its pieces. */
    private PiecePrep.View[] views;

    PrepareAhead prepareAhead() {
        return prepare;
    }

    /** Kind {@code kind} as it was when the snapshot being taken began ({@link #begin}). */
    PiecePrep.View view(int kind) {
        return views[kind];
    }

    /** Bytes of a whole piece of kind {@code kind}. */
    int pieceBytes(int kind) {
        return all[kind].chunk * all[kind].width;
    }

    /**
     * The thread that makes slabs ahead ({@link SlabMaker}): one, made when there is work and
     * ended after a few idle seconds, so that a fabric dropped leaves no thread behind.
     */
    static Executor makerThread() {
        return new ThreadPoolExecutor(0, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "snapshot slabs ahead");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Slabs to have ready between snapshots, over all kinds: two (16 MB at full wafer), which
     * the explorer holds beyond its snapshots while they wait; more are made as they are taken.
     */
    private static final int AHEAD_SLABS = 2;

    /** The kind of the pieces of PE memories: {@link #MEMORY_CHUNK} bytes, as most PEs' memories are small. */
    static final int MEMORY = 4;
    /** Bytes per piece of a PE memory: a memory is its own pieces, so this is also what a small one wastes. */
    static final int MEMORY_CHUNK = 128;
    private long newBytes;
    /** Asked now and then while a snapshot is taken; true gives it up (null: never). */
    private java.util.function.BooleanSupplier giveUp;

    /** Thrown where a snapshot being taken is given up; {@link FabricSnapshot} catches it. */
    static final class GivenUp extends RuntimeException {
        private static final GivenUp INSTANCE = new GivenUp();

        private GivenUp() {
            super("snapshot given up", null, false, false);
        }
    }

    /** Per PE, where its memory's pieces start in a snapshot's list of them (a memory never changes size). */
    private int[] memoryStart;

    /** Where each PE's memory pieces start, and their count at index {@code sram.length}. */
    int[] memoryStart(byte[][] sram) {
        if (memoryStart == null) {
            int[] start = new int[sram.length + 1];
            for (int p = 0; p < sram.length; p++) {
                int len = sram[p] == null ? 0 : sram[p].length;
                start[p + 1] = start[p] + (len + MEMORY_CHUNK - 1) / MEMORY_CHUNK;
            }
            memoryStart = start;
        }
        return memoryStart;
    }

    /** The store of {@code f}'s snapshots, made at its first snapshot. */
    static PieceSlabs of(Fabric f) {
        if (f.slabs == null) {
            f.slabs = of(f, SlabMaker.aheadWanted(FabricSnapshot.estimateBytes(f)) ? makerThread() : null);
        }
        return f.slabs;
    }

    /**
     * The store of {@code f}'s snapshots, its fresh slabs made ahead by {@code ahead} (null:
     * each made when needed); {@code f} has none yet.
     */
    static PieceSlabs of(Fabric f, Executor ahead) {
        long state = FabricSnapshot.estimateBytes(f);
        return of(f, ahead, PrepareAhead.wanted(state) ? PrepareAhead.helperThread() : null, PieceBatch.BYTES);
    }

    /**
     * As {@link #of(Fabric, Executor)}, its pieces prepared ahead by {@code helper} as well (null:
     * on the simulation thread alone), in batches of about {@code batchBytes} of pieces.
     */
    static PieceSlabs of(Fabric f, Executor ahead, Executor helper, int batchBytes) {
        if (f.slabs != null) {
            throw new IllegalStateException("the fabric's snapshots already have their slabs");
        }
        f.slabs = new PieceSlabs(FabricSnapshot.estimateBytes(f), ahead, helper, batchBytes);
        return f.slabs;
    }

    /** The kind of arrays like {@code a}, for {@link #take} and the rest: 0 to 3, or -1 when not kept here. */
    static int kindOf(Object a) {
        return a instanceof int[] ? 0 : a instanceof long[] ? 1 : a instanceof byte[] ? 2 : a instanceof short[] ? 3 : -1;
    }

    /**
     * Whether pieces that changed are kept as their difference from the piece before them
     * ({@link PieceDeltas}): the system property {@code waferscope.snapshotDeltas} when the
     * slabs are made, {@code on} unless {@code off} (for measuring).
     */
    static boolean deltasWanted() {
        return !"off".equals(System.getProperty("waferscope.snapshotDeltas"));
    }

    /**
     * The handle of a piece equal to {@code a}[from, to), given {@code was}, the handle at the
     * same place in the snapshot before (0 if none): {@code was} itself if equal, zeros, its
     * root, any equal piece already held, else a new one: told as its difference from
     * {@code was}'s root (a copy, or zeros) where that is short, else from {@code was} itself
     * where that is short ({@link PieceDeltas}), or copied whole. The caller {@link #hold}s it
     * for each place.
     */
    int take(int kind, Object a, int from, int to, int was) {
        SlabKind k = all[kind];
        PieceBatch one = new PieceBatch();
        one.clear(1, k.chunk * k.width);
        PiecePrep.prepare(new PiecePrep.View(k), prepare.mine()[kind], a, from, to, was, one, 0);
        return file(kind, a, from, to, one, 0);
    }

    /**
     * The handle of piece {@code i} of {@code prepared}, {@code a}[from, to), as {@link #take}
     * gives it: what {@link PiecePrep#prepare} found there, looked up among the pieces held
     * (those this snapshot kept so far included) and kept if new. In the pieces' order, so
     * that a snapshot is the same whichever thread prepared them.
     */
    int file(int kind, Object a, int from, int to, PieceBatch prepared, int i) {
        SlabKind k = all[kind];
        int what = prepared.what[i];
        if (what == PieceBatch.HELD) {
            return prepared.handle[i];
        }
        int h = prepared.hash[i];
        if (what == PieceBatch.COPY) {
            return copy(k, a, from, to, h);
        }
        PieceDeltas d = k.deltas;
        byte[] diff = prepared.diffs;
        int at = i * prepared.stride;
        int length = prepared.length[i];
        int ref = prepared.handle[i];
        int seen = k.recent(h);
        if (seen < 0 && d.ref(seen) == ref && d.isEncoding(seen, diff, at, length)) {
            return seen;
        }
        seen = SlabKind.handleOf(k.byHash.get(h));
        if (seen < 0 ? d.ref(seen) == ref && d.isEncoding(seen, diff, at, length)
                : seen > 0 && k.sameCopy(a, from, to, seen - 1)) {
            k.noteRecent(h, seen);
            return seen;
        }
        int handle = d.add(diff, at, length, ref, prepared.root[i], h);
        k.noteRecent(h, handle);
        hold(k, ref);   // the delta's own: what it is told against stays while it does
        if (seen == 0) {
            k.byHash.put(h, SlabKind.indexValue(handle));
        }
        newBytes += d.slotBytes(handle);
        return handle;
    }

    /** An equal piece already held (found by its content's hash), else a copy of {@code a}[from, to). */
    private int copy(SlabKind k, Object a, int from, int to, int h) {
        int seen = SlabKind.handleOf(k.byHash.get(h));
        if (seen != 0 && same(k, a, from, to, seen)) {
            return seen;
        }
        int slot = k.put(a, from, to, h, seen == 0);
        newBytes += (long) (to - from) * k.width;
        return slot + 1;
    }

    /** One more place of a snapshot names {@code handle} (of kind {@code kind}). */
    void hold(int kind, int handle) {
        hold(all[kind], handle);
    }

    private static void hold(SlabKind k, int handle) {
        if (handle > 0) {
            k.refs[handle - 1]++;
        } else if (handle < 0) {
            k.deltas.hold(handle);
        }
    }

    /**
     * A place that named {@code handle} is dropped; the last one frees its slot for a later
     * snapshot (a delta's then lets go of the piece it was told against).
     */
    void release(int kind, int handle) {
        release(all[kind], handle);
    }

    private static void release(SlabKind k, int handle) {
        while (handle < 0) {
            int id = PieceDeltas.id(handle);
            if (k.deltas.letGo(id) > 0) {
                return;
            }
            k.byHash.remove(k.deltas.hash(id), SlabKind.indexValue(handle));
            k.forgetRecent();
            handle = k.deltas.free(id);   // what it was told against, which it held
        }
        if (handle == 0) {
            return;
        }
        int slot = handle - 1;
        if (--k.refs[slot] > 0) {
            return;
        }
        k.free(slot);
    }

    /**
     * Gives back each kind's last slabs whose slots are all free (most often the newest pieces of
     * a snapshot just dropped: a snapshot fills freed slots first, then fresh slabs), so that the
     * heap the slabs hold follows the snapshots kept and not the most ever kept at once. Between
     * snapshots only (a slot being filled holds no reference yet).
     */
    void trimTail() {
        for (SlabKind k : all) {
            k.trimTail();
        }
    }

    /**
     * A snapshot begins: {@link #mayGiveUp} asks {@code when} (null: never), so that a
     * full-wafer snapshot, seconds long on a loaded machine, need not keep a Pause waiting;
     * the slots it fills are noted, to be freed if it is given up.
     */
    void begin(java.util.function.BooleanSupplier when) {
        giveUp = when;
        views = new PiecePrep.View[all.length];
        for (int i = 0; i < all.length; i++) {
            views[i] = new PiecePrep.View(all[i]);
        }
        for (SlabKind k : all) {
            k.usedMark = k.used;
            k.freeMark = k.freeCount;
            if (k.deltas != null) {
                k.deltas.begin();
            }
        }
    }

    /** Throws {@link GivenUp} if the snapshot being taken is to be given up. */
    void mayGiveUp() {
        if (giveUp != null && giveUp.getAsBoolean()) {
            throw GivenUp.INSTANCE;
        }
    }

    /**
     * The snapshot begun is given up before it held any slot: those it filled are free again
     * (nothing is released while a snapshot is taken, so the free slots it took are still
     * listed past {@code freeCount}, and the new ones are those past {@code usedMark}).
     */
    void giveUp() {
        for (SlabKind k : all) {
            if (k.deltas != null) {
                for (int id : k.deltas.made()) {
                    k.byHash.remove(k.deltas.hash(id), SlabKind.indexValue(-(id + 1)));
                    k.forgetRecent();
                    release(k, k.deltas.free(id));   // the delta's own reference on what it was told against
                }
            }
            for (int i = k.freeCount; i < k.freeMark; i++) {
                k.byHash.remove(k.hashes[k.free[i]], SlabKind.indexValue(k.free[i] + 1));
            }
            k.freeCount = k.freeMark;
            for (int slot = k.usedMark; slot < k.used; slot++) {
                k.free(slot);
            }
        }
        giveUp = null;
    }

    /** The snapshot begun is kept (or given up): nothing is asked any more. */
    void end() {
        giveUp = null;
        views = null;   // they hold slabs that a dropped snapshot may give back
    }

    /** A snapshot has been taken: what it filled is the guess of what the next one will. */
    void snapshotTaken() {
        for (SlabKind k : all) {
            k.lastFilled = k.filled;
            k.filled = 0;
        }
        planAhead();
    }

    /**
     * Asks each kind's {@link SlabMaker} for the fresh slabs the next snapshot will want: as
     * many slots as the last one filled, less the freed and unused ones there are, and no
     * more than {@link #AHEAD_SLABS} in all (a full-wafer snapshot after a launch fills 12 and
     * the next one 1; the makers make more while a snapshot takes them). Called after a snapshot and after one is dropped
     * (whose freed slots may make fresh slabs unneeded).
     */
    void planAhead() {
        int left = AHEAD_SLABS;
        for (SlabKind k : all) {
            long lacking = k.lastFilled - k.spareSlots();
            int slabs = lacking <= 0 ? 0 : (int) Math.min(left, (lacking + k.perSlab - 1) / k.perSlab);
            k.maker.keepReady(slabs);
            left -= slabs;
        }
    }

    /** Slabs made ahead and taken, and those made when needed because none was ready. */
    long[] slabsMade() {
        long[] out = new long[2];
        for (SlabKind k : all) {
            long[] c = k.maker.counts();
            out[0] += c[0];
            out[1] += c[1];
        }
        return out;
    }

    /** Bytes the slots in use hold: the pieces of every snapshot held, each distinct one once. */
    long heldBytes() {
        long b = 0;
        for (SlabKind k : all) {
            b += k.heldBytes();
        }
        return b;
    }

    /** Bytes of new slots written so far (every put that found no equal piece), and reset the count. */
    long takeNewBytes() {
        long b = newBytes;
        newBytes = 0;
        return b;
    }

    /** Whether {@code a}[from, to) equals the piece {@code handle} names. */
    boolean same(int kind, Object a, int from, int to, int handle) {
        return same(all[kind], a, from, to, handle);
    }

    private static boolean same(SlabKind k, Object a, int from, int to, int handle) {
        if (handle == 0) {
            return PieceContent.isZero(a, from, to);
        }
        if (handle > 0) {
            return k.sameCopy(a, from, to, handle - 1);
        }
        if (k.deltas.depth(handle) > 1) {
            get(k, handle, k.compared, 0, to - from);
            return PieceContent.equal(a, from, to, k.compared, 0);
        }
        // told against its root: equal if its difference from the root is the delta's (no longer, the same bytes)
        byte[] slab = k.deltas.slab(handle);
        int length = PieceXor.length(slab, k.deltas.offset(handle));
        return k.encode(a, from, to, k.deltas.root(handle), k.check, length) == length
                && k.deltas.isEncoding(handle, k.check, 0, length);
    }

    /** Copies the piece {@code handle} names into {@code live}[from, to). */
    void get(int kind, int handle, Object live, int from, int to) {
        get(all[kind], handle, live, from, to);
    }

    private static void get(SlabKind k, int handle, Object live, int from, int to) {
        if (handle == 0) {
            PieceContent.zero(live, from, to);
        } else if (handle > 0) {
            System.arraycopy(k.slabOf(handle - 1), k.offset(handle - 1), live, from, to - from);
        } else {
            get(k, k.deltas.ref(handle), live, from, to);
            PieceXor.apply(k.deltas.slab(handle), k.deltas.offset(handle), live, from, to);
        }
    }

    /** Bytes of pieces written into freed slots rather than new ones. */
    long reusedBytes() {
        long b = 0;
        for (SlabKind k : all) {
            b += k.reused;
        }
        return b;
    }

    /**
     * Heap the slots' bookkeeping takes: per slot its reference count and content hash, the
     * hash index, the free list and where each PE memory's pieces start. With PE memories in
     * pieces of {@link #MEMORY_CHUNK} bytes this is about a third of what those pieces hold.
     */
    long indexBytes() {
        long b = memoryStart == null ? 0 : 16 + 4L * memoryStart.length;
        for (SlabKind k : all) {
            b += k.indexBytes();
        }
        return b;
    }

    /** Heap of the fresh slabs made ahead (or being made) and not yet taken. */
    long aheadBytes() {
        long b = 0;
        for (SlabKind k : all) {
            b += k.maker.promisedBytes();
        }
        return b;
    }

    /**
     * What the slabs made ahead are counted as against a budget: {@link #AHEAD_SLABS} slabs when
     * they are made ahead (what is kept ready between snapshots), whatever the maker's thread has
     * got to, so that what a budget decides does not depend on another thread's timing.
     */
    long aheadReserve() {
        return !ints.maker.ahead() ? 0 : (long) AHEAD_SLABS * ints.perSlab * ints.chunk * ints.width;
    }

    /** Heap the slabs take (free slots included). */
    long slabBytes() {
        long b = 0;
        for (SlabKind k : all) {
            b += k.slabBytes();
        }
        return b;
    }
}
