package org.waferscope.engine.arch;

/**
 * The machine's scalar types. There are no 64-bit types on the wafer. In a CE register
 * (a 32-bit frame slot) a 16-bit integer is held sign- or zero-extended and an f16 is held
 * as the f32 of the same value, rounded to f16 after every operation; memory holds the
 * type's own width.
 */
public enum ElementType {
    I16(2, false, true), U16(2, false, false), I32(4, false, true), U32(4, false, false),
    F16(2, true, true), F32(4, true, true), BOOL(1, false, false), I8(1, false, true), U8(1, false, false);

    public final int bytes;
    public final boolean isFloat;
    public final boolean signed;

    ElementType(int bytes, boolean isFloat, boolean signed) {
        this.bytes = bytes;
        this.isFloat = isFloat;
        this.signed = signed;
    }

    /** The CSL spelling of the type. */
    public String cslName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Brings a 32-bit register value to this type's range (wrap, extend or round to f16). */
    public int normalize(int bits) {
        return switch (this) {
            case I16 -> (short) bits;
            case U16 -> bits & 0xFFFF;
            case I8 -> (byte) bits;
            case U8 -> bits & 0xFF;
            case BOOL -> bits != 0 ? 1 : 0;
            case F16 -> Float.floatToRawIntBits(Half.round(Float.intBitsToFloat(bits)));
            case I32, U32, F32 -> bits;
        };
    }
}
