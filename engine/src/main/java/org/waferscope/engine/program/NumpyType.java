package org.waferscope.engine.program;

import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.arch.Half;

/**
 * The dtype a value of a check's expression has, and numpy's rules for combining them, so
 * that {@code "x + 1"} over an i16 array wraps at 32767 and {@code "x * x"} over an f32 array
 * is rounded to f32 after each operation, exactly as run.py's numpy computes its expectation.
 * Numbers written in the expression and layout params are Python scalars ("weak"): they take
 * the array's type, as in numpy 2 (NEP 50). Mixed types promote as numpy's table does; where
 * numpy would go to a 64-bit type, the value stays a double (exact for these sizes).
 */
enum NumpyType {
    I16(ElementType.I16), U16(ElementType.U16), I32(ElementType.I32), U32(ElementType.U32),
    F16(ElementType.F16), F32(ElementType.F32), F64(null),
    /** A Python int: a number written without fraction, or an integer layout param. */
    WEAK_INT(null),
    /** A Python float. */
    WEAK_FLOAT(null);

    private final ElementType element;

    NumpyType(ElementType element) {
        this.element = element;
    }

    static NumpyType of(ElementType t) {
        return switch (t) {
            case I16 -> I16;
            case U16 -> U16;
            case I32 -> I32;
            case U32 -> U32;
            case F16 -> F16;
            case F32 -> F32;
            default -> F64;
        };
    }

    boolean weak() {
        return this == WEAK_INT || this == WEAK_FLOAT;
    }

    boolean integer() {
        return this == WEAK_INT || element != null && !element.isFloat;
    }

    /** The type of {@code a op b} for + - *; true division is {@link #divide}. */
    static NumpyType promote(NumpyType a, NumpyType b) {
        if (a == b) {
            return a;
        }
        if (a.weak() && b.weak()) {
            return WEAK_FLOAT;
        }
        if (a.weak() || b.weak()) {
            NumpyType typed = a.weak() ? b : a;
            NumpyType weak = a.weak() ? a : b;
            // an int array with a Python float goes to float64; anything else keeps the array's type
            return typed.integer() && weak == WEAK_FLOAT ? F64 : typed;
        }
        if (a == F64 || b == F64) {
            return F64;
        }
        if (a.integer() && b.integer()) {
            int bits = Math.max(a.element.bytes, b.element.bytes) * 8;
            if (a.element.signed == b.element.signed) {
                return bits == 16 ? (a.element.signed ? I16 : U16) : (a.element.signed ? I32 : U32);
            }
            // signed with unsigned needs a signed type wider than the unsigned one
            int unsignedBits = (a.element.signed ? b : a).element.bytes * 8;
            return unsignedBits == 16 ? I32 : F64;
        }
        if (!a.integer() && !b.integer()) {
            return a == F32 || b == F32 ? F32 : F16;
        }
        NumpyType f = a.integer() ? b : a;
        NumpyType i = a.integer() ? a : b;
        // numpy: int16/uint16 with float16 give float32; 32-bit ints with any float give float64
        return i.element.bytes == 2 ? F32 : F64;
    }

    /** The type of {@code a / b} (numpy's true division): integers divide into float64. */
    static NumpyType divide(NumpyType a, NumpyType b) {
        NumpyType t = promote(a, b);
        return t.integer() ? (t == WEAK_INT ? WEAK_FLOAT : F64) : t;
    }

    /** The type of a unary float function ({@code sqrt}) of a value of this type. */
    NumpyType floatResult() {
        return switch (this) {
            case I16, U16 -> F32;
            case I32, U32 -> F64;
            case WEAK_INT -> WEAK_FLOAT;
            default -> this;
        };
    }

    /** The type {@code sum} gives: numpy adds small integers in a 64-bit accumulator. */
    NumpyType sumResult() {
        return integer() || this == WEAK_FLOAT ? F64 : this;
    }

    /** Brings a value to this type: wraps an integer, rounds to f32 or f16. */
    double round(double v) {
        return switch (this) {
            case I16 -> (short) wrapLong(v);
            case U16 -> wrapLong(v) & 0xFFFFL;
            case I32 -> (int) wrapLong(v);
            case U32 -> wrapLong(v) & 0xFFFFFFFFL;
            case F32 -> (float) v;
            case F16 -> Half.round((float) v);
            default -> v;
        };
    }

    /** An integer result computed in a long (wrapping mod 2^64 keeps the low bits numpy keeps). */
    double wrap(long v) {
        return switch (this) {
            case I16 -> (short) v;
            case U16 -> v & 0xFFFFL;
            case I32 -> (int) v;
            case U32 -> v & 0xFFFFFFFFL;
            default -> v;
        };
    }

    /** An integral double as a long, keeping its low 64 bits (a product of two u32 can pass 2^63). */
    private static long wrapLong(double v) {
        if (Math.abs(v) < 0x1p63) {
            return (long) v;
        }
        return new java.math.BigDecimal(v).toBigInteger().longValue();
    }
}
