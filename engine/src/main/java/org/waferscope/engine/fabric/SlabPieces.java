package org.waferscope.engine.fabric;

/**
 * The pieces of a snapshot that live in the fabric's {@link PieceSlabs}, as handles: those
 * of each flat primitive array, in chunks of {@link FabricSnapshot#CHUNK} elements, and of
 * every PE memory, each memory in pieces of {@link PieceSlabs#MEMORY_CHUNK} bytes of its own
 * (PE p's pieces are {@code memoryStart[p]} to {@code memoryStart[p + 1]} of the list), so that
 * a PE that was not visited keeps its pieces and equal memories are stored once.
 */
final class SlabPieces {
    private SlabPieces() {
    }

    /** Pieces [first, last) of a list: prepared into {@code batch} with {@code scratch}, or filed from it. */
    private interface Pieces {
        void of(int first, int last, PieceBatch batch, PiecePrep.Scratch[] scratch);
    }

    /**
     * The {@code count} pieces of kind {@code kind} of a list, in batches prepared perhaps on two
     * threads ({@link PrepareAhead}) and filed in order on this one (null scratch).
     */
    private static void inBatches(int count, int kind, PieceSlabs slabs, Pieces prepare, Pieces file) {
        int pieceBytes = slabs.pieceBytes(kind);
        int per = slabs.prepareAhead().piecesPer(pieceBytes);
        slabs.prepareAhead().run((count + per - 1) / per, (b, into, scratch) -> {
            int first = b * per;
            into.clear(Math.min(count, first + per) - first, pieceBytes);
            prepare.of(first, Math.min(count, first + per), into, scratch);
        }, (b, prepared) -> {
            slabs.mayGiveUp();
            file.of(b * per, Math.min(count, b * per + per), prepared, null);
        });
    }

    /** Runs {@code slice} over the {@code count} pieces of kind {@code kind} of a list, in slices, perhaps on two threads. */
    private static void inSlices(int count, int kind, PieceSlabs slabs, Pieces slice) {
        int per = slabs.prepareAhead().piecesPer(slabs.pieceBytes(kind));
        slabs.prepareAhead().share((count + per - 1) / per, b -> slice.of(b * per, Math.min(count, b * per + per), null, null));
    }

    /**
     * The handles of flat primitive array {@code a}'s pieces, shared with {@code before} where
     * equal, and with any equal piece the slabs hold. Where {@code dirty} says nothing can have
     * changed, {@code before}'s handle is taken unread.
     */
    static int[] ofArray(Object a, int kind, int chunk, int[] before, FabricSnapshot.Dirty dirty, PieceSlabs slabs) {
        int length = java.lang.reflect.Array.getLength(a);
        int[] out = new int[(length + chunk - 1) / chunk];
        PiecePrep.View view = slabs.view(kind);
        inBatches(out.length, kind, slabs, (first, last, into, scratch) -> {
            for (int k = first; k < last; k++) {
                if (before != null && dirty != null && !dirty.piece(k)) {
                    into.held(k - first, before[k]);
                } else {
                    PiecePrep.prepare(view, scratch[kind], a, k * chunk, Math.min(length, (k + 1) * chunk),
                            before == null ? 0 : before[k], into, k - first);
                }
            }
        }, (first, last, prepared, none) -> {
            for (int k = first; k < last; k++) {
                int from = k * chunk;
                int to = Math.min(length, from + chunk);
                assert before == null || dirty == null || dirty.piece(k) || slabs.same(kind, a, from, to, before[k])
                        : "a piece of " + a.getClass().getSimpleName() + " changed unmarked";
                out[k] = slabs.file(kind, a, from, to, prepared, k - first);
            }
        });
        return out;
    }

