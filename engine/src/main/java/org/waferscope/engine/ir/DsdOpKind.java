package org.waferscope.engine.ir;

import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.arch.SimdClass;

/**
 * The DSD (vector) operations, destination first as in CSL. Each loops over the
 * destination's length; a scalar source is reused for every element.
 */
public enum DsdOpKind {
    /** dst = src0 + src1 * src2. */
    FMACS("@fmacs", ElementType.F32, 3, SimdClass.FP32_MULTIPLY),
    FADDS("@fadds", ElementType.F32, 2, SimdClass.FP32_ADD_SUB_MOVE),
    FSUBS("@fsubs", ElementType.F32, 2, SimdClass.FP32_ADD_SUB_MOVE),
    FMULS("@fmuls", ElementType.F32, 2, SimdClass.FP32_MULTIPLY),
    FMOVS("@fmovs", ElementType.F32, 1, SimdClass.FP32_ADD_SUB_MOVE),
    FNEGS("@fnegs", ElementType.F32, 1, SimdClass.FP32_ADD_SUB_MOVE),
    FMAXS("@fmaxs", ElementType.F32, 2, SimdClass.FP32_ADD_SUB_MOVE),
    /** dst = src0 + src1 * src2, in f16. */
    FMACH("@fmach", ElementType.F16, 3, SimdClass.FP16_FMA),
    FADDH("@faddh", ElementType.F16, 2, SimdClass.FP16_ELEMENTWISE),
    FSUBH("@fsubh", ElementType.F16, 2, SimdClass.FP16_ELEMENTWISE),
    FMULH("@fmulh", ElementType.F16, 2, SimdClass.FP16_ELEMENTWISE),
    FMOVH("@fmovh", ElementType.F16, 1, SimdClass.FP16_ELEMENTWISE),
    FNEGH("@fnegh", ElementType.F16, 1, SimdClass.FP16_ELEMENTWISE),
    MOV16("@mov16", ElementType.I16, 1, SimdClass.INT16),
    MOV32("@mov32", ElementType.U32, 1, SimdClass.MOVE32),
    ADD16("@add16", ElementType.I16, 2, SimdClass.INT16),
    SUB16("@sub16", ElementType.I16, 2, SimdClass.INT16),
    AND16("@and16", ElementType.U16, 2, SimdClass.INT16),
    OR16("@or16", ElementType.U16, 2, SimdClass.INT16),
    XOR16("@xor16", ElementType.U16, 2, SimdClass.INT16);

    public final String builtin;
    public final ElementType type;
    public final int sources;
    public final SimdClass simd;

    DsdOpKind(String builtin, ElementType type, int sources, SimdClass simd) {
        this.builtin = builtin;
        this.type = type;
        this.sources = sources;
        this.simd = simd;
    }

    /** Finds the kind for a CSL builtin name such as {@code @fmacs}, or null. */
    public static DsdOpKind byBuiltin(String name) {
        for (DsdOpKind k : values()) {
            if (k.builtin.equals(name)) {
                return k;
            }
        }
        return null;
    }

    /**
     * Applies the operation to one element. Values are in register form: f32 bits for f32
     * and f16, sign- or zero-extended for 16-bit integers.
     */
    public int apply(int s0, int s1, int s2) {
        return switch (this) {
            case FMACS -> f(fl(s0) + fl(s1) * fl(s2));
            case FADDS -> f(fl(s0) + fl(s1));
            case FSUBS -> f(fl(s0) - fl(s1));
            case FMULS -> f(fl(s0) * fl(s1));
            case FMOVS, MOV32 -> s0;
            case FNEGS -> f(-fl(s0));
            case FMAXS -> f(Math.max(fl(s0), fl(s1)));
            case FMACH -> type.normalize(f(fl(s0) + fl(s1) * fl(s2)));
            case FADDH -> type.normalize(f(fl(s0) + fl(s1)));
            case FSUBH -> type.normalize(f(fl(s0) - fl(s1)));
            case FMULH -> type.normalize(f(fl(s0) * fl(s1)));
            case FMOVH -> type.normalize(s0);
            case FNEGH -> type.normalize(f(-fl(s0)));
            case MOV16 -> (short) s0;
            case ADD16 -> (short) (s0 + s1);
            case SUB16 -> (short) (s0 - s1);
            case AND16 -> (s0 & s1) & 0xFFFF;
            case OR16 -> (s0 | s1) & 0xFFFF;
            case XOR16 -> (s0 ^ s1) & 0xFFFF;
        };
    }

    private static float fl(int bits) {
        return Float.intBitsToFloat(bits);
    }

    private static int f(float v) {
        return Float.floatToRawIntBits(v);
    }
}
