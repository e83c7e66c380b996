package org.waferscope.engine.program;

/**
 * Whole-number functions of a check's expressions, for host scripts that count: numpy's
 * {@code floor} and {@code bincount}, as a histogram's expected buckets are
 * {@code bincount(floor(values / width), buckets)}.
 */
final class ArrayCounts {
    private ArrayCounts() {
    }

    /** Each element rounded down, as numpy's {@code floor} (and {@code //} with a positive divisor). */
    static NdArray floor(NdArray a) {
        double[] out = new double[a.data().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.floor(a.data()[i]);
        }
        return new NdArray(a.shape(), out);
    }

    /**
     * numpy's {@code bincount(a, minlength=n)} where every value lies in [0, n): element k of
     * the result is how many elements of {@code a} equal k. A value outside, or not a whole
     * number, is an error rather than a longer result, so a check's length stays what it says.
     */
    static NdArray bincount(NdArray a, NdArray length) {
        if (length.data().length != 1) {
            throw new IllegalArgumentException("bincount takes (array, length) with a single number as length");
        }
        double n = length.data()[0];
        if (n != Math.rint(n) || n < 1 || n > NdArray.MAX_ELEMENTS) {
            throw new IllegalArgumentException("bincount's length must be a whole number from 1 to " + NdArray.MAX_ELEMENTS);
        }
        double[] out = new double[(int) n];
        for (double v : a.data()) {
            if (v != Math.rint(v) || v < 0 || v >= n) {
                throw new IllegalArgumentException("bincount counts whole numbers from 0 to " + ((int) n - 1)
                        + "; the array holds " + v + " (round it down with floor(...))");
            }
            out[(int) v]++;
        }
        return new NdArray(new int[] {out.length}, out);
    }
}
