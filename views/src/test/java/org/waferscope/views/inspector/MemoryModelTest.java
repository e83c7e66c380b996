package org.waferscope.views.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.CoreSnapshot;
import org.waferscope.engine.api.CoreSnapshot.SymbolValue;
import org.waferscope.engine.api.ValueQuery;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.views.heatmap.PeLocation;
import org.waferscope.views.inspector.MemoryModel.ElementRow;

/** The Memory tab shows whole arrays, marks what a step changed, and keeps a watch list. */
class MemoryModelTest {
    private final CoreInspectorModel inspector = new CoreInspectorModel();
    private final MemoryModel memory = inspector.memory();

    static SymbolValue f32(String name, int[] dims, float... v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            b.putFloat(x);
        }
        return new SymbolValue(name, ElementType.F32, dims, 0x100, null, b.array());
    }

    static CoreSnapshot snapshot(int x, int y, long cycle, SymbolValue... symbols) {
        return new CoreSnapshot(x, y, cycle, "pe.csl", Map.of(), -1, null, "", "idle", List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(symbols), 0, 48 * 1024, new CoreSnapshot.Counters(0, 0, 0, 0, 0, 0, 0, 0));
    }

    static float[] ramp(int n) {
        float[] v = new float[n];
        IntStream.range(0, n).forEach(i -> v[i] = i);
        return v;
    }

    @Test
    void aLongArrayIsShownWholeWithItsIndices() {
        inspector.show(snapshot(1, 2, 10, f32("T", new int[] {3000}, ramp(3000))));
        assertEquals("T", memory.symbolProperty().get(), "the first symbol, until one is picked");
        assertEquals(3000, memory.elements().size(), "every element, not the first few");
        assertEquals(new ElementRow(2999, "[2999]", "2999.0", false), memory.elements().get(2999));
        assertEquals("T  [3000]f32  ·  3000 elements", memory.headingProperty().get());
        inspector.symbolFormatProperty().set(SymbolFormat.HEX);
        assertEquals("0x3F800000", memory.elements().get(1).value(), "the format applies to the elements");
    }

    @Test
    void twoDimensionalArraysAreIndexedByRowAndColumn() {
        assertEquals("[1, 3]", MemoryModel.label(new int[] {2, 4}, 7));
        assertEquals("[7]", MemoryModel.label(new int[] {8}, 7));
    }

    @Test
    void elementsChangedByAStepAreMarkedUntilTheNextStep() {
        float[] v = ramp(64);
        inspector.show(snapshot(1, 2, 10, f32("T", new int[] {64}, v), f32("beta", new int[0], 0.5f)));
        assertTrue(memory.elements().stream().noneMatch(ElementRow::changed), "nothing to compare with yet");
        v[5] = -1;
        v[40] = 99;
        inspector.show(snapshot(1, 2, 11, f32("T", new int[] {64}, v), f32("beta", new int[0], 0.5f)));
        assertEquals(List.of(5, 40), memory.elements().stream().filter(ElementRow::changed).map(ElementRow::index).toList());
        assertTrue(memory.headingProperty().get().endsWith("2 changed since cycle 10"));
        assertEquals(Map.of("T", 2), memory.changedBySymbol(), "beta did not change");
        inspector.show(snapshot(1, 2, 11, f32("T", new int[] {64}, v), f32("beta", new int[0], 0.5f)));
        assertEquals(2, memory.elements().stream().filter(ElementRow::changed).count(), "the same cycle again keeps the marks");
        inspector.show(snapshot(1, 2, 12, f32("T", new int[] {64}, v), f32("beta", new int[0], 0.5f)));
        assertEquals(0, memory.elements().stream().filter(ElementRow::changed).count(), "a step that changed nothing");
        inspector.show(snapshot(4, 4, 13, f32("T", new int[] {64}, ramp(64))));
        assertEquals(0, memory.elements().stream().filter(ElementRow::changed).count(), "another PE is not a change");
    }

    @Test
    void afterAStepBackTheCycleComparedWithIsSaidToBeTheOneSteppedBackFrom() {
        // "0 changed since cycle 1,893" read at cycle 1,892 put the cycle left behind in the past
        float[] v = ramp(8);
        inspector.show(snapshot(1, 1, 1_893, f32("C", new int[] {8}, v)));
        v[3] = 7;
        inspector.show(snapshot(1, 1, 1_892, f32("C", new int[] {8}, v)));
        assertEquals("C  [8]f32  ·  8 elements  ·  1 differs from cycle 1,893, stepped back from",
                memory.headingProperty().get());
        assertEquals(List.of(3), memory.elements().stream().filter(ElementRow::changed).map(ElementRow::index).toList());
    }

    @Test
    void theWatchListEvaluatesElementsAndReductionsAndMarksChanges() {
        WatchList w = memory.watches();
        PeLocation pe = new PeLocation(1, 2);
        w.add(pe, ValueQuery.parse("T[2]"));
        w.add(pe, ValueQuery.parse("sum(T)"));
        w.add(pe, ValueQuery.parse("max(T)"));
        w.add(pe, ValueQuery.parse("T[2]"));
        w.add(new PeLocation(0, 0), ValueQuery.parse("nope"));
        assertEquals(4, w.rows().size(), "a watch is added once");
        assertEquals(List.of(pe, new PeLocation(0, 0)), w.pes());
        w.update(List.of(snapshot(1, 2, 10, f32("T", new int[] {4}, 1, 2, 3, 4)), snapshot(0, 0, 10)));
        assertEquals(List.of("3.0", "10", "4", "no nope on this PE"), w.rows().stream().map(WatchList.Row::value).toList());
        assertFalse(w.rows().get(0).changed());
        w.update(List.of(snapshot(1, 2, 11, f32("T", new int[] {4}, 1, 2, 7, 4))));
        assertEquals(List.of(true, true, true, false), w.rows().stream().map(WatchList.Row::changed).toList());
        assertEquals("7.0", w.rows().get(0).value());
        w.remove(w.rows().get(3));
        assertEquals(3, w.rows().size());
    }
}
