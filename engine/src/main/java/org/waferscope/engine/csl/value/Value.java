package org.waferscope.engine.csl.value;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.waferscope.engine.arch.Direction;
import org.waferscope.engine.ir.TaskKind;

/**
 * A compile-time value. Records compare by content, so a params struct can key the cache of
 * compiled PE programs.
 *
 * <p>The values a load compares or hashes write their {@code equals} and {@code hashCode} out,
 * with the results the generated ones give (the same combination of the same component
 * hashes, so hash maps keep their order): the generated ones are linked through
 * {@code ObjectMethods}, which spins method-handle classes with the JDK's bytecode writer in
 * every cold JVM, and the C2 compile of that writer then took a share of a cold load's second
 * core (docs/loading.md, "Classes spun at run time").
 */
public sealed interface Value {
    CslType type();

    /** An integer; its type is {@link CslType#COMPTIME_INT} or an integer scalar. */
    record IntVal(long v, CslType type) implements Value {
        @Override
        public boolean equals(Object o) {
            return o instanceof IntVal i && i.v == v && Objects.equals(i.type, type);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(v) * 31 + Objects.hashCode(type);
        }

        @Override
        public String toString() {
            return Long.toString(v);
        }
    }

    /** A float; f32 and f16 values are kept rounded to their type. */
    record FloatVal(double v, CslType type) implements Value {
        @Override
        public boolean equals(Object o) {
            return o instanceof FloatVal f && Double.compare(f.v, v) == 0 && Objects.equals(f.type, type);
        }

        @Override
        public int hashCode() {
            return Double.hashCode(v) * 31 + Objects.hashCode(type);
        }

        @Override
        public String toString() {
            return type == CslType.COMPTIME_FLOAT ? Double.toString(v) : Float.toString((float) v);
        }
    }

    record BoolVal(boolean v) implements Value {
        @Override
        public boolean equals(Object o) {
            return o instanceof BoolVal b && b.v == v;
        }

        @Override
        public int hashCode() {
            return Boolean.hashCode(v);
        }

        public CslType type() {
            return CslType.BOOL;
        }

        @Override
        public String toString() {
            return Boolean.toString(v);
        }
    }

    record StringVal(String v) implements Value {
        public CslType type() {
            return CslType.STRING;
        }

        @Override
        public String toString() {
            return '"' + v + '"';
        }
    }

    record VoidVal() implements Value {
        @Override
        public boolean equals(Object o) {
            return o instanceof VoidVal;
        }

        @Override
        public int hashCode() {
            return 0;
        }

        public CslType type() {
            return CslType.VOID;
        }

        @Override
        public String toString() {
            return "{}";
        }
    }

    /** {@code undefined}: zero wherever it lands. */
    record UndefinedVal() implements Value {
        public CslType type() {
            return CslType.ANY;
        }

        @Override
        public String toString() {
            return "undefined";
        }
    }

    record TypeVal(CslType t) implements Value {
        public CslType type() {
            return CslType.TYPE;
        }

        @Override
        public String toString() {
            return t.toString();
        }
    }

    record ColorVal(int id) implements Value {
        @Override
        public boolean equals(Object o) {
            return o instanceof ColorVal c && c.id == id;
        }

        @Override
        public int hashCode() {
            return id;
        }

        public CslType type() {
            return CslType.COLOR;
        }

        @Override
        public String toString() {
            return "color " + id;
        }
    }

    record DirectionVal(Direction d) implements Value {
        @Override
        public boolean equals(Object o) {
            return o instanceof DirectionVal v && v.d == d;
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(d);
        }

        public CslType type() {
            return CslType.DIRECTION;
        }

        @Override
        public String toString() {
            return d.name();
        }
    }

    /** An anonymous struct {@code .{ .a = x }}; fields keep their written order. */
    record StructVal(Map<String, Value> fields) implements Value {
        @Override
        public boolean equals(Object o) {
            return o instanceof StructVal s && Objects.equals(s.fields, fields);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(fields);
        }

        public CslType type() {
            return CslType.COMPTIME_STRUCT;
        }

        @Override
        public String toString() {
            return fields.entrySet().stream().map(e -> "." + e.getKey() + " = " + e.getValue())
                    .collect(Collectors.joining(", ", ".{ ", " }"));
        }
    }

    /** A list literal {@code .{ a, b }}, such as a set of ports. */
    record TupleVal(List<Value> items) implements Value {
        @Override
        public boolean equals(Object o) {
            return o instanceof TupleVal t && Objects.equals(t.items, items);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(items);
        }

        public CslType type() {
            return CslType.COMPTIME_STRUCT;
        }