    /**
     * The handles of the PE memories' pieces, as {@link #ofArray}; {@code read[0]} counts the
     * memories read (compared or copied).
     */
    static int[] ofMemories(byte[][] sram, int[] before, FabricSnapshot.Dirty dirty, PieceSlabs slabs, long[] read) {
        int[] start = slabs.memoryStart(sram);
        int[] out = new int[start[sram.length]];
        int chunk = PieceSlabs.MEMORY_CHUNK;
        int kind = PieceSlabs.MEMORY;
        PiecePrep.View view = slabs.view(kind);
        inBatches(out.length, kind, slabs, (first, last, into, scratch) -> {
            for (int p = peOf(start, first); p < sram.length && start[p] < last; p++) {
                boolean unread = before != null && dirty != null && !dirty.pe(p);
                for (int k = Math.max(first, start[p]); k < Math.min(last, start[p + 1]); k++) {
                    int from = (k - start[p]) * chunk;
                    if (unread) {
                        into.held(k - first, before[k]);
                    } else {
                        PiecePrep.prepare(view, scratch[kind], sram[p], from, Math.min(sram[p].length, from + chunk),
                                before == null ? 0 : before[k], into, k - first);
                    }
                }
            }
        }, (first, last, prepared, none) -> {
            for (int p = peOf(start, first); p < sram.length && start[p] < last; p++) {
                boolean unread = before != null && dirty != null && !dirty.pe(p);
                if (!unread && start[p] >= first && start[p] < start[p + 1]) {
                    read[0]++;   // counted in the batch that holds its first piece
                }
                for (int k = Math.max(first, start[p]); k < Math.min(last, start[p + 1]); k++) {
                    int from = (k - start[p]) * chunk;
                    int to = Math.min(sram[p].length, from + chunk);
                    assert !unread || slabs.same(kind, sram[p], from, to, before[k]) : "PE " + p + " changed unmarked";
                    out[k] = slabs.file(kind, sram[p], from, to, prepared, k - first);
                }
            }
        });
        return out;
    }

    /** The PE whose memory's pieces hold piece {@code k} of the list ({@code start} as {@link PieceSlabs#memoryStart}). */
    private static int peOf(int[] start, int k) {
        int lo = 0;
        int hi = start.length - 1;   // start[hi] > k: the list's length
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (start[mid] <= k) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Copies the pieces {@code handles} name into {@code live}. A piece that the snapshot
     * shares with {@code base} (the snapshot the live state last equalled) and that
     * {@code dirty} says cannot have changed since is already in place. Pieces go to places of
     * their own, so perhaps on two threads.
     */
    static void restoreArray(int[] handles, int kind, int chunk, Object live, int[] base, FabricSnapshot.Dirty dirty,
            PieceSlabs slabs) {
        int length = java.lang.reflect.Array.getLength(live);
        inSlices(handles.length, kind, slabs, (first, last, none, no) -> {
            for (int k = first; k < last; k++) {
                if (base != null && dirty != null && base[k] == handles[k] && !dirty.piece(k)) {
                    continue;
                }
                slabs.get(kind, handles[k], live, k * chunk, Math.min(length, (k + 1) * chunk));
            }
        });
    }

    /** As {@link #restoreArray}, of the PE memories: a PE not visited since the base keeps its memory. */
    static void restoreMemories(int[] handles, byte[][] sram, int[] base, FabricSnapshot.Dirty dirty, PieceSlabs slabs) {
        int[] start = slabs.memoryStart(sram);
        int chunk = PieceSlabs.MEMORY_CHUNK;
        inSlices(handles.length, PieceSlabs.MEMORY, slabs, (first, last, none, no) -> {
            for (int p = peOf(start, first); p < sram.length && start[p] < last; p++) {
                byte[] m = sram[p];
                boolean inPlace = base != null && dirty != null && !dirty.pe(p);
                for (int k = Math.max(first, start[p]); k < Math.min(last, start[p + 1]); k++) {
                    if (inPlace && base[k] == handles[k]) {
                        continue;
                    }
                    int from = (k - start[p]) * chunk;
                    slabs.get(PieceSlabs.MEMORY, handles[k], m, from, Math.min(m.length, from + chunk));
                }
            }
        });
    }
}
