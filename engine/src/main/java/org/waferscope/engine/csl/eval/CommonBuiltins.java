package org.waferscope.engine.csl.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.arch.Half;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.csl.value.ValueOps;
import org.waferscope.engine.ir.SourcePos;
import org.waferscope.engine.ir.TaskKind;

/** Builtins that mean the same in a layout and in a PE program, evaluated at compile time. */
final class CommonBuiltins {
    private CommonBuiltins() {
    }

    /** CSL builtins Waferscope knows of but does not support, for a precise message. */
    private static final Set<String> UNSUPPORTED = Set.of(
            "@random16", "@strlen", "@get_array", "@set_fifo_read_length", "@set_config",
            "@get_config", "@rpc", "@dimensions", "@field",
            "@has_field", "@queue_flush", "@get_filter_id", "@fabric_color", "@element_count");

    static String unknown(String name) {
        if (UNSUPPORTED.contains(name)) {
            return "`" + name + "` is not in Waferscope's CSL subset";
        }
        return "unknown builtin " + name;
    }

    static Value call(Expr.Builtin b, Scope s, Evaluator ev) {
        List<Expr> a = b.args();
        SourcePos pos = b.pos();
        switch (b.name()) {
            case "@as" -> {
                arity(b, 2);
                return ValueOps.convert(ev.eval(a.get(1), s), ev.type(a.get(0), s), pos);
            }
            case "@bitcast" -> {
                arity(b, 2);
                return bitcast(ev.type(a.get(0), s), ev.eval(a.get(1), s), pos);
            }
            case "@get_color" -> {
                arity(b, 1);
                int max = ev.profile().colors() - 1;
                return new Value.ColorVal(ValueOps.intIn(ev.eval(a.get(0), s), 0, max, "a routable color", pos));
            }
            case "@get_int" -> {
                // the number behind a color, task id or queue, as a comptime integer
                // (the SDK's residual benchmark tests `@get_int(color) != 15` on WSE-3)
                arity(b, 1);
                Value v = ev.eval(a.get(0), s);
                if (v instanceof Value.ColorVal c) {
                    return ValueOps.integer(c.id());
                } else if (v instanceof Value.TaskIdVal t) {
                    return ValueOps.integer(t.id());
                } else if (v instanceof Value.QueueVal q) {
                    return ValueOps.integer(q.id());
                } else if (v instanceof Value.IntVal) {
                    return v;
                }
                throw new CslError(pos, "@get_int takes a color, task id or queue, not " + ValueOps.describe(v));
            }
            case "@is_arch" -> {
                arity(b, 1);
                if (!(ev.eval(a.get(0), s) instanceof Value.StringVal str)) {
                    throw new CslError(pos, "@is_arch takes a string such as \"wse2\"");
                }
                if (!str.v().equals("wse2") && !str.v().equals("wse3")) {
                    throw new CslError(pos, "unknown architecture \"" + str.v() + "\": expected \"wse2\" or \"wse3\"");
                }
                return new Value.BoolVal(str.v().equals(ev.profile().name()));
            }
            case "@import_module" -> {
                if (a.isEmpty() || a.size() > 2 || !(ev.eval(a.get(0), s) instanceof Value.StringVal name)) {
                    throw new CslError(pos, "@import_module takes a module name such as \"<layout>\" and optional params");
                }
                return Modules.importModule(name.v(), a.size() == 2 ? ev.eval(a.get(1), s) : null, pos);
            }
            case "@type_of" -> {
                // Of a value known at compile time; modules test a param left {} with it.
                arity(b, 1);
                return new Value.TypeVal(ev.eval(a.get(0), s).type());
            }
            case "@is_same_type" -> {
                arity(b, 2);
                return new Value.BoolVal(ev.type(a.get(0), s).equals(ev.type(a.get(1), s)));
            }
            case ModuleParams.CHECK, ModuleParams.VALUE -> {
                return ModuleParams.call(b, s, ev);
            }
            case "@comptime_assert" -> {
                if (a.isEmpty() || a.size() > 2) {
                    throw new CslError(pos, "@comptime_assert takes a condition and an optional message");
                }
                if (!ValueOps.bool(ev.eval(a.get(0), s), "@comptime_assert's condition", pos)) {
                    String msg = a.size() == 2 && ev.eval(a.get(1), s) instanceof Value.StringVal m ? ": " + m.v() : "";
                    throw new CslError(pos, "@comptime_assert failed" + msg + " (" + AssertText.of(a.get(0), x -> ev.eval(x, s))
                            + ")");
                }
                return new Value.VoidVal();
            }
            case "@concat_structs" -> {
                arity(b, 2);
                return concat(ev.eval(a.get(0), s), ev.eval(a.get(1), s), pos);
            }
            case "@get_ut_id" -> {
                // WSE-3 names the microthread an asynchronous operation runs on; WSE-2 has none to name.
                arity(b, 1);
                if (!ev.profile().dataTasksBindToQueues()) {
                    throw new CslError(pos, "@get_ut_id names a WSE-3 microthread; on " + ev.profile().name()
                            + " an asynchronous operation's microthread follows its queue");
                }
                return new Value.IntVal(ValueOps.intIn(ev.eval(a.get(0), s), 0, MICROTHREADS - 1L,
                        "a microthread id", pos), CslType.UT_ID);
            }
            case "@get_dsr" -> {
                arity(b, 2);
                CslType kind = ev.type(a.get(0), s);
                if (kind != CslType.DSR_DEST && kind != CslType.DSR_SRC0 && kind != CslType.DSR_SRC1) {
                    throw new CslError(pos, "@get_dsr takes dsr_dest, dsr_src0 or dsr_src1 and a number, not " + kind);
                }
                return new Value.IntVal(ValueOps.intIn(ev.eval(a.get(1), s), 0, DSRS - 1L, "a DSR number", pos), kind);
            }
            case "@get_input_queue", "@get_output_queue" -> {
                arity(b, 1);
                boolean in = b.name().equals("@get_input_queue");
                int n = in ? ev.profile().inputQueues() : ev.profile().outputQueues();
                return new Value.QueueVal(in, ValueOps.intIn(ev.eval(a.get(0), s), 0, n - 1L,
                        (in ? "an input" : "an output") + " queue on " + ev.profile().name(), pos));
            }
            case "@get_local_task_id", "@get_control_task_id" -> {
                arity(b, 1);
                TaskKind k = b.name().equals("@get_local_task_id") ? TaskKind.LOCAL : TaskKind.CONTROL;
                int id = ValueOps.intIn(ev.eval(a.get(0), s), 0, ev.profile().taskIds() - 1L, "a task id", pos);
                return new Value.TaskIdVal(k, id, -1, -1);
            }
            case "@get_data_task_id" -> {
                arity(b, 1);
                return dataTaskId(ev.eval(a.get(0), s), ev, pos);
            }
            case "@zeros", "@constants" -> {
                arity(b, b.name().equals("@zeros") ? 1 : 2);
                CslType t = ev.type(a.get(0), s);
                if (!(t instanceof CslType.Array at)) {
                    throw new CslError(pos, b.name() + " makes an array; give it an array type such as [16]f32");
                }
                int fill = 0;
                if (a.size() == 2) {
                    Value v = ValueOps.coerce(ev.eval(a.get(1), s), at.elem(), pos);
                    fill = ValueOps.bits(v, at.elem().elementType(), pos);
                }
                int[] bits = new int[at.length()];
                java.util.Arrays.fill(bits, fill);
                return new Value.ArrayVal(at, bits);
            }
            case "@range" -> throw new CslError(pos, "@range may only be what a for loop runs over");
            default -> {
                return null;
            }
        }
    }

