package org.waferscope.engine.csl.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.csl.value.ValueOps;
import org.waferscope.engine.ir.SourcePos;

/**
 * The SDK's {@code <debug>} library: each import is one trace, named by its {@code .key}, with
 * room for {@code .buffer_size} entries. The PE compiler emits the trace calls.
 */
public final class DebugLibrary {
    private DebugLibrary() {
    }

    /** The largest trace buffer, in 32-bit entries: a quarter of a PE's 48 KB. */
    public static final int MAX_BUFFER = 3072;

    static final Set<String> FUNCTIONS = Set.of("trace_bool", "trace_u8", "trace_i8", "trace_u16", "trace_i16",
            "trace_f16", "trace_u32", "trace_i32", "trace_f32", "trace_string", "trace", "trace_timestamp",
            "put_u16", "put_u32");

    /** The import's params, checked, as the instance's members {@code key} and {@code buffer_size}. */
    static Map<String, Value> instance(Value params, SourcePos pos) {
        if (!(params instanceof Value.StructVal st) || !(st.fields().get("key") instanceof Value.StringVal key)
                || !st.fields().containsKey("buffer_size")) {
            throw new CslError(pos, "<debug> takes .{ .key = \"name\", .buffer_size = n }: the trace's name and "
                    + "how many entries it keeps");
        }
        for (String k : st.fields().keySet()) {
            if (!k.equals("key") && !k.equals("buffer_size")) {
                throw new CslError(pos, "<debug> has no param ." + k + "; expected .key and .buffer_size");
            }
        }
        if (key.v().isEmpty() || !key.v().matches("[A-Za-z0-9_.-]+")) {
            throw new CslError(pos, "a <debug> key is a name of letters, digits, '_', '.' or '-', not \"" + key.v() + "\"");
        }
        int size = ValueOps.intIn(st.fields().get("buffer_size"), 1, MAX_BUFFER, "a <debug> buffer_size", pos);
        Map<String, Value> m = new LinkedHashMap<>();
        m.put("key", key);
        m.put("buffer_size", ValueOps.integer(size));
        return m;
    }
}
