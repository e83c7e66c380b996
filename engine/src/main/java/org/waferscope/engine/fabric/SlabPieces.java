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
     * changed, {@code before}'s handle is taken unread.
     */
    static int[] ofArray(Object a, int kind, int chunk, int[] before, FabricSnapshot.Dirty dirty, PieceSlabs slabs) {
        int length = java.lang.reflect.Array.getLength(a);
        int[] out = new int[(length + chunk - 1) / chunk];
        for (int k = 0; k < out.length; k++) {
            if ((k & 255) == 0) {
                slabs.mayGiveUp();
            }
            int from = k * chunk;
            int to = Math.min(length, from + chunk);
            if (before != null && dirty != null && !dirty.piece(k)) {
                assert slabs.same(kind, a, from, to, before[k]) : "a piece of " + a.getClass().getSimpleName()
                        + " changed unmarked";
                out[k] = before[k];
            } else {
                out[k] = handle(a, kind, from, to, before, k, slabs);
            }
        }
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
        for (int p = 0; p < sram.length; p++) {
            if ((p & 1023) == 0) {
                slabs.mayGiveUp();
            }
            byte[] m = sram[p];
            if (m == null) {
                continue;
            }
            boolean unread = before != null && dirty != null && !dirty.pe(p);
            if (!unread) {
                read[0]++;
            }
            for (int k = start[p], from = 0; k < start[p + 1]; k++, from += chunk) {
                int to = Math.min(m.length, from + chunk);
                if (unread) {
                    assert slabs.same(PieceSlabs.MEMORY, m, from, to, before[k]) : "PE " + p + " changed unmarked";
                    out[k] = before[k];
                } else {
                    out[k] = handle(m, PieceSlabs.MEMORY, from, to, before, k, slabs);
                }
            }
        }
        return out;
    }

    /** The handle of {@code a}[from, to), given the handle at its place before (when {@code before} is not null). */
    private static int handle(Object a, int kind, int from, int to, int[] before, int k, PieceSlabs slabs) {
        return slabs.take(kind, a, from, to, before == null ? 0 : before[k]);
    }

    /**
     * Copies the pieces {@code handles} name into {@code live}. A piece that the snapshot
     * shares with {@code base} (the snapshot the live state last equalled) and that
     * {@code dirty} says cannot have changed since is already in place.
     */
    static void restoreArray(int[] handles, int kind, int chunk, Object live, int[] base, FabricSnapshot.Dirty dirty,
            PieceSlabs slabs) {
        int length = java.lang.reflect.Array.getLength(live);
        for (int k = 0; k < handles.length; k++) {
            if (base != null && dirty != null && base[k] == handles[k] && !dirty.piece(k)) {
                continue;
            }
            slabs.get(kind, handles[k], live, k * chunk, Math.min(length, (k + 1) * chunk));
        }
    }

    /** As {@link #restoreArray}, of the PE memories: a PE not visited since the base keeps its memory. */
    static void restoreMemories(int[] handles, byte[][] sram, int[] base, FabricSnapshot.Dirty dirty, PieceSlabs slabs) {
        int[] start = slabs.memoryStart(sram);
        int chunk = PieceSlabs.MEMORY_CHUNK;
        for (int p = 0; p < sram.length; p++) {
            byte[] m = sram[p];
            if (m == null) {
                continue;
            }
            boolean inPlace = base != null && dirty != null && !dirty.pe(p);
            for (int k = start[p], from = 0; k < start[p + 1]; k++, from += chunk) {
                if (inPlace && base[k] == handles[k]) {
                    continue;
                }
                slabs.get(PieceSlabs.MEMORY, handles[k], m, from, Math.min(m.length, from + chunk));
            }
        }
    }
}
