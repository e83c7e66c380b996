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

    /**
     * The handles of flat primitive array {@code a}'s pieces, shared with {@code before} where
     * equal, and with any equal piece the slabs hold. Where {@code dirty} says nothing can have
     * changed, {@code before}'s handle is taken unread. Prepared in batches, perhaps on two
     * threads ({@link PrepareAhead}), and filed in order.
     */
    static int[] ofArray(Object a, int kind, int chunk, int[] before, FabricSnapshot.Dirty dirty, PieceSlabs slabs) {
        int length = java.lang.reflect.Array.getLength(a);
        int[] out = new int[(length + chunk - 1) / chunk];
        PiecePrep.View view = slabs.view(kind);
        int pieceBytes = slabs.pieceBytes(kind);
        int per = slabs.prepareAhead().piecesPer(pieceBytes);
        slabs.prepareAhead().run((out.length + per - 1) / per, (b, into, scratch) -> {
            int first = b * per;
            int last = Math.min(out.length, first + per);
            into.clear(last - first, pieceBytes);
            for (int k = first; k < last; k++) {
                if (before != null && dirty != null && !dirty.piece(k)) {
                    into.held(k - first, before[k]);
                } else {
                    PiecePrep.prepare(view, scratch[kind], a, k * chunk, Math.min(length, (k + 1) * chunk),
                            before == null ? 0 : before[k], into, k - first);
                }
            }
        }, (b, prepared) -> {
            slabs.mayGiveUp();
            int first = b * per;
            for (int k = first; k < Math.min(out.length, first + per); k++) {
                int from = k * chunk;
                int to = Math.min(length, from + chunk);
                if (before != null && dirty != null && !dirty.piece(k)) {
                    assert slabs.same(kind, a, from, to, before[k]) : "a piece of " + a.getClass().getSimpleName()
                            + " changed unmarked";
                }
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
        int pieceBytes = slabs.pieceBytes(kind);
        int per = slabs.prepareAhead().piecesPer(pieceBytes);
        slabs.prepareAhead().run((out.length + per - 1) / per, (b, into, scratch) -> {
            int first = b * per;
            int last = Math.min(out.length, first + per);
            into.clear(last - first, pieceBytes);
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
        }, (b, prepared) -> {
            slabs.mayGiveUp();
            int first = b * per;
            int last = Math.min(out.length, first + per);
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
     * {@code dirty} says cannot have changed since is already in place.
     */
    static void restoreArray(int[] handles, int kind, int chunk, Object live, int[] base, FabricSnapshot.Dirty dirty,
            PieceSlabs slabs) {
        int length = java.lang.reflect.Array.getLength(live);
        int per = slabs.prepareAhead().piecesPer(slabs.pieceBytes(kind));
        slabs.prepareAhead().share((handles.length + per - 1) / per, b -> {
            for (int k = b * per; k < Math.min(handles.length, (b + 1) * per); k++) {
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
        int per = slabs.prepareAhead().piecesPer(slabs.pieceBytes(PieceSlabs.MEMORY));
        slabs.prepareAhead().share((handles.length + per - 1) / per, b -> {
            int first = b * per;
            int last = Math.min(handles.length, first + per);
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
