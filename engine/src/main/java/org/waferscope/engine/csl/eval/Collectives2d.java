package org.waferscope.engine.csl.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.csl.value.ValueOps;
import org.waferscope.engine.ir.SourcePos;
import org.waferscope.engine.ir.TaskKind;

/**
 * The SDK's {@code <collectives_2d>} library as values: {@code <collectives_2d/params>}
 * (its {@code get_params} runs in the layout, see the layout package) and
 * {@code <collectives_2d/pe>}, whose functions the PE compiler turns into wavelet traffic.
 *
 * <p>One dimension's params (what {@code get_params(...).x} or {@code .y} is) hold the
 * dimension's axis, its two colors, its two library entry points and how many PEs it spans.
 */
public final class Collectives2d {
    private Collectives2d() {
    }

    public static final String PARAMS = "collectives_2d/params";
    public static final String PE = "collectives_2d/pe";
    public static final String DIM = "collectives_2d/dim";

    /** Switch positions of a link color: from the link to the CE, and from the CE onto the link. */
    public static final int RECEIVE = 0;
    public static final int SEND = 1;

    /** The functions of {@code <collectives_2d/pe>}; all run on the PE. */
    public static final Set<String> PE_FUNCTIONS = Set.of("init", "broadcast", "scatter", "gather", "reduce_fadds");

    /** Each queue pair and DSR id the SDK's examples name as the x and y defaults. */
    private static final int[][] DEFAULT_QUEUES = {{2, 4}, {3, 5}};

    /** True if {@code n} (without angle brackets) is one of this library's modules. */
    public static boolean isModule(String n) {
        return n.equals(PARAMS) || n.equals(PE);
    }

    static Value importModule(String n, Value params, SourcePos pos) {
        Map<String, Value> members = new LinkedHashMap<>();
        if (n.equals(PARAMS)) {
            if (params != null && !(params instanceof Value.StructVal s && s.fields().isEmpty())) {
                throw new CslError(pos, "<collectives_2d/params> takes no params");
            }
            return new Value.ModuleVal(n, Map.of());
        }
        if (!(params instanceof Value.StructVal s)) {
            throw new CslError(pos, "<collectives_2d/pe> needs .{ .dim_params = c2d_params.x } (or .y)");
        }
        Set<String> allowed = Set.of("dim_params", "queues", "dest_dsr_ids", "src0_dsr_ids", "src1_dsr_ids");
        for (String k : s.fields().keySet()) {
            if (!allowed.contains(k)) {
                throw new CslError(pos, "<collectives_2d/pe> has no param ." + k + "; expected "
                        + String.join(", ", new TreeSet<>(allowed)));
            }
        }
        if (!(s.fields().get("dim_params") instanceof Value.ModuleVal dim && dim.name().equals(DIM))) {
            throw new CslError(pos, "<collectives_2d/pe> .dim_params must be the .x or .y of what "
                    + "<collectives_2d/params>.get_params gave the layout");
        }
        int axis = ((Value.IntVal) dim.params().get("axis")).v() == 0 ? 0 : 1;
        int[] queues = DEFAULT_QUEUES[axis].clone();
        Value q = s.fields().get("queues");
        if (q != null) {
            List<Value> items = items(q, pos, ".queues");
            if (items.size() != 2) {
                throw new CslError(pos, "<collectives_2d/pe> .queues holds two queue ids, as in [2]u16{2, 4}");
            }
            for (int i = 0; i < 2; i++) {
                queues[i] = ValueOps.intIn(items.get(i), 0, 7, "a queue id", pos);
            }
            if (queues[0] == queues[1]) {
                throw new CslError(pos, "<collectives_2d/pe> .queues needs two different queues");
            }
        }
        // DSR ids name hardware registers Waferscope does not model; they are checked and ignored.
        for (String k : List.of("dest_dsr_ids", "src0_dsr_ids", "src1_dsr_ids")) {
            if (s.fields().containsKey(k)) {
                items(s.fields().get(k), pos, "." + k);
            }
        }
        members.put("dim", dim);
        members.put("queues", new Value.TupleVal(List.of(ValueOps.integer(queues[0]), ValueOps.integer(queues[1]))));
        return new Value.ModuleVal(n, java.util.Collections.unmodifiableMap(members));
    }

    private static List<Value> items(Value v, SourcePos pos, String what) {
        if (v instanceof Value.TupleVal t) {
            return t.items();
        }
        if (v instanceof Value.ArrayVal a) {
            CslType elem = a.type().elem();
            return java.util.Arrays.stream(a.bits()).mapToObj(b -> ValueOps.fromBits(b, elem)).toList();
        }
        throw new CslError(pos, "<collectives_2d/pe> " + what + " must be an array such as [2]u16{2, 4}");
    }

    /**
     * One dimension's params: {@code axis} 0 for x (rows, west to east), 1 for y (columns,
     * north to south); {@code size} PEs along it.
     */
    public static Value.ModuleVal dimension(int axis, List<Value.ColorVal> colors, List<Value.TaskIdVal> entrypoints,
                                            int size) {
        Map<String, Value> m = new LinkedHashMap<>();
        m.put("axis", ValueOps.integer(axis));
        m.put("colors", new Value.TupleVal(List.copyOf(colors)));
        m.put("entrypoints", new Value.TupleVal(List.copyOf(entrypoints)));
        m.put("size", ValueOps.integer(size));
        return new Value.ModuleVal(DIM, java.util.Collections.unmodifiableMap(m));
    }

    /** Reads a pair such as {@code .{ c0, c1 }} of colors or local task ids. */
    public static <T extends Value> List<T> pair(Value v, Class<T> kind, String what, SourcePos pos) {
        if (!(v instanceof Value.TupleVal t) || t.items().size() != 2
                || !t.items().stream().allMatch(kind::isInstance)) {
            throw new CslError(pos, "get_params ." + what + " must be two " + (kind == Value.ColorVal.class
                    ? "colors, as in .{ @get_color(0), @get_color(1) }"
                    : "local task ids, as in .{ @get_local_task_id(10), @get_local_task_id(11) }"));
        }
        if (kind == Value.TaskIdVal.class && t.items().stream().anyMatch(i -> ((Value.TaskIdVal) i).kind() != TaskKind.LOCAL)) {
            throw new CslError(pos, "get_params ." + what + " must be local task ids (@get_local_task_id)");
        }
        if (t.items().get(0).equals(t.items().get(1))) {
            throw new CslError(pos, "get_params ." + what + " must be two different " + (kind == Value.ColorVal.class
                    ? "colors" : "local task ids") + "; " + ValueOps.describe(t.items().get(0)) + " is given twice");
        }
        return t.items().stream().map(kind::cast).toList();
    }
}
