package org.waferscope.engine.host;

import java.util.Arrays;
import org.waferscope.engine.arch.ElementType;

/**
 * A host-side array (what numpy holds in an SDK host script): a type, a shape and its
 * elements in register form (f32 bits for floats, extended integers). Arrays given to the
 * engine are copied, never shared.
 */
public record HostArray(String name, ElementType type, int[] shape, int[] bits) {
    public HostArray {
        shape = shape.clone();
        bits = bits.clone();
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        if (n != bits.length) {
            throw new IllegalArgumentException("array " + name + " has shape " + Arrays.toString(shape)
                    + " but " + bits.length + " elements");
        }
    }

    public static HostArray ofFloats(String name, int[] shape, float... values) {
        int[] b = new int[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = Float.floatToRawIntBits(values[i]);
        }
        return new HostArray(name, ElementType.F32, shape, b);
    }

    public int length() {
        return bits.length;
    }

    /** Element {@code i} as a double, whatever the type. */
    public double value(int i) {
        int v = bits[i];
        if (type.isFloat) {
            return Float.intBitsToFloat(v);
        }
        return type.signed ? v : (double) (v & 0xFFFFFFFFL);
    }

    public double[] values() {
        double[] out = new double[bits.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = value(i);
        }
        return out;
    }
}