        @Override
        public String toString() {
            return items.stream().map(String::valueOf).collect(Collectors.joining(", ", ".{ ", " }"));
        }
    }

    /** A task id; a data task id remembers the color (WSE-2) or input queue (WSE-3) it names. */
    record TaskIdVal(TaskKind kind, int id, int color, int queue) implements Value {
        @Override
        public boolean equals(Object o) {
            return o instanceof TaskIdVal t && t.kind == kind && t.id == id && t.color == color && t.queue == queue;
        }

        @Override
        public int hashCode() {
            return ((Objects.hashCode(kind) * 31 + id) * 31 + color) * 31 + queue;
        }

        public CslType type() {
            return switch (kind) {
                case DATA -> CslType.DATA_TASK_ID;
                case LOCAL -> CslType.LOCAL_TASK_ID;
                case CONTROL -> CslType.CONTROL_TASK_ID;
            };
        }

        @Override
        public String toString() {
            return kind.name().toLowerCase(java.util.Locale.ROOT) + " task id " + id;
        }
    }

    record QueueVal(boolean input, int id) implements Value {
        public CslType type() {
            return input ? CslType.INPUT_QUEUE : CslType.OUTPUT_QUEUE;
        }

        @Override
        public String toString() {
            return (input ? "input" : "output") + " queue " + id;
        }
    }

    /**
     * A DSD known at compile time: its four words ({@link org.waferscope.engine.ir.Dsd}) and
     * the size of the elements it walks (memory DSDs), for offset arithmetic.
     */
    record DsdVal(CslType type, int[] words, int elementBytes) implements Value {
        public DsdVal {
            if (type == CslType.MEM1D_DSD && elementBytes > 0) {
                // the element size travels in the words, for @set_dsd_stride at run time
                words = words.clone();
                words[0] = org.waferscope.engine.ir.Dsd.withElementBytes(words[0], elementBytes);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof DsdVal d && d.type.equals(type) && Arrays.equals(d.words, words)
                    && d.elementBytes == elementBytes;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(words) * 31 + type.hashCode();
        }

        @Override
        public String toString() {
            return org.waferscope.engine.ir.Dsd.describe(words[0], words[1], words[2], words[3]);
        }
    }

    /** A compile-time array; elements in register form (see ElementType). */
    record ArrayVal(CslType.Array type, int[] bits) implements Value {
        @Override
        public boolean equals(Object o) {
            return o instanceof ArrayVal a && a.type.equals(type) && Arrays.equals(a.bits, bits);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bits) * 31 + type.hashCode();
        }

        @Override
        public String toString() {
            return type + "{...}";
        }
    }

    /**
     * A compile-time array of values that have no bits in memory: colors, task ids, queues
     * ({@code [4]color{...}}). It exists only while compiling; its elements are read with
     * indices known at compile time.
     */
    record ComptimeArrayVal(CslType.Array type, List<Value> items) implements Value {
        public ComptimeArrayVal {
            items = List.copyOf(items);
        }

        @Override
        public String toString() {
            return type + "{...}";
        }
    }

    /** The address of a global in a PE's memory, such as {@code &A}. */
    record PointerVal(CslType.Pointer type, String symbol, int address) implements Value {
        @Override
        public String toString() {
            return "&" + symbol;
        }
    }

    /**
     * A built-in library module ({@code <memcpy/memcpy>}, {@code <layout>}, ...) or the
     * opaque params {@code memcpy.get_params(x)} returns.
     */
    record ModuleVal(String name, Map<String, Value> params) implements Value {
        @Override
        public boolean equals(Object o) {
            return o instanceof ModuleVal m && Objects.equals(m.name, name) && Objects.equals(m.params, params);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(name) * 31 + Objects.hashCode(params);
        }

        public CslType type() {
            return CslType.MODULE;
        }

        @Override
        public String toString() {
            return "<" + name + ">";
        }
    }

    /**
     * A library module's function that runs on the PE, named without a call
     * ({@code sys_mod.unblock_cmd_stream}), as the SDK passes callbacks to modules in
     * fn-typed params; calling it calls the library function.
     */
    record LibFnVal(ModuleVal module, String fn) implements Value {
        public CslType type() {
            return CslType.ANY;
        }

        @Override
        public String toString() {
            return "fn " + fn + " of " + module;
        }
    }

    /** A reference to a function or task declared in the program being compiled. */
    record FnVal(String name, boolean isTask, org.waferscope.engine.csl.syntax.Decl.Fn decl) implements Value {
        public CslType type() {
            return CslType.ANY;
        }

        @Override
        public String toString() {
            return (isTask ? "task " : "fn ") + name;
        }
    }
}
