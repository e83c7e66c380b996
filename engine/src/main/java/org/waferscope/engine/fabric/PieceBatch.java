package org.waferscope.engine.fabric;

/**
 * What preparing a run of pieces found ({@link PiecePrep}), piece by piece, for the simulation
 * thread to file in order ({@link PieceSlabs#file}): a handle already held (the piece before,
 * zeros, its root), or a difference to look up and keep, or a content hash to look a copy up by.
 *
 * <p>Threads: filled by one thread, then read by the simulation thread after a hand-over
 * ({@link PrepareAhead}).
 */
final class PieceBatch {
    static final int HELD = 0;
    static final int DIFF = 1;
    static final int COPY = 2;

    /** Piece data a batch covers, about: 64 pieces of 2 KB, or 1,024 of a PE memory's 128 bytes. */
    static final int BYTES = 128 << 10;

    int[] what = new int[0];
    /** A {@link #HELD} piece's handle; a {@link #DIFF}'s reference. */
    int[] handle = new int[0];
    int[] root = new int[0];
    int[] hash = new int[0];
    int[] length = new int[0];
    /** The differences, piece i's at {@code i * stride}. */
    byte[] diffs = new byte[0];
    int stride;

    /** Room for {@code pieces} pieces of {@code pieceBytes} each (a difference is kept if at most half that). */
    void clear(int pieces, int pieceBytes) {
        int maxBytes = pieceBytes / 2;
        if (what.length < pieces) {
            what = new int[pieces];
            handle = new int[pieces];
            root = new int[pieces];
            hash = new int[pieces];
            length = new int[pieces];
        }
        stride = maxBytes;
        if (diffs.length < pieces * maxBytes) {
            diffs = new byte[pieces * maxBytes];
        }
    }

    void held(int i, int h) {
        what[i] = HELD;
        handle[i] = h;
    }

    void copy(int i, int contentHash) {
        what[i] = COPY;
        hash[i] = contentHash;
    }

    /** Piece i is {@code diff}[0, length) told against {@code ref}, whose root is {@code r}; filed under {@code h}. */
    void diff(int i, byte[] diff, int length, int ref, int r, int h) {
        what[i] = DIFF;
        handle[i] = ref;
        root[i] = r;
        hash[i] = h;
        this.length[i] = length;
        System.arraycopy(diff, 0, diffs, i * stride, length);
    }
}
