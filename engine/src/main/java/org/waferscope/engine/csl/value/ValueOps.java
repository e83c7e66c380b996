package org.waferscope.engine.csl.value;

import java.util.List;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.arch.Half;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.syntax.TokenKind;
import org.waferscope.engine.csl.value.Value.BoolVal;
import org.waferscope.engine.csl.value.Value.FloatVal;
import org.waferscope.engine.csl.value.Value.IntVal;
import org.waferscope.engine.ir.SourcePos;

/** Arithmetic, comparison and coercion of compile-time values. */
public final class ValueOps {
    private ValueOps() {
    }

    private static final BoolVal TRUE = new BoolVal(true);
    private static final BoolVal FALSE = new BoolVal(false);

    /**
     * The bool value {@code b}. Values are immutable, so two instances serve every comparison
     * a layout loop makes, and a struct literal of them finds its earlier self by identity.
     */
    public static BoolVal truth(boolean b) {
        return b ? TRUE : FALSE;
    }

    /** Compile-time integers -128..1023, made once: literals and loop counts are mostly small. */
    private static final IntVal[] SMALL = smallIntegers();

    private static IntVal[] smallIntegers() {
        IntVal[] small = new IntVal[1024 + 128];
        for (int i = 0; i < small.length; i++) {
            small[i] = new IntVal(i - 128, CslType.COMPTIME_INT);
        }
        return small;
    }

    public static IntVal integer(long v) {
        return v >= -128 && v < 1024 ? SMALL[(int) v + 128] : new IntVal(v, CslType.COMPTIME_INT);
    }

    /** Converts {@code v} to {@code target} where CSL allows it without {@code @as}. */
    public static Value coerce(Value v, CslType target, SourcePos pos) {
        CslType from = v.type();
        if (target == CslType.ANY || from.equals(target)) {
            return v;
        }
        if (v instanceof Value.UndefinedVal) {
            return v;
        }
        if (v instanceof IntVal i && target.isInt() && from.isInt()) {
            // Every Value is known at compile time, and Zig (so CSL) lets a known integer
            // convert to any integer type that holds it: `const z: i16 = pattern - 1;` with a
            // u16 param, or an i16 param handed to a module function's u16 parameter.
            return typedInt(i.v(), target, pos);
        }
        if (v instanceof IntVal i && target.isNumeric()) {
            if (from != CslType.COMPTIME_INT && !Types.assignable(from, target)) {
                throw new CslError(pos, "expected " + target + " but found " + from + "; convert with @as");
            }
            return convert(v, target, pos);
        }
        if (v instanceof FloatVal f && target.isFloat()) {
            if (from != CslType.COMPTIME_FLOAT && !Types.assignable(from, target)) {
                throw new CslError(pos, "expected " + target + " but found " + from + "; convert with @as");
            }
            return convert(v, target, pos);
        }
        if (v instanceof FloatVal f && target.isInt() && from == CslType.COMPTIME_FLOAT && f.v() == Math.rint(f.v())) {
            return convert(v, target, pos);
        }
        if (target instanceof CslType.Fn ft && (v instanceof Value.FnVal || v instanceof Value.LibFnVal)) {
            // A function passed for a fn-typed param: its arity is checked where it is called.
            return v;
        }
        if (target == CslType.COMPTIME_STRUCT && (v instanceof Value.StructVal || v instanceof Value.TupleVal
                || v instanceof Value.ModuleVal)) {
            return v;
        }
        if (target instanceof CslType.Array at && v instanceof Value.ArrayVal av
                && av.type().dims().equals(at.dims())) {
            return convertArray(av, at, pos);
        }
        if (target instanceof CslType.Pointer tp && v instanceof Value.PointerVal pv
                && (tp.elem().equals(pv.type().elem())
                    // &A of an array A: the address of its first element, also a pointer to the whole array
                    || tp.elem() instanceof CslType.Array at && at.elem().equals(pv.type().elem()))) {
            return new Value.PointerVal(tp, pv.symbol(), pv.address());
        }
        throw new CslError(pos, "expected " + target + " but found " + describe(v));
    }

