package org.waferscope.engine.csl.value;

import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.ir.SourcePos;

/** Type rules shared by the compile-time evaluator and the code generator. */
public final class Types {
    private Types() {
    }

    public static long min(ElementType t) {
        return switch (t) {
            case I8 -> Byte.MIN_VALUE;
            case I16 -> Short.MIN_VALUE;
            case I32 -> Integer.MIN_VALUE;
            default -> 0;
        };
    }

    public static long max(ElementType t) {
        return switch (t) {
            case I8 -> Byte.MAX_VALUE;
            case U8 -> 0xFF;
            case I16 -> Short.MAX_VALUE;
            case U16 -> 0xFFFF;
            case I32 -> Integer.MAX_VALUE;
            case U32 -> 0xFFFF_FFFFL;
            case BOOL -> 1;
            default -> Long.MAX_VALUE;
        };
    }

    /** True if every value of integer type {@code from} fits in {@code to}. */
    public static boolean widens(ElementType from, ElementType to) {
        return min(to) <= min(from) && max(to) >= max(from);
    }

    /**
     * The type two operands of a binary operation meet at (Zig's peer type resolution, as
     * CSL follows it): a literal takes the other side's type, a narrower integer widens to
     * one that holds all its values, f16 widens to f32; anything else needs an {@code @as}.
     */
    public static CslType peer(CslType a, CslType b, SourcePos pos) {
        if (a.equals(b)) {
            return a;
        }
        if (a == CslType.COMPTIME_INT && b.isNumeric()) {
            return b;
        }
        if (b == CslType.COMPTIME_INT && a.isNumeric()) {
            return a;
        }
        if (a == CslType.COMPTIME_FLOAT && b.isFloat()) {
            return b;
        }
        if (b == CslType.COMPTIME_FLOAT && a.isFloat()) {
            return a;
        }
        if (a instanceof CslType.Scalar sa && b instanceof CslType.Scalar sb) {
            ElementType x = sa.elem();
            ElementType y = sb.elem();
            if (x.isFloat && y.isFloat) {
                return x.bytes >= y.bytes ? a : b;
            }
            if (a.isInt() && b.isInt()) {
                if (widens(x, y)) {
                    return b;
                }
                if (widens(y, x)) {
                    return a;
                }
                throw new CslError(pos, "mismatched integer types " + a + " and " + b
                        + "; convert one with @as");
            }
        }
        throw new CslError(pos, "cannot combine " + a + " and " + b + "; convert one with @as");
    }

    /** Whether a value of type {@code from} may be used where {@code to} is expected without @as. */
    public static boolean assignable(CslType from, CslType to) {
        if (from.equals(to) || to == CslType.ANY) {
            return true;
        }
        if (from == CslType.COMPTIME_INT) {
            return to.isNumeric();
        }
        if (from == CslType.COMPTIME_FLOAT) {
            return to.isFloat();
        }
        if (from instanceof CslType.Scalar f && to instanceof CslType.Scalar t) {
            if (f.elem().isFloat && t.elem().isFloat) {
                return t.elem().bytes >= f.elem().bytes;
            }
            return from.isInt() && to.isInt() && widens(f.elem(), t.elem());
        }
        if (from instanceof CslType.Pointer f && to instanceof CslType.Pointer t) {
            // &array is a [*]T here; it also serves where a pointer to the whole array, *[N]T, is asked for.
            return f.elem().equals(t.elem())
                    || f.many() && !t.many() && t.elem() instanceof CslType.Array a && a.dims().size() == 1
                    && a.elem().equals(f.elem());
        }
        return false;
    }
}
