package org.waferscope.engine.program;

import java.util.Arrays;

/**
 * A host-side array while run.json is being prepared: a shape and double values (row-major).
 * Sizes are bounded by {@link #MAX_ELEMENTS} so that no input can exhaust memory.
 */
record NdArray(int[] shape, double[] data) {
    static final int MAX_ELEMENTS = 1 << 24;

    static int size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("a dimension cannot be negative");
            }
            n *= d;
            if (n > MAX_ELEMENTS) {
                throw new IllegalArgumentException("array of shape " + Arrays.toString(shape) + " has more than "
                        + MAX_ELEMENTS + " elements");
            }
        }
        return (int) n;
    }

    /** Numpy's reshape: same elements, new shape (one dimension may be -1). */
    NdArray reshape(int[] to) {
        int[] s = to.clone();
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1 && unknown < 0) {
                unknown = i;
            } else {
                if (s[i] < 1) {
                    throw new IllegalArgumentException("reshape dimensions must be positive, not " + s[i]);
                }
                known *= s[i];
            }
        }
        if (unknown >= 0 && known > 0 && data.length % known == 0) {
            s[unknown] = (int) (data.length / known);
        }
        if (size(s) != data.length) {
            throw new IllegalArgumentException("cannot reshape " + data.length + " elements to " + Arrays.toString(to));
        }
        return new NdArray(s, data);
    }

    /** Numpy's transpose with an axis permutation; the result is laid out row-major again. */
    NdArray transpose(int[] axes) {
        int r = shape.length;
        int[] out = transposedShape(axes);
        int[] inStride = new int[r];
        int st = 1;
        for (int i = r - 1; i >= 0; i--) {
            inStride[i] = st;
            st *= shape[i];
        }
        double[] res = new double[data.length];
        int[] idx = new int[r];
        for (int flat = 0; flat < res.length; flat++) {
            int src = 0;
            for (int i = 0; i < r; i++) {
                src += idx[i] * inStride[axes[i]];
            }
            res[flat] = data[src];
            for (int i = r - 1; i >= 0; i--) {
                if (++idx[i] < out[i]) {
                    break;
                }
                idx[i] = 0;
            }
        }
        return new NdArray(out, res);
    }

    /** The shape {@link #transpose} gives, after the same checks of the axes, without moving an element. */
    int[] transposedShape(int[] axes) {
        int r = shape.length;
        if (axes.length != r) {
            throw new IllegalArgumentException("transpose needs " + r + " axes for shape " + Arrays.toString(shape));
        }
        boolean[] seen = new boolean[r];
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            if (axes[i] < 0 || axes[i] >= r || seen[axes[i]]) {
                throw new IllegalArgumentException("transpose axes " + Arrays.toString(axes) + " are not a permutation");
            }
            seen[axes[i]] = true;
            out[i] = shape[axes[i]];
        }
        return out;
    }
}