    /**
     * Coerces a compile-time-known value for use beside run-time values of type
     * {@code target}: as in Zig, a known integer converts to any integer type that holds
     * its value, and a known float to any float type.
     */
    public static Value coerceKnown(Value v, CslType target, SourcePos pos) {
        if (v instanceof IntVal i && target.isInt()) {
            return typedInt(i.v(), target, pos);
        }
        if (v instanceof FloatVal f && target.isFloat()) {
            return typedFloat(f.v(), target);
        }
        return coerce(v, target, pos);
    }

    private static Value convertArray(Value.ArrayVal av, CslType.Array at, SourcePos pos) {
        ElementType from = av.type().elem().elementType();
        ElementType to = at.elem().elementType();
        if (from == to) {
            return new Value.ArrayVal(at, av.bits());
        }
        if (from == null || to == null || !Types.assignable(av.type().elem(), at.elem())) {
            throw new CslError(pos, "expected " + at + " but found " + av.type());
        }
        return new Value.ArrayVal(at, av.bits());
    }

    /** {@code @as(target, v)}: any numeric conversion, checked for range on integers. */
    public static Value convert(Value v, CslType target, SourcePos pos) {
        if (v instanceof BoolVal b && target.isInt()) {
            return typedInt(b.v() ? 1 : 0, target, pos);
        }
        if (v instanceof IntVal i) {
            if (target.isInt()) {
                return typedInt(i.v(), target, pos);
            }
            if (target.isFloat()) {
                return typedFloat(i.v(), target);
            }
        }
        if (v instanceof FloatVal f) {
            if (target.isFloat()) {
                return typedFloat(f.v(), target);
            }
            if (target.isInt()) {
                if (Double.isNaN(f.v()) || Double.isInfinite(f.v())) {
                    throw new CslError(pos, "cannot convert " + f.v() + " to " + target);
                }
                return typedInt((long) f.v(), target, pos);
            }
        }
        if (target == CslType.BOOL && v instanceof BoolVal) {
            return v;
        }
        throw new CslError(pos, "cannot convert " + describe(v) + " to " + target);
    }

    public static IntVal typedInt(long v, CslType t, SourcePos pos) {
        if (t instanceof CslType.Scalar s && (v < Types.min(s.elem()) || v > Types.max(s.elem()))) {
            throw new CslError(pos, "value " + v + " does not fit in " + t);
        }
        return new IntVal(v, t);
    }

    public static FloatVal typedFloat(double v, CslType t) {
        if (t == CslType.F32) {
            return new FloatVal((float) v, t);
        }
        if (t == CslType.F16) {
            return new FloatVal(Half.round((float) v), t);
        }
        return new FloatVal(v, t);
    }

    /** The value's bits in register form for a scalar of type {@code t}. */
    public static int bits(Value v, ElementType t, SourcePos pos) {
        if (v instanceof Value.UndefinedVal) {
            return 0;
        }
        if (v instanceof BoolVal b) {
            return b.v() ? 1 : 0;
        }
        if (t.isFloat) {
            double d = v instanceof FloatVal f ? f.v() : v instanceof IntVal i ? i.v() : Double.NaN;
            return t.normalize(Float.floatToRawIntBits((float) d));
        }
        if (v instanceof IntVal i) {
            return t.normalize((int) i.v());
        }
        throw new CslError(pos, "expected a " + t.cslName() + " value but found " + describe(v));
    }

    /** The compile-time value of register bits of type {@code t}. */
    public static Value fromBits(int bits, CslType t) {
        ElementType e = t.elementType();
        if (e == ElementType.BOOL) {
            return truth(bits != 0);
        }
        if (e.isFloat) {
            return new FloatVal(Float.intBitsToFloat(bits), t);
        }
        return new IntVal(e.signed ? bits : bits & 0xFFFF_FFFFL, t);
    }

