package org.waferscope.engine.csl.layout;

import java.util.Map;
import java.util.Set;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.csl.value.ValueOps;
import org.waferscope.engine.fabric.CounterFilter;
import org.waferscope.engine.ir.SourcePos;

/**
 * Reads a color config's {@code .filter}: a range filter ({@code .kind = .{ .range = true },
 * .min_idx, .max_idx}) or a counter filter ({@code .kind = .{ .counter = true }, .limit1,
 * .max_counter, .init_counter, .count_data, .count_control, .fast_mode}). A field of the other
 * kind, an unknown kind or field, and a setting Waferscope does not model are errors at the
 * config's position, never ignored.
 */
final class FilterReader {
    private static final Set<String> RANGE = Set.of("kind", "min_idx", "max_idx");
    private static final Set<String> COUNTER = Set.of("kind", "limit1", "max_counter", "init_counter", "count_data",
            "count_control", "fast_mode");
    private static final Set<String> KINDS = Set.of("range", "counter");

    /** A filter as read: {@code min, max} of a range filter (-1, -1 for none), or a counter filter. */
    record Filter(int min, int max, CounterFilter counter) {
        static final Filter NONE = new Filter(-1, -1, null);
    }

    private FilterReader() {
    }

    static Filter read(Value v, SourcePos pos) {
        if (!(v instanceof Value.StructVal s)) {
            throw new CslError(pos, ".filter must be a struct .{ .kind = ..., ... }, not " + ValueOps.describe(v));
        }
        Map<String, Value> f = s.fields();
        String kind = kind(f.get("kind"), pos);
        Set<String> allowed = kind.equals("range") ? RANGE : COUNTER;
        for (String k : f.keySet()) {
            if (!allowed.contains(k)) {
                String other = RANGE.contains(k) || COUNTER.contains(k) ? "a " + kind + " filter takes no ." + k
                        : ".filter has no field ." + k + " in Waferscope's CSL subset";
                throw new CslError(pos, other + "; expected one of " + allowed.stream().sorted().toList());
            }
        }
        return kind.equals("range") ? range(f, pos) : new Filter(-1, -1, counter(f, pos));
    }

    private static String kind(Value v, SourcePos pos) {
        if (v == null) {
            throw new CslError(pos, "a filter needs .kind = .{ .range = true } or .{ .counter = true }");
        }
        if (!(v instanceof Value.StructVal s)) {
            throw new CslError(pos, ".filter.kind must be a struct .{ .range = true } or .{ .counter = true }, not "
                    + ValueOps.describe(v));
        }
        String chosen = null;
        for (Map.Entry<String, Value> e : s.fields().entrySet()) {
            if (!KINDS.contains(e.getKey())) {
                throw new CslError(pos, "Waferscope supports range and counter filters only; .filter.kind has ."
                        + e.getKey() + " (expected .range = true or .counter = true)");
            }
            if (ValueOps.bool(e.getValue(), ".filter.kind." + e.getKey(), pos)) {
                if (chosen != null) {
                    throw new CslError(pos, ".filter.kind names two kinds (." + chosen + " and ." + e.getKey()
                            + "); a filter is of one kind");
                }
                chosen = e.getKey();
            }
        }
        if (chosen == null) {
            throw new CslError(pos, ".filter.kind sets no kind to true; expected .range = true or .counter = true");
        }
        return chosen;
    }

    private static Filter range(Map<String, Value> f, SourcePos pos) {
        if (!f.containsKey("min_idx") || !f.containsKey("max_idx")) {
            throw new CslError(pos, "a range filter needs .min_idx and .max_idx");
        }
        int min = ValueOps.intIn(f.get("min_idx"), 0, 0xFFFF, ".min_idx", pos);
        int max = ValueOps.intIn(f.get("max_idx"), min, 0xFFFF, ".max_idx", pos);
        return new Filter(min, max, null);
    }

    private static CounterFilter counter(Map<String, Value> f, SourcePos pos) {
        if (!f.containsKey("limit1") || !f.containsKey("max_counter")) {
            throw new CslError(pos, "a counter filter needs .limit1 (the counter wraps to 0 after it) and .max_counter "
                    + "(wavelets pass while the counter is at most this)");
        }
        int limit1 = ValueOps.intIn(f.get("limit1"), 0, 0xFFFF, ".limit1", pos);
        int max = ValueOps.intIn(f.get("max_counter"), 0, limit1, ".max_counter (at most .limit1)", pos);
        int init = f.containsKey("init_counter")
                ? ValueOps.intIn(f.get("init_counter"), 0, limit1, ".init_counter (at most .limit1)", pos) : 0;
        boolean data = !f.containsKey("count_data") || ValueOps.bool(f.get("count_data"), ".count_data", pos);
        boolean control = f.containsKey("count_control") && ValueOps.bool(f.get("count_control"), ".count_control", pos);
        if (f.containsKey("fast_mode") && !ValueOps.bool(f.get("fast_mode"), ".fast_mode", pos)) {
            throw new CslError(pos, ".fast_mode = false is not in Waferscope's CSL subset: only the fast mode the SDK's "
                    + "examples use is modelled (a filter costs no cycle either way here)");
        }
        return new CounterFilter(limit1, max, init, data, control);
    }
}
