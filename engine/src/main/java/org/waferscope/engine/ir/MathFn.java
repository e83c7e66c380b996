package org.waferscope.engine.ir;

import org.waferscope.engine.arch.ElementType;

/**
 * The scalar functions of the SDK's {@code <math>} library, as one instruction each
 * ({@link Opcode#MATH}). The compiler folds them with the same code when their arguments
 * are known, so a value computed at compile time equals the one the PE computes.
 *
 * <p>Floating-point results are computed in double precision and rounded once to the
 * operand's type, so {@code sqrt} is correctly rounded, as numpy's float32 square root is.
 * The transcendental ones use {@link StrictMath}, whose results are the same on every
 * machine, so runs stay deterministic.
 */
public enum MathFn {
    ABS("abs", 1, false, false),
    MAX("max", 2, false, false),
    MIN("min", 2, false, false),
    SIGN("sign", 1, false, false),
    CEIL("ceil", 1, true, false),
    FLOOR("floor", 1, true, false),
    FSCALE("fscale", 2, true, false),
    IS_NAN("isNaN", 1, true, false),
    IS_INF("isInf", 1, true, false),
    IS_FINITE("isFinite", 1, true, false),
    IS_SIGNALING("isSignaling", 1, true, false),
    SIGNBIT("signbit", 1, true, false),
    TANH("tanh", 1, true, false),
    COS("cos", 1, true, true),
    EXP("exp", 1, true, true),
    INV("inv", 1, true, true),
    INVSQRT("invsqrt", 1, true, true),
    LOG("log", 1, true, true),
    POW("pow", 2, true, true),
    SIN("sin", 1, true, true),
    SQRT("sqrt", 1, true, true);

    /** The library's name for the generic function (the typed ones add {@code _f16} / {@code _f32}). */
    public final String cslName;
    public final int arity;
    /** Only f16 and f32 operands; the others take integers too. */
    public final boolean floatOnly;
    /** The SDK evaluates it only at run time; a call with known arguments still runs on the PE. */
    public final boolean runtimeOnly;

    MathFn(String cslName, int arity, boolean floatOnly, boolean runtimeOnly) {
        this.cslName = cslName;
        this.arity = arity;
        this.floatOnly = floatOnly;
        this.runtimeOnly = runtimeOnly;
    }

    /** The function the library calls {@code name} (generic name), or null. */
    public static MathFn byName(String name) {
        for (MathFn f : values()) {
            if (f.cslName.equals(name)) {
                return f;
            }
        }
        return null;
    }

    public boolean returnsBool() {
        return this == IS_NAN || this == IS_INF || this == IS_FINITE || this == IS_SIGNALING || this == SIGNBIT;
    }

    /**
     * Applies the function to register-form operands of type {@code t} (for {@link #FSCALE}
     * {@code y} is an i16 exponent); a bool result is 1 or 0.
     */
    public int apply(ElementType t, int x, int y) {
        if (t.isFloat) {
            float fx = Float.intBitsToFloat(x);
            if (returnsBool()) {
                return test(fx) ? 1 : 0;
            }
            double r = this == FSCALE ? Math.scalb((double) fx, y) : real(fx, Float.intBitsToFloat(y));
            return t.normalize(Float.floatToRawIntBits((float) r));
        }
        long a = t.signed ? x : x & 0xFFFFFFFFL;
        long b = t.signed ? y : y & 0xFFFFFFFFL;
        long r = switch (this) {
            case ABS -> Math.abs(a);
            case MAX -> Math.max(a, b);
            case MIN -> Math.min(a, b);
            case SIGN -> Long.signum(a);
            default -> throw new IllegalStateException(cslName + " takes a float, not " + t.cslName());
        };
        return t.normalize((int) r);
    }

    private boolean test(float x) {
        int bits = Float.floatToRawIntBits(x);
        return switch (this) {
            case IS_NAN -> Float.isNaN(x);
            case IS_INF -> Float.isInfinite(x);
            case IS_FINITE -> Float.isFinite(x);
            // A NaN whose quiet bit (the mantissa's top bit) is clear.
            case IS_SIGNALING -> Float.isNaN(x) && (bits & 0x0040_0000) == 0;
            case SIGNBIT -> bits < 0;
            default -> throw new IllegalStateException(cslName + " is not a test");
        };
    }

    /** The real-valued function, in double precision. */
    public double real(double x, double y) {
        return switch (this) {
            case ABS -> Math.abs(x);
            case MAX -> Double.isNaN(x) ? y : Double.isNaN(y) ? x : Math.max(x, y);
            case MIN -> Double.isNaN(x) ? y : Double.isNaN(y) ? x : Math.min(x, y);
            case SIGN -> Double.isNaN(x) ? x : Math.signum(x);
            case CEIL -> Math.ceil(x);
            case FLOOR -> Math.floor(x);
            case FSCALE -> Math.scalb(x, (int) y);
            case TANH -> StrictMath.tanh(x);
            case COS -> StrictMath.cos(x);
            case EXP -> StrictMath.exp(x);
            case INV -> 1.0 / x;
            case INVSQRT -> 1.0 / Math.sqrt(x);
            case LOG -> StrictMath.log(x);
            case POW -> StrictMath.pow(x, y);
            case SIN -> StrictMath.sin(x);
            case SQRT -> Math.sqrt(x);
            default -> throw new IllegalStateException(cslName + " is a test, not a real function");
        };
    }
}
