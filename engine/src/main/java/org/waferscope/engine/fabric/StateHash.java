package org.waferscope.engine.fabric;

/**
 * A 64-bit hash of a fabric's whole mutable state and cycle. Equal hashes after the same
 * number of cycles is how tests and the command line show that thread counts and ways of
 * stepping do not change the result.
 *
 * <p>It covers {@link Fabric#hashedState()}: state the fabric keeps packed in records is
 * hashed as the plain arrays it stands for ({@link View}), so a change of layout leaves
 * every hash as it was.
 */
public final class StateHash {
    private StateHash() {
    }

    private static final long PRIME = 0x9E3779B97F4A7C15L;

    /** An array the hash covers that the fabric keeps packed: it hashes as that array would. */
    interface View {
        long hashInto(long h);
    }

    public static long of(Fabric f) {
        long h = mix(0x5AFE5C09EL, f.cycle);
        int index = 0;
        for (Object a : f.hashedState()) {
            h = mix(h, ++index);
            h = a instanceof View v ? v.hashInto(h) : hashArray(h, a);
        }
        return h;
    }

    private static long hashArray(long h, Object a) {
        if (a instanceof byte[][] bb) {
            for (byte[] b : bb) {
                h = b == null ? mix(h, -1) : hashBytes(h, b);
            }
        } else if (a instanceof int[][] ii) {
            for (int[] b : ii) {
                h = b == null ? mix(h, -1) : hashInts(h, b);
            }
        } else if (a instanceof int[] x) {
            h = hashInts(h, x);
        } else if (a instanceof long[] x) {
            for (long v : x) {
                h = mix(h, v);
            }
        } else if (a instanceof byte[] x) {
            h = hashBytes(h, x);
        } else if (a instanceof short[] x) {
            for (int i = 0; i < x.length; i++) {
                h = mix(h, x[i]);
            }
            h = mix(h, x.length);
        } else if (a instanceof Object[] oo) {
            for (Object o : oo) {
                h = mix(h, o == null ? 0 : o.hashCode());
            }
        } else {
            // a state array the hash skipped would let two different states hash alike
            throw new IllegalStateException("unexpected state array " + a.getClass());
        }
        return h;
    }

    private static long hashInts(long h, int[] x) {
        for (int i = 0; i + 1 < x.length; i += 2) {
            h = mix(h, ((long) x[i] << 32) ^ (x[i + 1] & 0xFFFFFFFFL));
        }
        if ((x.length & 1) != 0) {
            h = mix(h, x[x.length - 1]);
        }
        return mix(h, x.length);
    }

    private static long hashBytes(long h, byte[] b) {
        int i = 0;
        for (; i + 8 <= b.length; i += 8) {
            long v = 0;
            for (int k = 7; k >= 0; k--) {
                v = (v << 8) | (b[i + k] & 0xFF);
            }
            h = mix(h, v);
        }
        for (; i < b.length; i++) {
            h = mix(h, b[i]);
        }
        return mix(h, b.length);
    }

    static long mix(long h, long v) {
        long x = (h ^ v) * PRIME;
        return x ^ (x >>> 31);
    }

    /** The hash of an int array, fed one element at a time (as {@link #hashInts}). */
    static final class Ints {
        private long h;
        private int held;
        private boolean holding;
        private int length;

        Ints(long h) {
            this.h = h;
        }

        void add(int v) {
            if (holding) {
                h = mix(h, ((long) held << 32) ^ (v & 0xFFFFFFFFL));
            } else {
                held = v;
            }
            holding = !holding;
            length++;
        }

        long end() {
            if (holding) {
                h = mix(h, held);
            }
            return mix(h, length);
        }
    }

    /** The hash of a byte array, fed one element at a time (as {@link #hashBytes}): eight bytes to a word, the rest alone. */
    static final class Bytes {
        private long h;
        private final byte[] group = new byte[8];
        private int held;
        private int length;

        Bytes(long h) {
            this.h = h;
        }

        void add(int b) {
            group[held++] = (byte) b;
            length++;
            if (held == 8) {
                long v = 0;
                for (int k = 7; k >= 0; k--) {
                    v = (v << 8) | (group[k] & 0xFF);
                }
                h = mix(h, v);
                held = 0;
            }
        }

        long end() {
            for (int i = 0; i < held; i++) {
                h = mix(h, group[i]);
            }
            return mix(h, length);
        }
    }
}
