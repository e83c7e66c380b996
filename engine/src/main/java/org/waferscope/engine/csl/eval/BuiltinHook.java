package org.waferscope.engine.csl.eval;

import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.value.Value;

/** Builtins that only make sense in one context (the layout block, a PE program's comptime). */
public interface BuiltinHook {
    /** Evaluates the builtin, or returns null if this context does not know it. */
    Value call(Expr.Builtin call, Scope scope, Evaluator ev);
}
