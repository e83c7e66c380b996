package org.waferscope.engine.csl.value;

import java.util.List;
import java.util.Objects;
import org.waferscope.engine.arch.ElementType;

/**
 * A CSL type as the front end sees it. Types are compile-time values too ({@link Value.TypeVal}).
 * The types a load compares write {@code equals} and {@code hashCode} out, as {@link Value}'s do.
 */
public sealed interface CslType {
    /** Machine scalars: i8..u32, f16, f32, bool. */
    record Scalar(ElementType elem) implements CslType {
        @Override
        public boolean equals(Object o) {
            return o instanceof Scalar s && s.elem == elem;
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(elem);
        }

        @Override
        public String toString() {
            return elem.cslName();
        }
    }

    /** {@code [d0, d1, ...]elem}. */
    record Array(List<Integer> dims, CslType elem) implements CslType {
        @Override
        public boolean equals(Object o) {
            return o instanceof Array a && Objects.equals(a.dims, dims) && Objects.equals(a.elem, elem);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(dims) * 31 + Objects.hashCode(elem);
        }

        public Array {
            dims = List.copyOf(dims);
        }

        public int length() {
            int n = 1;
            for (int d : dims) {
                n *= d;
            }
            return n;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < dims.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(dims.get(i));
            }
            return sb.append(']').append(elem).toString();
        }
    }

    /** {@code [*]elem} (many) or {@code *elem}. */
    record Pointer(CslType elem, boolean many) implements CslType {
        @Override
        public boolean equals(Object o) {
            return o instanceof Pointer p && Objects.equals(p.elem, elem) && p.many == many;
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(elem) * 31 + Boolean.hashCode(many);
        }

        @Override
        public String toString() {
            return (many ? "[*]" : "*") + elem;
        }
    }

    record Fn(List<CslType> params, CslType ret) implements CslType {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("fn(");
            for (int i = 0; i < params.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(params.get(i));
            }
            return sb.append(") ").append(ret).toString();
        }
    }

    /**
     * {@code enum(tag) { ... }}: named integer constants. A member's value is its tag integer, and
     * storage, parameters and run-time code see the tag type ({@link #storage}); the enum type itself
     * lives only at compile time, where {@code E.NAME} looks members up.
     */
    record Enum(Scalar tag, java.util.Map<String, Long> members) implements CslType {
        public Enum {
            members = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(members));
        }

        /** The type a variable, parameter or run-time value of an enum type has. */
        public static CslType storage(CslType t) {
            return t instanceof Enum e ? e.tag() : t;
        }

        @Override
        public String toString() {
            return "enum(" + tag + ") { " + String.join(", ", members.keySet()) + " }";
        }
    }

    /** Types with no parameters, named as CSL names them. */
    record Named(String name) implements CslType {
        @Override
        public boolean equals(Object o) {
            return o instanceof Named n && Objects.equals(n.name, name);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(name);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    Named COMPTIME_INT = new Named("comptime_int");
    Named COMPTIME_FLOAT = new Named("comptime_float");
    Named VOID = new Named("void");
    Named TYPE = new Named("type");
    Named COLOR = new Named("color");

    /** Whether arrays of this type exist only at compile time (colors, task ids, queues, ports). */
    static boolean comptimeOnlyElement(CslType t) {
        return t == COLOR || t == DIRECTION || t == DATA_TASK_ID || t == LOCAL_TASK_ID || t == CONTROL_TASK_ID || t == INPUT_QUEUE
                || t == OUTPUT_QUEUE;
    }
    Named DATA_TASK_ID = new Named("data_task_id");
    Named LOCAL_TASK_ID = new Named("local_task_id");
    Named CONTROL_TASK_ID = new Named("control_task_id");
    Named INPUT_QUEUE = new Named("input_queue");
    Named OUTPUT_QUEUE = new Named("output_queue");
    /** A WSE-3 microthread, from {@code @get_ut_id(n)}. */
    Named UT_ID = new Named("ut_id");
    /** The three kinds of data structure register, for {@code @get_dsr(kind, n)}. */
    Named DSR_DEST = new Named("dsr_dest");
    Named DSR_SRC0 = new Named("dsr_src0");
    Named DSR_SRC1 = new Named("dsr_src1");
    Named MEM1D_DSD = new Named("mem1d_dsd");
    /** A memory DSD over up to four dimensions, from a tensor access with several indices. */
    Named MEM4D_DSD = new Named("mem4d_dsd");
    Named FABIN_DSD = new Named("fabin_dsd");
    Named FABOUT_DSD = new Named("fabout_dsd");
    /** What {@code @allocate_fifo} returns: a ring buffer vector operations push into and pop from. */
    Named FIFO = new Named("fifo");
    Named COMPTIME_STRUCT = new Named("comptime_struct");
    Named STRING = new Named("comptime string");
    Named DIRECTION = new Named("direction");
    Named MODULE = new Named("imported module");
    Named ANY = new Named("anything");

    Scalar BOOL = new Scalar(ElementType.BOOL);
    Scalar I8 = new Scalar(ElementType.I8);
    Scalar U8 = new Scalar(ElementType.U8);
    Scalar I16 = new Scalar(ElementType.I16);
    Scalar U16 = new Scalar(ElementType.U16);
    Scalar I32 = new Scalar(ElementType.I32);
    Scalar U32 = new Scalar(ElementType.U32);
    Scalar F16 = new Scalar(ElementType.F16);
    Scalar F32 = new Scalar(ElementType.F32);

    /** Looks up a type by the name a program writes, or null. */
    static CslType byName(String name) {
        return switch (name) {
            case "bool" -> BOOL;
            case "i8" -> I8;
            case "u8" -> U8;
            case "i16" -> I16;
            case "u16" -> U16;
            case "i32" -> I32;
            case "u32" -> U32;
            case "f16" -> F16;
            case "f32" -> F32;
            case "void" -> VOID;
            case "type" -> TYPE;
            case "color" -> COLOR;
            case "direction" -> DIRECTION;
            case "data_task_id" -> DATA_TASK_ID;
            case "local_task_id" -> LOCAL_TASK_ID;
            case "control_task_id" -> CONTROL_TASK_ID;
            case "input_queue" -> INPUT_QUEUE;
            case "ut_id" -> UT_ID;
            case "dsr_dest" -> DSR_DEST;
            case "dsr_src0" -> DSR_SRC0;
            case "dsr_src1" -> DSR_SRC1;
            case "output_queue" -> OUTPUT_QUEUE;
            case "mem1d_dsd" -> MEM1D_DSD;
            case "mem4d_dsd" -> MEM4D_DSD;
            case "fabin_dsd" -> FABIN_DSD;
            case "fabout_dsd" -> FABOUT_DSD;
            case "comptime_struct" -> COMPTIME_STRUCT;
            case "comptime_string" -> STRING;
            case "comptime_int" -> COMPTIME_INT;
            case "comptime_float" -> COMPTIME_FLOAT;
            default -> null;
        };
    }

    default boolean isInt() {
        return this == COMPTIME_INT || (this instanceof Scalar s && !s.elem().isFloat && s.elem() != ElementType.BOOL);
    }

    default boolean isFloat() {
        return this == COMPTIME_FLOAT || (this instanceof Scalar s && s.elem().isFloat);
    }

    default boolean isNumeric() {
        return isInt() || isFloat();
    }

    default boolean isDsd() {
        return this == MEM1D_DSD || this == MEM4D_DSD || this == FABIN_DSD || this == FABOUT_DSD || this == FIFO;
    }

    /** The machine type of a runtime scalar, or null. */
    default ElementType elementType() {
        return this instanceof Scalar s ? s.elem() : null;
    }

    /** Frame slots a runtime value of this type occupies (0 if it cannot be held at run time). */
    default int slots() {
        if (this instanceof Scalar || this instanceof Pointer) {
            return 1;
        }
        return isDsd() ? 4 : 0;
    }
}