    public static Value unary(TokenKind op, Value v, SourcePos pos) {
        switch (op) {
            case MINUS -> {
                if (v instanceof IntVal i) {
                    if (i.type() instanceof CslType.Scalar s && !s.elem().signed) {
                        throw new CslError(pos, "cannot negate an unsigned " + s);
                    }
                    return typedInt(Math.negateExact(i.v()), i.type(), pos);
                }
                if (v instanceof FloatVal f) {
                    return new FloatVal(-f.v(), f.type());
                }
            }
            case BANG -> {
                if (v instanceof BoolVal b) {
                    return truth(!b.v());
                }
            }
            case TILDE -> {
                if (v instanceof IntVal i && i.type() instanceof CslType.Scalar s) {
                    return fromBits(s.elem().normalize(~(int) i.v()), s);
                }
                if (v instanceof IntVal) {
                    throw new CslError(pos, "'~' needs a sized integer; write @as(u16, ...) first");
                }
            }
            default -> {
            }
        }
        throw new CslError(pos, "operator '" + opText(op) + "' does not apply to " + describe(v));
    }

    public static Value binary(TokenKind op, Value a, Value b, SourcePos pos) {
        if (op == TokenKind.EQ || op == TokenKind.NE) {
            if (!(a.type().isNumeric() && b.type().isNumeric())) {
                boolean eq = a.equals(b);
                return truth(op == TokenKind.EQ ? eq : !eq);
            }
        }
        if (op == TokenKind.AND || op == TokenKind.OR) {
            if (a instanceof BoolVal x && b instanceof BoolVal y) {
                return truth(op == TokenKind.AND ? x.v() && y.v() : x.v() || y.v());
            }
            throw new CslError(pos, "'" + opText(op) + "' needs bool operands, found " + describe(a) + " and " + describe(b));
        }
        if (a instanceof BoolVal x && b instanceof BoolVal y) {
            return switch (op) {
                case AMP -> truth(x.v() & y.v());
                case PIPE -> truth(x.v() | y.v());
                case CARET -> truth(x.v() ^ y.v());
                default -> throw new CslError(pos, "operator '" + opText(op) + "' does not apply to bool");
            };
        }
        if (!a.type().isNumeric() || !b.type().isNumeric()) {
            throw new CslError(pos, "operator '" + opText(op) + "' does not apply to " + describe(a) + " and " + describe(b));
        }
        if (op == TokenKind.SHL || op == TokenKind.SHR) {
            return shift(op, a, b, pos);
        }
        CslType t = Types.peer(a.type(), b.type(), pos);
        return t.isFloat() ? floatOp(op, number(a), number(b), t, pos) : intOp(op, ((IntVal) a).v(), ((IntVal) b).v(), t, pos);
    }

    private static double number(Value v) {
        return v instanceof IntVal i ? i.v() : ((FloatVal) v).v();
    }

    private static Value shift(TokenKind op, Value a, Value b, SourcePos pos) {
        if (!(a instanceof IntVal x) || !(b instanceof IntVal y)) {
            throw new CslError(pos, "shifts need integer operands");
        }
        if (y.v() < 0 || y.v() > 63) {
            throw new CslError(pos, "shift amount " + y.v() + " is out of range");
        }
        int n = (int) y.v();
        if (op == TokenKind.SHR) {
            return new IntVal(x.v() >> n, x.type());
        }
        long r = x.v() << n;
        if (x.type() instanceof CslType.Scalar s) {
            return fromBits(s.elem().normalize((int) r), s);
        }
        if ((r >> n) != x.v()) {
            throw new CslError(pos, "compile-time integer overflow in '<<'");
        }
        return new IntVal(r, x.type());
    }

    private static Value intOp(TokenKind op, long x, long y, CslType t, SourcePos pos) {
        long r;
        try {
            r = switch (op) {
                case PLUS -> Math.addExact(x, y);
                case MINUS -> Math.subtractExact(x, y);
                case STAR -> Math.multiplyExact(x, y);
                case SLASH, PERCENT -> {
                    if (y == 0) {
                        throw new CslError(pos, "division by zero");
                    }
                    yield op == TokenKind.SLASH ? x / y : x % y;
                }
                case AMP -> x & y;
                case PIPE -> x | y;
                case CARET -> x ^ y;
                case LT -> x < y ? 1 : 0;
                case LE -> x <= y ? 1 : 0;
                case GT -> x > y ? 1 : 0;
                case GE -> x >= y ? 1 : 0;
                case EQ -> x == y ? 1 : 0;
                case NE -> x != y ? 1 : 0;
                default -> throw new CslError(pos, "operator '" + opText(op) + "' does not apply to integers");
            };
        } catch (ArithmeticException e) {
            throw new CslError(pos, "compile-time integer overflow");
        }
        if (isComparison(op)) {
            return truth(r != 0);
        }
        if (t instanceof CslType.Scalar s && (r < Types.min(s.elem()) || r > Types.max(s.elem()))) {
            throw new CslError(pos, "compile-time overflow: " + r + " does not fit in " + t);
        }
        return new IntVal(r, t);
    }

