package org.waferscope.views.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.views.FakeSimulation;

class CoreInspectorModelTest {
    @Test
    void startsEmptyAndFillsFromASnapshot() {
        CoreInspectorModel m = new CoreInspectorModel();
        assertTrue(m.emptyProperty().get());
        m.setSources(Map.of("pe.csl", FakeSimulation.source()));
        m.show(FakeSimulation.snapshot(3, 4, 1234));
        assertFalse(m.emptyProperty().get());
        assertEquals("PE (3, 4)  ·  cycle 1,234", m.titleProperty().get());
        assertEquals("pe.csl", m.programProperty().get());
        assertEquals("task 10 recv", m.currentTaskProperty().get());
        assertEquals("line 3 · task recv(v: f32) void {", m.instructionProperty().get(), "the CSL line, not the IR");
        assertEquals("engine instruction fadds z, x, y", m.machineInstructionProperty().get());
        assertEquals("2.0 KB of 48.0 KB SRAM in use", m.sramProperty().get());
        assertEquals(2, m.tasks().size());
        assertEquals(1, m.microthreads().size());
        assertEquals("id", m.params().get(0).name(), "params are sorted by name");
        assertEquals(2, m.queues().size());
        assertEquals("2 / 6", m.queues().get(0).fill());
        assertEquals("in", m.queues().get(0).direction());
        assertEquals("rx {WEST} tx {RAMP, EAST}", m.routes().get(0).route());
        assertEquals("compute cycles", m.counters().get(0).name());
        assertEquals("40  (40.0 %)", m.counters().get(0).value());
    }

    @Test
    void sourceViewFollowsTheCurrentLine() {
        CoreInspectorModel m = new CoreInspectorModel();
        m.show(FakeSimulation.snapshot(0, 0, 1));
        assertEquals("pe.csl", m.sourceFileProperty().get());
        assertEquals(3, m.sourceLineProperty().get());
        assertEquals("", m.sourceTextProperty().get(), "no sources known yet");
        assertEquals("fadds z, x, y", m.instructionProperty().get(), "without its source, the engine's instruction");
        m.setSources(Map.of("pe.csl", FakeSimulation.source()));
        assertTrue(m.sourceTextProperty().get().contains("task recv"));
        assertEquals("line 3 · task recv(v: f32) void {", m.instructionProperty().get());
    }

    @Test
    void symbolFormatChangesTheValues() {
        CoreInspectorModel m = new CoreInspectorModel();
        m.show(FakeSimulation.snapshot(0, 0, 1));
        assertEquals("[1.5, -2.0]", m.symbols().get(0).value());
        assertEquals("[2]f32", m.symbols().get(0).type());
        m.symbolFormatProperty().set(SymbolFormat.HEX);
        assertEquals("[0x3FC00000, 0xC0000000]", m.symbols().get(0).value());
        m.symbolFormatProperty().set(SymbolFormat.INT);
        assertEquals("[1069547520, -1073741824]", m.symbols().get(0).value());
    }

    @Test
    void clearForgetsThePe() {
        CoreInspectorModel m = new CoreInspectorModel();
        m.show(FakeSimulation.snapshot(0, 0, 1));
        m.clear();
        assertTrue(m.emptyProperty().get());
        assertTrue(m.tasks().isEmpty());
        assertEquals(0, m.sourceLineProperty().get());
    }

    @Test
    void aPeWithNoProgramSaysSoOnce() {
        // "no program" was the program's line and, under it, the activity's
        CoreInspectorModel m = new CoreInspectorModel();
        m.show(new org.waferscope.engine.api.CoreSnapshot(2, 0, 0, "", Map.of(), -1, null, "", "no program",
                java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of(),
                java.util.List.of(), 0, 49152, new org.waferscope.engine.api.CoreSnapshot.Counters(0, 0, 0, 0, 0, 0, 0, 0)));
        assertEquals("no program", m.programProperty().get());
        assertEquals("", m.activityProperty().get());
        m.show(FakeSimulation.snapshot(3, 4, 1234));
        assertFalse(m.activityProperty().get().isEmpty(), "a PE with a program says what it does");
    }

    @Test
    void theInstructionLineShowsTheCodeWithoutItsComment() {
        // mandelbrot's "line 83 · @fmovs(pixel_dsd, from_west);   // the CE waits here until the pixel ha…"
        CoreInspectorModel m = new CoreInspectorModel();
        m.setSources(Map.of("pe.csl", "var a: i16 = 0;\n// a comment line\n  @fmovs(pixel_dsd, from_west);   // the CE waits here\n"));
        m.show(FakeSimulation.snapshot(3, 4, 1234));
        assertEquals("line 3 · @fmovs(pixel_dsd, from_west);", m.instructionProperty().get());
        assertEquals("const s = \"a//b\"; const c = '\\'';",
                CoreInspectorModel.withoutComment("const s = \"a//b\"; const c = '\\''; // c is a quote").strip());
        assertEquals("", CoreInspectorModel.withoutComment("// only a comment"));
    }
}
