package org.waferscope.engine.fabric;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A piece told as its difference from another ({@link PieceDeltas}): the exclusive or of the
 * two, in groups of eight bytes, of which only the groups that differ are written, each as its
 * number in the piece, a mask of its bytes that differ, and those bytes.
 *
 * <p>Why this form: between two snapshots most words of a changed piece keep their value,
 * and of those that change most change in one or two bytes (a ring's head, a counter, a
 * cell of 0 or 1). At full wafer a Game of Life piece of channel records differs from the one
 * a snapshot before it in about one byte of twenty, so its difference is a tenth of a copy.
 * Applying the exclusive or again gives back the exact piece, for any content.
 *
 * <p>The encoding: two bytes of length (the whole, these two included), then per differing
 * group its number (a piece has at most 256 groups: 2 KB), its byte mask (bit j: byte j, the
 * group read little-endian) and the masked bytes in order.
 */
final class PieceXor {
    /** Bytes of the length that starts every encoding. */
    static final int HEADER = 2;

    private PieceXor() {
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * Writes into {@code out} the difference of {@code a}[from, to) from {@code ref}[at, at +
     * to - from) (arrays of one element type) and returns its length, or -1 when it would be
     * longer than {@code max}. A length of {@link #HEADER} means they are equal.
     */
    static int encode(Object a, int from, int to, Object ref, int at, byte[] out, int max) {
        int n = to - from;
        int p = HEADER;
        // group by group while they differ; over a stretch of equal ones, a vectorised mismatch
        // jumps to the next difference (a piece told against its root differs in a few groups)
        if (a instanceof int[] x) {
            int[] r = (int[]) ref;
            for (int i = 0; i < n;) {
                long lo = x[from + i] ^ r[at + i];
                long hi = i + 1 < n ? x[from + i + 1] ^ r[at + i + 1] : 0;
                long d = lo & 0xFFFFFFFFL | hi << 32;
                if (d == 0) {
                    int m = Arrays.mismatch(x, from + i, to, r, at + i, at + n);
                    if (m < 0) {
                        break;
                    }
                    i = i + m & ~1;
                    continue;
                }
                if ((p = group(out, p, i >> 1, d, max)) < 0) {
                    return -1;
                }
                i += 2;
            }
        } else if (a instanceof long[] x) {
            long[] r = (long[]) ref;
            for (int g = 0; g < n;) {
                long d = x[from + g] ^ r[at + g];
                if (d == 0) {
                    int m = Arrays.mismatch(x, from + g, to, r, at + g, at + n);
                    if (m < 0) {
                        break;
                    }
                    g += m;
                    continue;
                }
                if ((p = group(out, p, g, d, max)) < 0) {
                    return -1;
                }
                g++;
            }
        } else if (a instanceof byte[] x) {
            byte[] r = (byte[]) ref;
            for (int i = 0; i < n;) {
                long d = read(x, from, to, i >> 3) ^ read(r, at, at + n, i >> 3);
                if (d == 0) {
                    int m = Arrays.mismatch(x, from + i, to, r, at + i, at + n);
                    if (m < 0) {
                        break;
                    }
                    i = i + m & ~7;
                    continue;
                }
                if ((p = group(out, p, i >> 3, d, max)) < 0) {
                    return -1;
                }
                i += 8;
            }
        } else {
            for (int g = 0; g * 4 < n; g++) {
                long d = read(a, from, to, g) ^ read(ref, at, at + n, g);
                if (d != 0 && (p = group(out, p, g, d, max)) < 0) {
                    return -1;
                }
            }
        }
        out[0] = (byte) p;
        out[1] = (byte) (p >>> 8);
        return p;
    }

    /** Writes group {@code g}'s difference {@code d} (not 0) at {@code p}; the end, or -1 past {@code max}. */
    private static int group(byte[] out, int p, int g, long d, int max) {
        // bit j of the mask: byte j is not zero (each byte's bits folded into its top bit)
        long t = d | d >>> 4;
        t |= t >>> 2;
        t |= t >>> 1;
        int mask = (int) ((t & 0x0101010101010101L) * 0x0102040810204080L >>> 56);
        int end = p + 2 + Integer.bitCount(mask);
        if (end > max) {
            return -1;
        }
        out[p++] = (byte) g;
        out[p++] = (byte) mask;
        int low = Integer.numberOfTrailingZeros(mask);
        if (isRun(mask >>> low) && p + 8 <= out.length) {
            // the bytes are side by side (most are: a counter, a head, a whole word): one write,
            // whose bytes past the run the next group writes over or the length leaves out
            LONGS.set(out, p, d >>> (low << 3));
            return end;
        }
        for (int m = mask; m != 0; m &= m - 1) {
            out[p++] = (byte) (d >>> (Integer.numberOfTrailingZeros(m) << 3));
        }
        return end;
    }

    /** The length of the encoding at {@code src}[at]. */
    static int length(byte[] src, int at) {
        return src[at] & 0xFF | (src[at + 1] & 0xFF) << 8;
    }

    /** Applies the encoding at {@code src}[at] to {@code a}[from, to): the piece it was taken against becomes the piece. */
    static void apply(byte[] src, int at, Object a, int from, int to) {
        int end = at + length(src, at);
        int n = to - from;
        int[] ints = a instanceof int[] x ? x : null;
        long[] longs = a instanceof long[] x ? x : null;
        for (int p = at + HEADER; p < end;) {
            int g = src[p++] & 0xFF;
            int mask = src[p++] & 0xFF;
            long d;
            int low = Integer.numberOfTrailingZeros(mask);
            if (isRun(mask >>> low) && p + 8 <= src.length) {
                // bytes side by side (a whole group, a counter): one read, masked to the run
                int k = Integer.bitCount(mask);
                long v = (long) LONGS.get(src, p);
                d = (k == 8 ? v : v & (1L << (k << 3)) - 1) << (low << 3);
                p += k;
            } else {
                d = 0;
                for (int m = mask; m != 0; m &= m - 1) {
                    d |= (src[p++] & 0xFFL) << (Integer.numberOfTrailingZeros(m) << 3);
                }
            }
            if (ints != null) {
                int i = from + 2 * g;
                ints[i] ^= (int) d;
                if (2 * g + 1 < n) {
                    ints[i + 1] ^= (int) (d >>> 32);
                }
            } else if (longs != null) {
                longs[from + g] ^= d;
            } else {
                write(a, from, to, g, read(a, from, to, g) ^ d);
            }
        }
    }

    /** Whether mask bits {@code m} (its lowest set) are one run: bytes side by side. */
    private static boolean isRun(int m) {
        return (m & m + 1) == 0;
    }

    /** Group {@code g} of {@code a}[from, to) (byte or short arrays), read little-endian, zeros past {@code to}. */
    private static long read(Object a, int from, int to, int g) {
        if (a instanceof byte[] x) {
            int i = from + 8 * g;
            if (i + 8 <= to) {
                return (long) LONGS.get(x, i);
            }
            long v = 0;
            for (int j = 0; i + j < to; j++) {
                v |= (x[i + j] & 0xFFL) << (j << 3);
            }
            return v;
        }
        short[] x = (short[]) a;
        long v = 0;
        for (int j = 0, i = from + 4 * g; j < 4 && i + j < to; j++) {
            v |= (x[i + j] & 0xFFFFL) << (j << 4);
        }
        return v;
    }

    /** Writes group {@code g} of {@code a}[from, to) (byte or short arrays), up to {@code to}. */
    private static void write(Object a, int from, int to, int g, long v) {
        if (a instanceof byte[] x) {
            int i = from + 8 * g;
            if (i + 8 <= to) {
                LONGS.set(x, i, v);
                return;
            }
            for (int j = 0; i + j < to; j++) {
                x[i + j] = (byte) (v >>> (j << 3));
            }
            return;
        }
        short[] x = (short[]) a;
        for (int j = 0, i = from + 4 * g; j < 4 && i + j < to; j++) {
            x[i + j] = (short) (v >>> (j << 4));
        }
    }
}
