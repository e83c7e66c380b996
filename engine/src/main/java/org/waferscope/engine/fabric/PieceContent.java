package org.waferscope.engine.fabric;

import java.util.Arrays;

/**
 * What {@link PieceSlabs} needs to know of a piece's content: its hash (to find an equal piece
 * already held), whether it is all zeros (handle 0, held by no slot), and how to write zeros.
 */
final class PieceContent {
    private PieceContent() {
    }

    /**
     * A hash of {@code a}[from, to), its length included; two lanes, so that it is not one long
     * chain of multiplies. Thirty-two bits: pieces found by it are compared in full anyway, and
     * a full wafer's snapshots index millions of pieces (four bytes each saved twice over).
     */
    static int hash(Object a, int from, int to) {
        long h0 = to - from;
        long h1 = 0x632BE59BD9B4E019L;
        int i = from;
        if (a instanceof int[] x) {
            for (; i + 1 < to; i += 2) {
                h0 = (h0 ^ x[i]) * 0x9E3779B97F4A7C15L;
                h1 = (h1 ^ x[i + 1]) * 0xC2B2AE3D27D4EB4FL;
            }
            for (; i < to; i++) {
                h0 = (h0 ^ x[i]) * 0x9E3779B97F4A7C15L;
            }
        } else if (a instanceof long[] x) {
            for (; i + 1 < to; i += 2) {
                h0 = (h0 ^ x[i]) * 0x9E3779B97F4A7C15L;
                h1 = (h1 ^ x[i + 1]) * 0xC2B2AE3D27D4EB4FL;
            }
            for (; i < to; i++) {
                h0 = (h0 ^ x[i]) * 0x9E3779B97F4A7C15L;
            }
        } else if (a instanceof byte[] x) {
            // eight bytes a step in two lanes: a PE memory's piece is 128 bytes, and a launch's
            // snapshot hashes 754,000 of them at full wafer
            for (; i + 15 < to; i += 16) {
                h0 = (h0 ^ (long) LONGS.get(x, i)) * 0x9E3779B97F4A7C15L;
                h1 = (h1 ^ (long) LONGS.get(x, i + 8)) * 0xC2B2AE3D27D4EB4FL;
            }
            for (; i < to; i++) {
                h0 = (h0 ^ x[i]) * 0x9E3779B97F4A7C15L;
            }
        } else {
            short[] x = (short[]) a;
            for (; i < to; i++) {
                h0 = (h0 ^ x[i]) * 0x9E3779B97F4A7C15L;
            }
        }
        long h = h0 ^ Long.rotateLeft(h1, 31);
        h ^= h >>> 29;
        return (int) (h ^ h >>> 32);
    }

    /** Eight bytes of a byte array as one long, for {@link #hash}. */
    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private static final int[] ZERO_INTS = new int[FabricSnapshot.CHUNK];
    private static final long[] ZERO_LONGS = new long[FabricSnapshot.LONG_CHUNK];
    private static final byte[] ZERO_BYTES = new byte[FabricSnapshot.CHUNK];
    private static final short[] ZERO_SHORTS = new short[FabricSnapshot.CHUNK];

    static boolean isZero(Object a, int from, int to) {
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

    /** Whether {@code a}[from, to) equals {@code b}[at, at + to - from) (an array of the same type). */
    static boolean equal(Object a, int from, int to, Object b, int at) {
        int end = at + to - from;
        if (a instanceof int[] x) {
            return Arrays.equals(x, from, to, (int[]) b, at, end);
        } else if (a instanceof long[] x) {
            return Arrays.equals(x, from, to, (long[]) b, at, end);
        } else if (a instanceof byte[] x) {
            return Arrays.equals(x, from, to, (byte[]) b, at, end);
        }
        return Arrays.equals((short[]) a, from, to, (short[]) b, at, end);
    }

    static void zero(Object a, int from, int to) {
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
