package org.waferscope.engine.csl.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.lang.runtime.ObjectMethods;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.Direction;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.fabric.ColorConfig;
import org.waferscope.engine.fabric.CounterFilter;
import org.waferscope.engine.fabric.RoutePosition;
import org.waferscope.engine.ir.SourcePos;
import org.waferscope.engine.ir.Symbol;
import org.waferscope.engine.ir.TaskKind;

/**
 * The records whose {@code equals} and {@code hashCode} are written out (so that a cold load
 * links no {@code ObjectMethods} bootstrap) answer as the generated methods would: each is
 * compared, on every pair of its samples, with the method {@code ObjectMethods} makes for the
 * same record. The samples vary every component, with equal copies, nulls, -0.0 and NaN.
 */
class WrittenRecordMethodsTest {
    private static final SourcePos AT = new SourcePos("layout.csl", 3, 7);

    @Test
    void valuesAnswerAsTheGeneratedMethods() throws Throwable {
        sameAsGenerated(new Value.IntVal(5, CslType.COMPTIME_INT), new Value.IntVal(5, CslType.COMPTIME_INT),
                new Value.IntVal(6, CslType.COMPTIME_INT), new Value.IntVal(5, CslType.I32),
                new Value.IntVal(-1L << 40, CslType.I32), new Value.IntVal(5, null));
        sameAsGenerated(new Value.FloatVal(1.5, CslType.F32), new Value.FloatVal(1.5, CslType.F32),
                new Value.FloatVal(-0.0, CslType.F32), new Value.FloatVal(0.0, CslType.F32),
                new Value.FloatVal(Double.NaN, CslType.F32), new Value.FloatVal(Double.NaN, CslType.F32),
                new Value.FloatVal(1.5, CslType.COMPTIME_FLOAT));
        sameAsGenerated(new Value.BoolVal(true), new Value.BoolVal(true), new Value.BoolVal(false));
        sameAsGenerated(new Value.VoidVal(), new Value.VoidVal());
        sameAsGenerated(new Value.ColorVal(3), new Value.ColorVal(3), new Value.ColorVal(4), new Value.ColorVal(-1));
        sameAsGenerated(new Value.DirectionVal(Direction.NORTH), new Value.DirectionVal(Direction.NORTH),
                new Value.DirectionVal(Direction.EAST), new Value.DirectionVal(null));
        sameAsGenerated(new Value.StructVal(fields(1, true)), new Value.StructVal(fields(1, true)),
                new Value.StructVal(fields(2, true)), new Value.StructVal(Map.of()), new Value.StructVal(null));
        sameAsGenerated(new Value.TupleVal(List.of(new Value.ColorVal(1))), new Value.TupleVal(List.of(new Value.ColorVal(1))),
                new Value.TupleVal(List.of(new Value.ColorVal(2), new Value.BoolVal(false))), new Value.TupleVal(null));
        sameAsGenerated(new Value.TaskIdVal(TaskKind.DATA, 1, 2, 3), new Value.TaskIdVal(TaskKind.DATA, 1, 2, 3),
                new Value.TaskIdVal(TaskKind.LOCAL, 1, 2, 3), new Value.TaskIdVal(TaskKind.DATA, 4, 2, 3),
                new Value.TaskIdVal(TaskKind.DATA, 1, 5, 3), new Value.TaskIdVal(TaskKind.DATA, 1, 2, 6),
                new Value.TaskIdVal(null, 1, 2, 3));
        sameAsGenerated(new Value.ModuleVal("memcpy", Map.of()), new Value.ModuleVal("memcpy", Map.of()),
                new Value.ModuleVal("layout", Map.of()), new Value.ModuleVal("memcpy", fields(1, false)),
                new Value.ModuleVal(null, null));
    }

    @Test
    void typesAnswerAsTheGeneratedMethods() throws Throwable {
        sameAsGenerated(new CslType.Scalar(ElementType.I32), new CslType.Scalar(ElementType.I32),
                new CslType.Scalar(ElementType.F16), new CslType.Scalar(null));
        sameAsGenerated(new CslType.Array(List.of(4), CslType.I32), new CslType.Array(List.of(4), CslType.I32),
                new CslType.Array(List.of(4, 8), CslType.I32), new CslType.Array(List.of(4), CslType.COLOR),
                new CslType.Array(List.of(), null));
        sameAsGenerated(new CslType.Pointer(CslType.F32, true), new CslType.Pointer(CslType.F32, true),
                new CslType.Pointer(CslType.F32, false), new CslType.Pointer(CslType.U16, true),
                new CslType.Pointer(null, false));
        sameAsGenerated(new CslType.Named("color"), new CslType.Named("color"), new CslType.Named("type"),
                new CslType.Named(null));
    }

