package org.waferscope.engine.fabric;

import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.arch.Half;
import org.waferscope.engine.ir.Opcode;

/** The CE's scalar arithmetic on register-form values. */
final class Alu {
    private Alu() {
    }

    static int binary(int op, ElementType t, int x, int y) {
        if (t.isFloat) {
            return floatBinary(op, t, Float.intBitsToFloat(x), Float.intBitsToFloat(y));
        }
        boolean u = !t.signed;
        int r = switch (op) {
            case Opcode.ADD -> x + y;
            case Opcode.SUB -> x - y;
            case Opcode.MUL -> x * y;
            case Opcode.DIV -> divide(x, y, u);
            case Opcode.REM -> remainder(x, y, u);
            case Opcode.MIN -> (u ? Integer.compareUnsigned(x, y) : Integer.compare(x, y)) <= 0 ? x : y;
            case Opcode.MAX -> (u ? Integer.compareUnsigned(x, y) : Integer.compare(x, y)) >= 0 ? x : y;
            case Opcode.AND -> x & y;
            case Opcode.OR -> x | y;
            case Opcode.XOR -> x ^ y;
            case Opcode.SHL -> x << y;
            case Opcode.SHR -> u ? x >>> y : x >> y;
            case Opcode.EQ -> x == y ? 1 : 0;
            case Opcode.NE -> x != y ? 1 : 0;
            case Opcode.LT -> compare(x, y, u) < 0 ? 1 : 0;
            case Opcode.LE -> compare(x, y, u) <= 0 ? 1 : 0;
            case Opcode.GT -> compare(x, y, u) > 0 ? 1 : 0;
            case Opcode.GE -> compare(x, y, u) >= 0 ? 1 : 0;
            default -> throw new IllegalStateException("not a binary operation: " + Opcode.name(op));
        };
        return op >= Opcode.EQ ? r : t.normalize(r);
    }

    private static int compare(int x, int y, boolean unsigned) {
        return unsigned ? Integer.compareUnsigned(x, y) : Integer.compare(x, y);
    }

    private static int divide(int x, int y, boolean unsigned) {
        if (y == 0) {
            throw new ArithmeticException("integer division by zero");
        }
        return unsigned ? Integer.divideUnsigned(x, y) : x / y;
    }

    private static int remainder(int x, int y, boolean unsigned) {
        if (y == 0) {
            throw new ArithmeticException("integer remainder by zero");
        }
        return unsigned ? Integer.remainderUnsigned(x, y) : x % y;
    }

    private static int floatBinary(int op, ElementType t, float x, float y) {
        float r;
        switch (op) {
            case Opcode.ADD -> r = x + y;
            case Opcode.SUB -> r = x - y;
            case Opcode.MUL -> r = x * y;
            case Opcode.DIV -> r = x / y;
            case Opcode.REM -> r = x % y;
            case Opcode.MIN -> r = Math.min(x, y);
            case Opcode.MAX -> r = Math.max(x, y);
            case Opcode.EQ -> {
                return x == y ? 1 : 0;
            }
            case Opcode.NE -> {
                return x != y ? 1 : 0;
            }
            case Opcode.LT -> {
                return x < y ? 1 : 0;
            }
            case Opcode.LE -> {
                return x <= y ? 1 : 0;
            }
            case Opcode.GT -> {
                return x > y ? 1 : 0;
            }
            case Opcode.GE -> {
                return x >= y ? 1 : 0;
            }
            default -> throw new IllegalStateException(Opcode.name(op) + " is not defined on " + t.cslName());
        }
        return t.normalize(Float.floatToRawIntBits(r));
    }

    static int unary(int op, ElementType t, int x) {
        return switch (op) {
            case Opcode.NEG -> t.isFloat ? t.normalize(Float.floatToRawIntBits(-Float.intBitsToFloat(x))) : t.normalize(-x);
            case Opcode.NOT -> t.normalize(~x);
            case Opcode.LNOT -> x == 0 ? 1 : 0;
            default -> throw new IllegalStateException("not a unary operation: " + Opcode.name(op));
        };
    }

    /** {@code @as}: a numeric conversion. */
    static int convert(int v, ElementType from, ElementType to) {
        if (from.isFloat) {
            float f = Float.intBitsToFloat(v);
            if (to.isFloat) {
                return to.normalize(v);
            }
            if (to == ElementType.U32) {
                return (int) (long) f;
            }
            return to.normalize((int) f);
        }
        if (to.isFloat) {
            float f = from.signed ? (float) v : (float) (v & 0xFFFFFFFFL);
            return to.normalize(Float.floatToRawIntBits(f));
        }
        return to.normalize(v);
    }

    /** {@code @bitcast}: the same bits seen as another type of the same width. */
    static int bitcast(int v, ElementType from, ElementType to) {
        int raw = from == ElementType.F16 ? Half.fromFloat(Float.intBitsToFloat(v)) & 0xFFFF : v;
        if (to == ElementType.F16) {
            return Float.floatToRawIntBits(Half.toFloat((short) raw));
        }
        return to.normalize(raw);
    }
}
