package org.waferscope.engine.csl.eval;

import java.util.List;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.ir.SourcePos;

/** Library module functions whose work depends on the context that calls them (the layout's state). */
public interface ModuleHook {
    /** Calls {@code fn} of module {@code m}, or returns null if this context does not handle it. */
    Value call(Value.ModuleVal m, String fn, List<Value> args, SourcePos pos);
}