    @Test
    void fabricAndProgramRecordsAnswerAsTheGeneratedMethods() throws Throwable {
        sameAsGenerated(new RoutePosition(1, 2), new RoutePosition(1, 2), new RoutePosition(3, 2), new RoutePosition(1, 16));
        sameAsGenerated(AT, new SourcePos("layout.csl", 3, 7), new SourcePos("pe.csl", 3, 7),
                new SourcePos("layout.csl", 4, 7), new SourcePos("layout.csl", 3, 8), new SourcePos(null, 3, 7));
        List<RoutePosition> one = List.of(new RoutePosition(1, 2));
        List<RoutePosition> two = List.of(new RoutePosition(1, 2), new RoutePosition(4, 8));
        CounterFilter counter = new CounterFilter(3, 1, 0, true, false);
        sameAsGenerated(new ColorConfig(two, 0, true, 1, 5, true, false, 1, false),
                new ColorConfig(two, 0, true, 1, 5, true, false, 1, false),
                new ColorConfig(one, 0, true, 1, 5, true, false, 1, false),
                new ColorConfig(two, 1, true, 1, 5, true, false, 1, false),
                new ColorConfig(two, 0, false, 1, 5, true, false, 1, false),
                new ColorConfig(two, 0, true, 2, 5, true, false, 1, false),
                new ColorConfig(two, 0, true, 1, 6, true, false, 1, false),
                new ColorConfig(two, 0, true, 1, 5, false, false, 1, false),
                new ColorConfig(two, 0, true, 1, 5, true, true, 1, false),
                new ColorConfig(two, 0, true, 1, 5, true, false, 2, false),
                new ColorConfig(two, 0, true, 1, 5, true, false, 1, true),
                new ColorConfig(two, 0, true, -1, -1, true, false, 1, false, counter),
                new ColorConfig(two, 0, true, -1, -1, true, false, 1, false, new CounterFilter(3, 1, 0, true, false)));
        int[] dims = {4, 8};
        sameAsGenerated(new Symbol("A", 64, ElementType.F32, 32, dims, "a", true, AT),
                new Symbol("A", 64, ElementType.F32, 32, dims, "a", true, AT),
                new Symbol("A", 64, ElementType.F32, 32, new int[] {4, 8}, "a", true, AT),
                new Symbol("B", 64, ElementType.F32, 32, dims, "a", true, AT),
                new Symbol("A", 68, ElementType.F32, 32, dims, "a", true, AT),
                new Symbol("A", 64, ElementType.I32, 32, dims, "a", true, AT),
                new Symbol("A", 64, ElementType.F32, 16, dims, "a", true, AT),
                new Symbol("A", 64, ElementType.F32, 32, dims, null, true, AT),
                new Symbol("A", 64, ElementType.F32, 32, dims, "a", false, AT),
                new Symbol("A", 64, ElementType.F32, 32, dims, "a", true, SourcePos.UNKNOWN),
                new Symbol(null, 0, null, 0, null, null, false, null));
    }

    @Test
    void tileCodeKeysAnswerAsTheGeneratedMethods() throws Throwable {
        Class<?> keyClass = Class.forName("org.waferscope.engine.csl.layout.TileCode$Key");
        MethodHandle make = MethodHandles.privateLookupIn(keyClass, MethodHandles.lookup())
                .findConstructor(keyClass, MethodType.methodType(void.class, String.class, Value.StructVal.class));
        Value.StructVal params = new Value.StructVal(fields(1, true));
        sameAsGenerated((Record) make.invoke("pe.csl", params), (Record) make.invoke("pe.csl", new Value.StructVal(fields(1, true))),
                (Record) make.invoke("edge.csl", params), (Record) make.invoke("pe.csl", new Value.StructVal(fields(1, false))),
                (Record) make.invoke("pe.csl", null), (Record) make.invoke(null, params));
    }

    private static Map<String, Value> fields(int x, boolean even) {
        Map<String, Value> m = new LinkedHashMap<>();
        m.put("x", new Value.IntVal(x, CslType.COMPTIME_INT));
        m.put("even", new Value.BoolVal(even));
        return m;
    }

    /** Every pair of samples (and null, and another type) through both methods, against ObjectMethods' own. */
    private static void sameAsGenerated(Record... samples) throws Throwable {
        Class<?> type = samples[0].getClass();
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        RecordComponent[] components = type.getRecordComponents();
        MethodHandle[] getters = new MethodHandle[components.length];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            getters[i] = lookup.findGetter(type, components[i].getName(), components[i].getType());
            names.add(components[i].getName());
            // a component that never differs (arrays by reference, as records compare them) tests nothing
            boolean varies = false;
            for (Record r : samples) {
                varies |= !Objects.equals(getters[i].invoke(r), getters[i].invoke(samples[0]));
            }
            assertTrue(varies, type.getSimpleName() + "." + names.get(i) + " takes one value in the samples");
        }
        String joined = String.join(";", names);
        MethodHandle equals = (MethodHandle) ObjectMethods.bootstrap(lookup, "equals", MethodHandle.class, type, joined, getters);
        MethodHandle hashCode = (MethodHandle) ObjectMethods.bootstrap(lookup, "hashCode", MethodHandle.class, type, joined, getters);
        for (Record a : samples) {
            assertEquals((int) hashCode.invoke(a), a.hashCode(), () -> "hashCode of " + a);
            for (Object b : otherThan(samples)) {
                assertEquals((boolean) equals.invoke(a, b), a.equals(b), () -> a + " equals " + b);
            }
        }
    }

    private static List<Object> otherThan(Record[] samples) {
        List<Object> all = new ArrayList<>(List.of(samples));
        all.add(null);
        all.add("not a record");
        return all;
    }
}
