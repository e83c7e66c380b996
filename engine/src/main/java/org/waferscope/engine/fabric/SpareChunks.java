package org.waferscope.engine.fabric;

import java.util.ArrayDeque;

/**
 * Pieces of dropped snapshots that no kept snapshot holds, for later snapshots to copy into.
 *
 * <p>A program whose every PE keeps working (Game of Life) changes most of a full wafer's
 * 600 MB of channel records between two snapshots, so each snapshot copies hundreds of MB
 * and the one before it is dropped soon after. Made afresh, those copies are hundreds of
 * thousands of young arrays that the collector must move out of the young generation; kept
 * here and filled again, they stay where they are, and the snapshots of a steady run
 * allocate almost nothing. At most {@code capBytes} are held; the rest is left to the
 * collector. Only pieces of the standard sizes of int and long arrays are kept (they are
 * nearly all the bytes).
 *
 * <p>Threads: the simulation thread only.
 */
public final class SpareChunks {
    private final ArrayDeque<int[]> ints = new ArrayDeque<>();
    private final ArrayDeque<long[]> longs = new ArrayDeque<>();
    private final long capBytes;
    private long held;
    private long reused;

    public SpareChunks(long capBytes) {
        this.capBytes = capBytes;
    }

    /** Keeps {@code piece} for reuse, if it is of a kept size and there is room. */
    void give(Object piece) {
        if (held >= capBytes) {
            return;
        }
        if (piece instanceof int[] x && x.length == FabricSnapshot.CHUNK) {
            ints.push(x);
            held += 16 + 4L * x.length;
        } else if (piece instanceof long[] x && x.length == FabricSnapshot.LONG_CHUNK) {
            longs.push(x);
            held += 16 + 8L * x.length;
        }
    }

    /** A copy of {@code a}[from, to) in a spare piece, or null when none fits. */
    Object copy(Object a, int from, int to) {
        if (a instanceof int[] x && to - from == FabricSnapshot.CHUNK && !ints.isEmpty()) {
            int[] p = ints.pop();
            System.arraycopy(x, from, p, 0, p.length);
            held -= 16 + 4L * p.length;
            reused += 16 + 4L * p.length;
            return p;
        }
        if (a instanceof long[] x && to - from == FabricSnapshot.LONG_CHUNK && !longs.isEmpty()) {
            long[] p = longs.pop();
            System.arraycopy(x, from, p, 0, p.length);
            held -= 16 + 8L * p.length;
            reused += 16 + 8L * p.length;
            return p;
        }
        return null;
    }

    /** Heap held for reuse now. */
    public long heldBytes() {
        return held;
    }

    /** Bytes of snapshot pieces filled in reused arrays so far, rather than new ones. */
    public long reusedBytes() {
        return reused;
    }
}
