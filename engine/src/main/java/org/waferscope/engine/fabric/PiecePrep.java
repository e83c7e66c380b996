package org.waferscope.engine.fabric;

/**
 * The part of taking a piece into a snapshot that reads only what the slabs held when the
 * snapshot began ({@link PieceSlabs#take}): whether the piece is the one before, zeros or its
 * root, else its difference from its root or from the piece before (which needs that one
 * rebuilt), or its content hash. At full wafer this is most of a snapshot's CPU (Game of Life:
 * every piece changes, and a chain is rebuilt and encoded twice per piece), and pieces are
 * independent of one another here, so it may run on another thread ahead of the simulation
 * thread, which then files what was found in order: the snapshot is the same, whichever
 * thread prepared which piece.
 *
 * <p>Threads: any, one {@link Scratch} each; what it reads is fixed when the snapshot begins
 * ({@link View}).
 */
final class PiecePrep {
    private PiecePrep() {
    }

    /** One thread's room for rebuilding and encoding a piece of one kind. */
    static final class Scratch {
        /** A piece rebuilt from a delta (what a new piece is told against). */
        final Object against;
        /** Two differences being made (each a piece's half, and room for a group more). */
        final byte[] out;
        final byte[] check;

        Scratch(SlabKind k) {
            against = java.lang.reflect.Array.newInstance(k.zeros.getClass().getComponentType(), k.chunk);
            out = new byte[k.chunk * k.width / 2 + 16];
            check = new byte[k.chunk * k.width / 2 + 16];
        }
    }

    /**
     * A kind's copies and deltas as they were when a snapshot began: the slab lists copied
     * (the simulation thread adds slabs as it files), the pieces in them never written while
     * a handle names them.
     */
    static final class View {
        final SlabKind kind;
        private final Object[] copies;
        /** The deltas (null: pieces are copied whole). */
        final PieceDeltas.Reader deltas;

        View(SlabKind k) {
            kind = k;
            copies = k.slabs.toArray();
            deltas = k.deltas == null ? null : k.deltas.reader();
        }

        private Object slabOf(int slot) {
            return copies[slot / kind.perSlab];
        }

        boolean sameCopy(Object a, int from, int to, int slot) {
            return PieceContent.equal(a, from, to, slabOf(slot), kind.offset(slot));
        }

        /** As {@link SlabKind#encode}. */
        int encode(Object a, int from, int to, int root, byte[] out, int max) {
            return root == 0 ? PieceXor.encode(a, from, to, kind.zeros, 0, out, max)
                    : PieceXor.encode(a, from, to, slabOf(root - 1), kind.offset(root - 1), out, max);
        }

        /** Copies the piece {@code handle} names into {@code live}[from, to), as {@link PieceSlabs#get}. */
        void get(int handle, Object live, int from, int to) {
            if (handle == 0) {
                PieceContent.zero(live, from, to);
            } else if (handle > 0) {
                System.arraycopy(slabOf(handle - 1), kind.offset(handle - 1), live, from, to - from);
            } else {
                get(deltas.ref(handle), live, from, to);
                PieceXor.apply(deltas.slab(handle), deltas.offset(handle), live, from, to);
            }
        }
    }

    /**
     * Prepares piece {@code i} of {@code into}: {@code a}[from, to), given {@code was}, the
     * handle at its place in the snapshot before (0 if none). See {@link PieceSlabs#take} for
     * the shapes chosen.
     */
    static void prepare(View v, Scratch s, Object a, int from, int to, int was, PieceBatch into, int i) {
        if (was > 0 ? v.sameCopy(a, from, to, was - 1) : was == 0 && PieceContent.isZero(a, from, to)) {
            into.held(i, was);
            return;
        }
        PieceDeltas.Reader d = v.deltas;
        if (d == null) {
            if (was < 0) {
                throw new IllegalStateException("a delta handle without deltas");
            }
            into.copy(i, PieceContent.hash(a, from, to));
            return;
        }
        int n = to - from;
        int root = was;
        int depth = 0;
        if (was < 0) {
            root = d.root(was);
            depth = d.depth(was);
            if (depth > 1) {
                v.get(was, s.against, 0, n);   // a chain: a piece that changes much, rebuilt to be compared
                if (PieceContent.equal(a, from, to, s.against, 0)) {
                    into.held(i, was);
                    return;
                }
            }
        }
        byte[] diff = s.out;
        int ref = root;
        int max = d.maxBytes;
        int length = depth > 1 && depth < d.maxDepth ? -1 : v.encode(a, from, to, root, diff, max);
        if (length == PieceXor.HEADER) {
            into.held(i, root);   // back to its root
            return;
        }
        if (depth == 1 && length > 0 && d.isEncoding(was, diff, 0, length)) {
            into.held(i, was);   // unchanged: most pieces of the PEs visited are, and nothing was rebuilt to see it
            return;
        }
        if (depth > 0 && depth < d.maxDepth && (length < 0 || length > max / 4)) {
            // far from its root: told against the piece before, so that this snapshot holds only what changed since
            if (depth == 1) {
                v.get(was, s.against, 0, n);
            }
            int chained = PieceXor.encode(a, from, to, s.against, 0, s.check, max);
            if (depth > 1 && (chained < 0 || chained > max / 4)) {
                length = v.encode(a, from, to, root, diff, max);   // a jump: back near its root, perhaps
                if (length == PieceXor.HEADER) {
                    into.held(i, root);
                    return;
                }
            }
            if (chained >= 0 && (length < 0 || chained < length)) {
                diff = s.check;
                length = chained;
                ref = was;
            }
        }
        if (length < 0) {
            into.copy(i, PieceContent.hash(a, from, to));
            return;
        }
        // a difference is filed by its bytes and what it is told against: a few words to hash, not the piece's 2 KB
        into.diff(i, diff, length, ref, root, PieceContent.hash(diff, 0, length) ^ ref * 0x9E3779B9);
    }
}
