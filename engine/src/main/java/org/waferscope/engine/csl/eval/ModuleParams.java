package org.waferscope.engine.csl.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.csl.value.ValueOps;
import org.waferscope.engine.ir.SourcePos;

/**
 * The two builtins the module linker writes (their names cannot be typed in a CSL file): one
 * checks an import's struct of params against the params the module declares, the other gives
 * a module's param its value from that struct or its default.
 */
public final class ModuleParams {
    /** {@code CHECK(struct, "p,q", "file.csl")}: the struct, once its fields are all params of the file. */
    public static final String CHECK = "@<module params>";
    /** {@code VALUE(struct, "p", type or {}, [default])}: the value of param p. */
    public static final String VALUE = "@<module param>";
    /** The hidden const of an instance that holds its import's struct ({@code m.<params>}). */
    public static final String HIDDEN = "<params>";

    private ModuleParams() {
    }

    static Value call(Expr.Builtin b, Scope s, Evaluator ev) {
        List<Expr> a = b.args();
        SourcePos pos = b.pos();
        if (b.name().equals(CHECK)) {
            Map<String, Value> fields = fields(ev.eval(a.get(0), s), pos);
            List<String> params = Arrays.asList(text(a.get(1)).split(","));
            for (String given : new java.util.TreeSet<>(fields.keySet())) {
                if (!params.contains(given)) {
                    throw new CslError(pos, text(a.get(2)) + " declares no param '" + given + "'");
                }
            }
            return new Value.StructVal(fields);
        }
        String name = text(a.get(1));
        Value v = fields(ev.eval(a.get(0), s), pos).get(name);
        if (v == null && a.size() == 4) {
            v = ev.eval(a.get(3), s);
        }
        if (v == null) {
            throw new CslError(pos, "param '" + name + "' of the module imported here is used, but this "
                    + "@import_module gives it no value and it has no default");
        }
        if (a.get(2) instanceof Expr.VoidLit) {
            return v;
        }
        CslType t = ev.type(a.get(2), s);
        // As between a layout and its PE programs, a compile-time integer keeps its value, not its type.
        return v instanceof Value.IntVal iv && t.isInt() ? ValueOps.typedInt(iv.v(), t, pos) : ValueOps.coerce(v, t, pos);
    }

    private static String text(Expr e) {
        return ((Expr.StringLit) e).value();
    }

    private static Map<String, Value> fields(Value v, SourcePos pos) {
        if (v instanceof Value.StructVal st) {
            return st.fields();
        }
        if (v instanceof Value.TupleVal t && t.items().isEmpty()) {
            return Map.of();
        }
        throw new CslError(pos, "the params of @import_module are a struct such as .{ .name = value }, not "
                + ValueOps.describe(v));
    }
}
