package org.waferscope.engine.csl.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.csl.value.ValueOps;

/**
 * What a failed {@code @comptime_assert} says beyond "failed": its condition written out again
 * and the values of the names in it ({@code receivers >= 1, where receivers is 0}), so a
 * student who passed a param that breaks a layout's assumption sees which one and why.
 */
final class AssertText {
    /** Longer conditions are cut: the position already points at the whole of it. */
    private static final int MAX = 120;

    private AssertText() {
    }

    /** The condition and its names' values; {@code eval} gives a name's value or throws. */
    static String of(Expr cond, Function<Expr, Value> eval) {
        Map<String, String> names = new LinkedHashMap<>();
        String text = write(cond, eval, names);
        if (cond instanceof Expr.Binary) {
            text = text.substring(1, text.length() - 1);   // the outermost brackets say nothing
        }
        if (text.length() > MAX) {
            text = text.substring(0, MAX) + "…";
        }
        List<String> values = new ArrayList<>();
        names.forEach((n, v) -> values.add(n + " is " + v));
        return values.isEmpty() ? text : text + ", where " + String.join(", ", values);
    }

    private static String write(Expr e, Function<Expr, Value> eval, Map<String, String> names) {
        if (e instanceof Expr.IntLit i) {
            return Long.toString(i.value());
        } else if (e instanceof Expr.FloatLit f) {
            return Double.toString(f.value());
        } else if (e instanceof Expr.BoolLit b) {
            return Boolean.toString(b.value());
        } else if (e instanceof Expr.StringLit s) {
            return '"' + s.value() + '"';
        } else if (e instanceof Expr.Name n) {
            names.computeIfAbsent(n.name(), k -> valueOf(n, eval));
            return n.name();
        } else if (e instanceof Expr.Field f) {
            String text = write(f.target(), eval, new LinkedHashMap<>()) + "." + f.name();
            names.computeIfAbsent(text, k -> valueOf(f, eval));
            return text;
        } else if (e instanceof Expr.Unary u) {
            return ValueOps.opText(u.op()) + write(u.operand(), eval, names);
        } else if (e instanceof Expr.Binary b) {
            return "(" + write(b.left(), eval, names) + " " + ValueOps.opText(b.op()) + " " + write(b.right(), eval, names) + ")";
        } else if (e instanceof Expr.Builtin b) {
            return b.name() + "(" + String.join(", ", b.args().stream().map(a -> write(a, eval, names)).toList()) + ")";
        } else if (e instanceof Expr.Call c) {
            return write(c.callee(), eval, new LinkedHashMap<>()) + "("
                    + String.join(", ", c.args().stream().map(a -> write(a, eval, names)).toList()) + ")";
        }
        return "…";
    }

    private static String valueOf(Expr e, Function<Expr, Value> eval) {
        try {
            Value v = eval.apply(e);
            return v instanceof Value.IntVal || v instanceof Value.FloatVal || v instanceof Value.BoolVal
                    ? v.toString() : null;
        } catch (RuntimeException ignored) {
            return null;   // a name the condition could not read is left unexplained, not a second error
        }
    }
}
