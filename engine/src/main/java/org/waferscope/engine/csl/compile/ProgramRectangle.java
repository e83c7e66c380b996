package org.waferscope.engine.csl.compile;

import java.util.LinkedHashMap;
import java.util.Map;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;

/**
 * {@code @get_rectangle()} in a PE program: the layout's program rectangle, known when the
 * program is compiled for it. Its {@code x} and {@code y} are 0: Waferscope places the
 * rectangle at the fabric's origin.
 */
final class ProgramRectangle {
    private ProgramRectangle() {
    }

    static Value of(Expr.Builtin b, int[] rectangle) {
        if (!b.args().isEmpty()) {
            throw new CslError(b.pos(), "@get_rectangle takes no arguments");
        }
        if (rectangle[0] <= 0) {
            throw new CslError(b.pos(), "@get_rectangle needs the layout's rectangle, which is not known here");
        }
        Map<String, Value> m = new LinkedHashMap<>();
        m.put("x", new Value.IntVal(0, CslType.U16));
        m.put("y", new Value.IntVal(0, CslType.U16));
        m.put("width", new Value.IntVal(rectangle[0], CslType.U16));
        m.put("height", new Value.IntVal(rectangle[1], CslType.U16));
        return new Value.StructVal(java.util.Collections.unmodifiableMap(m));
    }
}
