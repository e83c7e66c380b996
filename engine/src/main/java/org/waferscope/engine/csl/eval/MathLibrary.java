package org.waferscope.engine.csl.eval;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.csl.value.ValueOps;
import org.waferscope.engine.ir.MathFn;
import org.waferscope.engine.ir.SourcePos;

/**
 * The SDK's {@code <math>} library: its constants, and its functions by name. Each function
 * comes generic ({@code sqrt(x)}, typed by its argument) and typed ({@code sqrt_f32},
 * {@code sqrt_f16}). Those the SDK allows at compile time fold here with the same
 * {@link MathFn} the PE runs; the PE compiler emits the rest.
 */
public final class MathLibrary {
    private MathLibrary() {
    }

    /** The comptime functions that take a float type: {@code NaN(f32)} and the infinities. */
    private static final List<String> TYPED_CONSTANTS = List.of("POSITIVE_INF", "NEGATIVE_INF", "NaN");

    /** Every function name the library offers that runs on the PE. */
    static final Set<String> FUNCTIONS = functionNames();

    private static Set<String> functionNames() {
        Set<String> names = new LinkedHashSet<>();
        for (MathFn f : MathFn.values()) {
            names.add(f.cslName);
            names.add(f.cslName + "_f16");
            names.add(f.cslName + "_f32");
        }
        return java.util.Collections.unmodifiableSet(names);
    }

    /** A function name taken apart: the function and the type its suffix names (null: generic). */
    public record Named(MathFn fn, CslType type) {
    }

    /** The function {@code name} names, or null. */
    public static Named byName(String name) {
        CslType t = null;
        String base = name;
        if (name.endsWith("_f32") || name.endsWith("_f16")) {
            t = name.endsWith("_f32") ? CslType.F32 : CslType.F16;
            base = name.substring(0, name.length() - 4);
        }
        MathFn fn = MathFn.byName(base);
        return fn == null ? null : new Named(fn, t);
    }

    static Map<String, Value> members() {
        Map<String, Value> m = new LinkedHashMap<>();
        m.put("PI", new Value.FloatVal(Math.PI, CslType.COMPTIME_FLOAT));
        m.put("E", new Value.FloatVal(Math.E, CslType.COMPTIME_FLOAT));
        for (CslType t : List.of(CslType.F16, CslType.F32)) {
            String suffix = t == CslType.F16 ? "_f16" : "_f32";
            m.put("POSITIVE_INF" + suffix, new Value.FloatVal(Double.POSITIVE_INFINITY, t));
            m.put("NEGATIVE_INF" + suffix, new Value.FloatVal(Double.NEGATIVE_INFINITY, t));
            m.put("NaN" + suffix, new Value.FloatVal(Double.NaN, t));
        }
        return m;
    }

    /**
     * A call with arguments known at compile time; null when the function runs only on the PE
     * or an argument is not known yet.
     */
    static Value callComptime(String name, List<Value> args, SourcePos pos) {
        if (TYPED_CONSTANTS.contains(name)) {
            if (args.size() != 1 || !(args.get(0) instanceof Value.TypeVal tv) || !tv.t().isFloat()) {
                throw new CslError(pos, name + " takes a float type, as in " + name + "(f32)");
            }
            double v = name.equals("NaN") ? Double.NaN
                    : name.equals("POSITIVE_INF") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            return new Value.FloatVal(v, tv.t());
        }
        Named n = byName(name);
        if (n == null) {
            throw new CslError(pos, "module <math> has no function " + name);
        }
        if (args.size() != n.fn().arity) {
            throw new CslError(pos, name + " takes " + n.fn().arity + " argument" + (n.fn().arity == 1 ? "" : "s"));
        }
        if (n.fn().runtimeOnly || args.stream().anyMatch(a -> a == null)) {
            return null;
        }
        return fold(n, args, pos);
    }

    /** Applies a function to known arguments, rounding as the PE would for a typed operand. */
    public static Value fold(Named n, List<Value> args, SourcePos pos) {
        CslType t = operandType(n, args.get(0).type(), pos);
        MathFn fn = n.fn();
        if (t == CslType.COMPTIME_FLOAT && fn.returnsBool()) {
            t = CslType.F32;
        } else if (t == CslType.COMPTIME_FLOAT) {
            double y = args.size() > 1 ? number(args.get(1), pos) : 0;
            return new Value.FloatVal(fn.real(number(args.get(0), pos), y), CslType.COMPTIME_FLOAT);
        }
        CslType yType = fn == MathFn.FSCALE ? CslType.I16 : t;
        int x = ValueOps.bits(ValueOps.coerce(args.get(0), t, pos), t.elementType(), pos);
        int y = args.size() > 1 ? ValueOps.bits(ValueOps.coerce(args.get(1), yType, pos), yType.elementType(), pos) : 0;
        int r = fn.apply(t.elementType(), x, y);
        return ValueOps.fromBits(r, fn.returnsBool() ? CslType.BOOL : t);
    }

    /**
     * The type a call computes in: its suffix's, else its first argument's; a float-only
     * function refuses integers, and a literal integer is taken as i32.
     */
    public static CslType operandType(Named n, CslType arg, SourcePos pos) {
        CslType t = n.type() != null ? n.type() : arg == CslType.COMPTIME_INT ? CslType.I32 : arg;
        if (t.elementType() == null && t != CslType.COMPTIME_FLOAT || t == CslType.BOOL) {
            throw new CslError(pos, n.fn().cslName + " takes a number, not " + arg);
        }
        if (n.fn().floatOnly && !t.isFloat()) {
            throw new CslError(pos, n.fn().cslName + " takes f16 or f32, not " + t);
        }
        return t;
    }

    private static double number(Value v, SourcePos pos) {
        if (v instanceof Value.FloatVal f) {
            return f.v();
        }
        if (v instanceof Value.IntVal i) {
            return i.v();
        }
        throw new CslError(pos, "expected a number, not " + ValueOps.describe(v));
    }
}
