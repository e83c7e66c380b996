package org.waferscope.engine.fabric;

import java.util.Arrays;
import java.util.List;

/**
 * An exact copy of a fabric's mutable state at one cycle. Restoring it and running on
 * gives the same states as the original run did, which is what stepping back relies on.
 *
 * <p>The state is held in pieces: each flat array in chunks of {@link #CHUNK} elements, and
 * a per-PE array (SRAM) whole. A snapshot taken after another shares every piece that has
 * not changed since (compared element by element, so sharing never depends on knowing who
 * wrote what): on a full wafer, where most PEs wait most of the time, a snapshot then holds
 * the little that moved. Pieces are never written after they are taken, so sharing is safe.
 */
public final class FabricSnapshot {
    /** Elements per piece of a flat array: small enough to share around a few busy PEs. */
    static final int CHUNK = 512;

    private final long cycle;
    /** Per state array: its pieces, in order. */
    private final Object[][] pieces;
    private final long bytes;
    private final int memoriesRead;

    private FabricSnapshot(long cycle, Object[][] pieces, long bytes, int memoriesRead) {
        this.cycle = cycle;
        this.pieces = pieces;
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
            Object[] mine = pieces[a];
            Object[] theirs = other == null ? null : other.pieces[a];
            if (mine == theirs) {
                continue;
            }
            b += 16 + 8L * mine.length;
            for (int i = 0; i < mine.length; i++) {
                Object p = mine[i];
                if (p != null && (theirs == null || theirs[i] != p) && (i == 0 || mine[i - 1] != p)
                        && !ZEROS.containsValue(p)) {
                    b += sizeOf(p);
                }
            }
        }
        return b;
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
        List<Object> live = f.mutableState();
        Object[][] pieces = new Object[live.size()][];
        long[] copied = new long[2];
        // PE memories not visited since `previous` was taken (or restored) are its very pieces
        byte[] touched = previous != null && f.sramBase == previous ? f.sramTouched : null;
        for (int a = 0; a < pieces.length; a++) {
            Object[] before = previous == null ? null : previous.pieces[a];
            Object[] now = piecesOf(live.get(a), before, copied, touched);
            if (before != null && sameItems(now, before)) {
                pieces[a] = before;
            } else {
                pieces[a] = now;
                copied[0] += 16 + 8L * now.length;
            }
        }
        FabricSnapshot s = new FabricSnapshot(f.cycle, pieces, copied[0], (int) copied[1]);
        f.followSram(s);
        return s;
    }

    public void restoreInto(Fabric f) {
        List<Object> live = f.mutableState();
        FabricSnapshot base = f.sramBase;
        for (int a = 0; a < pieces.length; a++) {
            restore(pieces[a], live.get(a), base == null ? null : base.pieces[a], f.sramTouched);
        }
        f.cycle = cycle;
        f.followSram(this);
    }

    /** True when both lists hold the very same pieces: an array that did not change shares even its list. */
    private static boolean sameItems(Object[] a, Object[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The pieces of live array {@code a}, shared with {@code before} where equal; adds the
     * bytes copied to {@code copied[0]} and the PE memories read to {@code copied[1]}. PEs
     * whose {@code touched} byte is 0 share {@code before}'s memory unread.
     */
    private static Object[] piecesOf(Object a, Object[] before, long[] copied, byte[] touched) {
        if (a instanceof byte[][] perPe) {
            Object[] out = new Object[perPe.length];
            SramPool pool = new SramPool();
            for (int i = 0; i < perPe.length; i++) {
                byte[] x = perPe[i];
                Object old = before == null ? null : before[i];
                if (touched != null && touched[i] == 0) {
                    out[i] = old;
                    continue;
                }
                copied[1] += x == null ? 0 : 1;
                out[i] = x == null ? null : old instanceof byte[] o && Arrays.equals(o, x) ? o : pool.copy(x);
            }
            copied[0] += pool.bytesCopied();
            return out;
        }
        if (a instanceof int[][] perPe) {
            Object[] out = new Object[perPe.length];
            for (int i = 0; i < perPe.length; i++) {
                int[] x = perPe[i];
                Object old = before == null ? null : before[i];
                out[i] = x == null ? null : old instanceof int[] o && Arrays.equals(o, x) ? o : x.clone();
                if (x != null && out[i] != old) {
                    copied[0] += sizeOf(x);
                }
            }
            return out;
        }
        int length = java.lang.reflect.Array.getLength(a);
        Object[] out = new Object[(length + CHUNK - 1) / CHUNK];
        for (int k = 0; k < out.length; k++) {
            int from = k * CHUNK;
            int to = Math.min(length, from + CHUNK);
            Object old = before == null ? null : before[k];
            if (old != null && sameRange(a, from, to, old)) {
                out[k] = old;
            } else {
                Object zero = zeros(a, to - from);
                if (sameRange(a, from, to, zero)) {
                    out[k] = zero;
                } else {
                    out[k] = copyRange(a, from, to);
                    copied[0] += sizeOf(out[k]);
                }
            }
        }
        return out;
    }

    /**
     * A piece of zeros of {@code a}'s type: most counters, queues and buffers of a wafer
     * are empty, and all empty pieces share one.
     */
    private static Object zeros(Object a, int n) {
        if (n != CHUNK) {
            return java.lang.reflect.Array.newInstance(a.getClass().getComponentType(), n);
        }
        Object z = ZEROS.get(a.getClass());
        return z != null ? z : java.lang.reflect.Array.newInstance(a.getClass().getComponentType(), n);
    }

    private static final java.util.Map<Class<?>, Object> ZEROS = java.util.Map.of(int[].class, new int[CHUNK],
            long[].class, new long[CHUNK], byte[].class, new byte[CHUNK], short[].class, new short[CHUNK]);

    private static boolean sameRange(Object a, int from, int to, Object piece) {
        int n = to - from;
        if (a instanceof int[] x) {
            return Arrays.equals(x, from, to, (int[]) piece, 0, n);
        } else if (a instanceof long[] x) {
            return Arrays.equals(x, from, to, (long[]) piece, 0, n);
        } else if (a instanceof byte[] x) {
            return Arrays.equals(x, from, to, (byte[]) piece, 0, n);
        } else if (a instanceof short[] x) {
            return Arrays.equals(x, from, to, (short[]) piece, 0, n);
        } else if (a instanceof Object[] x) {
            return Arrays.equals(x, from, to, (Object[]) piece, 0, n);
        }
        throw new IllegalStateException("unexpected state array " + a.getClass());
    }

    private static Object copyRange(Object a, int from, int to) {
        if (a instanceof int[] x) {
            return Arrays.copyOfRange(x, from, to);
        } else if (a instanceof long[] x) {
            return Arrays.copyOfRange(x, from, to);
        } else if (a instanceof byte[] x) {
            return Arrays.copyOfRange(x, from, to);
        } else if (a instanceof short[] x) {
            return Arrays.copyOfRange(x, from, to);
        } else if (a instanceof Object[] x) {
            return Arrays.copyOfRange(x, from, to);
        }
        throw new IllegalStateException("unexpected state array " + a.getClass());
    }

    /**
     * Copies {@code pieces} into {@code live}. A PE memory not visited since {@code base}
     * (the snapshot the live SRAM last equalled) that this snapshot shares with it is already
     * in place: stepping back a few cycles then copies only the memories that moved.
     */
    private static void restore(Object[] pieces, Object live, Object[] base, byte[] touched) {
        if (live instanceof byte[][] perPe) {
            for (int i = 0; i < pieces.length; i++) {
                if (base != null && touched[i] == 0 && base[i] == pieces[i]) {
                    continue;
                }
                if (pieces[i] != null) {
                    System.arraycopy(pieces[i], 0, perPe[i], 0, perPe[i].length);
                }
            }
        } else if (live instanceof int[][] perPe) {
            for (int i = 0; i < pieces.length; i++) {
                perPe[i] = pieces[i] == null ? null : ((int[]) pieces[i]).clone();
            }
        } else {
            for (int k = 0; k < pieces.length; k++) {
                System.arraycopy(pieces[k], 0, live, k * CHUNK, java.lang.reflect.Array.getLength(pieces[k]));
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