    /** How far the data task ids of the host stream colors lie above the colors' numbers. */
    public static final int HOST_TASK_SHIFT = 32;

    /** WSE-3's microthreads, as {@code @get_ut_id} numbers them. */
    static final int MICROTHREADS = 8;
    /** Data structure registers of each kind, as {@code @get_dsr} numbers them. */
    static final int DSRS = 32;

    static void arity(Expr.Builtin b, int n) {
        if (b.args().size() != n) {
            throw new CslError(b.pos(), b.name() + " takes " + n + " argument" + (n == 1 ? "" : "s")
                    + ", not " + b.args().size());
        }
    }

    private static Value dataTaskId(Value v, Evaluator ev, SourcePos pos) {
        boolean queues = ev.profile().dataTasksBindToQueues();
        if (v instanceof Value.ColorVal c) {
            if (queues) {
                throw new CslError(pos, "on " + ev.profile().name() + " a data task binds to an input queue: "
                        + "use @get_data_task_id(@get_input_queue(n)) and @initialize_queue(q, .{ .color = c })");
            }
            // A host stream color (24..27) is Waferscope's own, not a color the program chose: its data
            // task takes an id (56..59) that programs do not use, so the ids the SDK leaves free stay free.
            int id = c.id() >= Modules.FIRST_HOST_COLOR ? c.id() + HOST_TASK_SHIFT : c.id();
            return new Value.TaskIdVal(TaskKind.DATA, id, c.id(), -1);
        }
        if (v instanceof Value.QueueVal q && q.input()) {
            if (!queues) {
                throw new CslError(pos, "on " + ev.profile().name() + " a data task binds to a color: "
                        + "use @get_data_task_id(color)");
            }
            return new Value.TaskIdVal(TaskKind.DATA, q.id(), -1, q.id());
        }
        throw new CslError(pos, "@get_data_task_id takes a color (wse2) or an input queue (wse3), not "
                + ValueOps.describe(v));
    }

    private static Value concat(Value x, Value y, SourcePos pos) {
        if (x instanceof Value.ModuleVal m) {
            return m;
        }
        if (!(x instanceof Value.StructVal a) || !(y instanceof Value.StructVal b)) {
            throw new CslError(pos, "@concat_structs takes two structs");
        }
        Map<String, Value> all = new LinkedHashMap<>(a.fields());
        for (Map.Entry<String, Value> e : b.fields().entrySet()) {
            if (all.put(e.getKey(), e.getValue()) != null) {
                throw new CslError(pos, "both structs have a field ." + e.getKey());
            }
        }
        return new Value.StructVal(java.util.Collections.unmodifiableMap(all));
    }

    /** {@code @bitcast} of a compile-time scalar: same size, bits reinterpreted. */
    static Value bitcast(CslType to, Value v, SourcePos pos) {
        ElementType t = to.elementType();
        ElementType f = v.type().elementType();
        if (t == null || f == null) {
            throw new CslError(pos, "@bitcast converts between machine scalars of one size; found "
                    + ValueOps.describe(v) + " to " + to);
        }
        if (t.bytes != f.bytes) {
            throw new CslError(pos, "@bitcast needs types of one size, not " + f.cslName() + " and " + t.cslName());
        }
        int reg = ValueOps.bits(v, f, pos);
        int raw = f == ElementType.F16 ? Half.fromFloat(Float.intBitsToFloat(reg)) & 0xFFFF : reg;
        int out = t == ElementType.F16 ? Float.floatToRawIntBits(Half.toFloat((short) raw)) : t.normalize(raw);
        return ValueOps.fromBits(out, to);
    }
}