    private static Value floatOp(TokenKind op, double x, double y, CslType t, SourcePos pos) {
        double r = switch (op) {
            case PLUS -> x + y;
            case MINUS -> x - y;
            case STAR -> x * y;
            case SLASH -> x / y;
            case PERCENT -> x % y;
            case LT -> x < y ? 1 : 0;
            case LE -> x <= y ? 1 : 0;
            case GT -> x > y ? 1 : 0;
            case GE -> x >= y ? 1 : 0;
            case EQ -> x == y ? 1 : 0;
            case NE -> x != y ? 1 : 0;
            default -> throw new CslError(pos, "operator '" + opText(op) + "' does not apply to floats");
        };
        if (isComparison(op)) {
            return truth(r != 0);
        }
        return typedFloat(r, t);
    }

    public static boolean isComparison(TokenKind op) {
        return op == TokenKind.LT || op == TokenKind.LE || op == TokenKind.GT || op == TokenKind.GE
                || op == TokenKind.EQ || op == TokenKind.NE;
    }

    public static String opText(TokenKind op) {
        return switch (op) {
            case PLUS -> "+";
            case MINUS -> "-";
            case STAR -> "*";
            case SLASH -> "/";
            case PERCENT -> "%";
            case AMP -> "&";
            case PIPE -> "|";
            case CARET -> "^";
            case SHL -> "<<";
            case SHR -> ">>";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
            case EQ -> "==";
            case NE -> "!=";
            case AND -> "and";
            case OR -> "or";
            case BANG -> "!";
            case TILDE -> "~";
            default -> op.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** A value named for an error message: its kind and, if short, itself. */
    public static String describe(Value v) {
        if (v instanceof IntVal || v instanceof FloatVal) {
            return v.type() + " " + v;
        }
        if (v instanceof Value.StructVal || v instanceof Value.TupleVal) {
            return "a struct";
        }
        if (v instanceof Value.TypeVal t) {
            return "the type " + t.t();
        }
        return v.toString();
    }

    /** Requires an integer and returns it as a Java int in [lo, hi]. */
    public static int intIn(Value v, long lo, long hi, String what, SourcePos pos) {
        if (!(v instanceof IntVal i)) {
            throw new CslError(pos, what + " must be an integer, not " + describe(v));
        }
        if (i.v() < lo || i.v() > hi) {
            throw new CslError(pos, what + " must be in " + lo + ".." + hi + ", not " + i.v());
        }
        return (int) i.v();
    }

    public static boolean bool(Value v, String what, SourcePos pos) {
        if (v instanceof BoolVal b) {
            return b.v();
        }
        throw new CslError(pos, what + " must be a bool, not " + describe(v));
    }

    /**
     * A set of router ports as a mask of {@link org.waferscope.engine.arch.Direction#bit()}:
     * one port, a tuple {@code .{ RAMP, EAST }} or an array {@code [2]direction{ ... }}; none is 0.
     */
    public static int ports(Value v, SourcePos pos) {
        if (v == null) {
            return 0;
        }
        int mask = 0;
        for (Value item : items(v)) {
            if (!(item instanceof Value.DirectionVal d)) {
                throw new CslError(pos, "expected ports such as .{ RAMP, EAST }, found " + describe(item));
            }
            mask |= d.d().bit();
        }
        return mask;
    }

    public static List<Value> items(Value v) {
        if (v instanceof Value.TupleVal t) {
            return t.items();
        }
        if (v instanceof Value.ComptimeArrayVal a) {
            return a.items();
        }
        return List.of(v);
    }
}
