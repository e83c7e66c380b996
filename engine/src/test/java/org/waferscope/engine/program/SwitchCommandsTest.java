package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waferscope.engine.program.LanguageRunTest.assertPasses;
import static org.waferscope.engine.program.LanguageRunTest.run;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.fabric.CoreInspector;
import org.waferscope.engine.fabric.Wavelet;
import org.waferscope.engine.sim.Wafer;

/**
 * {@code <memcpy/memcpy_switches>} (control wavelets with one switch command per router),
 * {@code <tile_config>} (a PE rewriting its own route, teardown mode) and
 * {@code @set_teardown_handler}, in a program of our own (constructs/baton_*.csl), checked
 * against the order of arrivals worked out here in plain Java.
 */
class SwitchCommandsTest {
    /** Four PEs of the baton program send 5, 10 and 15 to the last one. */
    private static final String FOUR_PES_RUN = """
            { "params": { "width": 4 },
              "arrays": { "v": { "type": "u32", "shape": ["width"], "arange": { "start": 5, "step": 5 } } },
              "steps": [
              { "copy_in": { "array": "v", "symbol": "value", "rect": { "width": "width", "height": 1 }, "per_pe": 1 } },
              { "launch": "start" },
              { "copy_out": { "symbol": "got", "array": "got", "rect": { "x": 3, "width": 1, "height": 1 }, "per_pe": 3 } },
              { "check": { "array": "got", "expected": [5, 10, 15], "tolerance": 0 } } ] }
            """;

    @Test
    void eachPeTakesItsTurnWhenThePeBeforeItPassesTheBatonAndTheTeardownReachesEveryPe() throws Exception {
        int width = 6;
        long[] values = new long[width];
        for (int x = 0; x < width; x++) {
            values[x] = 10 + 3L * x;
        }
        // The last PE hears PEs 0 .. width-2, in that order: PE k's switch takes RAMP only once
        // the control wavelet of PE k-1 has moved it, and the teardown follows the last value.
        long[] got = new long[16];
        System.arraycopy(values, 0, got, 0, width - 1);
        long[] torn = new long[width];
        Arrays.fill(torn, 1);
        String runJson = """
                { "params": { "width": %d },
                  "arrays": { "v": { "type": "u32", "shape": ["width"], "arange": { "start": 10, "step": 3 } } },
                  "steps": [
                  { "copy_in": { "array": "v", "symbol": "value", "rect": { "width": "width", "height": 1 }, "per_pe": 1 } },
                  { "launch": "start" },
                  { "copy_out": { "symbol": "got", "array": "got", "rect": { "x": "width - 1", "width": 1, "height": 1 }, "per_pe": 16 } },
                  { "copy_out": { "symbol": "torn", "array": "torn", "rect": { "width": "width", "height": 1 }, "per_pe": 1 } },
                  { "check": { "array": "got", "expected": %s, "tolerance": 0 } },
                  { "check": { "array": "torn", "expected": %s, "tolerance": 0 } } ] }
                """.formatted(width, Arrays.toString(got), Arrays.toString(torn));
        assertPasses(run(Map.of("layout.csl", resource("baton_layout.csl"), "baton_pe.csl", resource("baton_pe.csl"),
                "run.json", runJson), "wse2"));
    }

    @Test
    void theRouterRegistersWrittenThroughPointersAndACommandListBuiltAtCompileTimeDoTheSame() throws Exception {
        String layout = resource("baton_layout.csl").replace("baton_pe.csl", "baton_reg_pe.csl");
        assertPasses(run(Map.of("layout.csl", layout, "baton_reg_pe.csl", resource("baton_reg_pe.csl"),
                "run.json", FOUR_PES_RUN), "wse2"));
    }

    /**
     * Position 1 of the register map chooses an input only, so it sends where position 0
     * sends, also when position 0 is rewritten after it (allreduce2R1E's order): the color
     * starts out sending WEST, the program sets position 1 first and then turns position 0
     * EAST, and every PE's value still reaches the east end.
     */
    @Test
    void positionOneSendsWherePositionZeroWasRewrittenToSend() throws Exception {
        String pe = resource("baton_reg_pe.csl");
        int routeAt = pe.indexOf("  var route: u16");
        int switchAt = pe.indexOf("  var switches: u16");
        int switchEnd = pe.indexOf("  tile.teardown.exit(c);");
        String reordered = pe.substring(0, routeAt) + pe.substring(switchAt, switchEnd) + pe.substring(routeAt, switchAt)
                + pe.substring(switchEnd);
        String layout = resource("baton_layout.csl").replace("baton_pe.csl", "baton_reg_pe.csl")
                .replace(".rx = .{ WEST }, .tx = .{ EAST }", ".rx = .{ EAST }, .tx = .{ WEST }");
        assertTrue(switchAt > routeAt && switchEnd > switchAt, "the register program's two blocks, in this order");
        assertPasses(run(Map.of("layout.csl", layout, "baton_reg_pe.csl", reordered, "run.json", FOUR_PES_RUN), "wse2"));
    }

    @Test
    void editedRoutesAndTeardownModeAreStateThatSnapshotsAndThreadsKeepAlike() throws Exception {
        String runJson = """
                { "params": { "width": 5 },
                  "arrays": { "v": { "type": "u32", "shape": ["width"], "arange": { "start": 1 } } },
                  "steps": [
                  { "copy_in": { "array": "v", "symbol": "value", "rect": { "width": "width", "height": 1 }, "per_pe": 1 } },
                  { "launch": "start" },
                  { "copy_out": { "symbol": "got", "array": "got", "rect": { "x": 4, "width": 1, "height": 1 }, "per_pe": 4 } },
                  { "check": { "array": "got", "expected": [1, 2, 3, 4], "tolerance": 0 } } ] }
                """;
        WaferProgram p = ProgramLoader.load(new MemorySource("baton", Map.of("layout.csl", resource("baton_layout.csl"),
                "baton_pe.csl", resource("baton_pe.csl"), "run.json", runJson)), ProgramLoader.LoadOptions.DEFAULTS);
        long hash;
        try (Wafer w = Wafer.load(p, 1)) {
            Wafer.Snapshot start = w.snapshot();
            assertEquals("[rx={WEST} tx={EAST} (torn down), rx={RAMP} tx={EAST}]", routeOfPe0(w), "as the layout set it, torn down");
            assertPasses(w.runToCompletion(100_000));
            assertEquals("[rx={RAMP} tx={EAST} (torn down), rx={RAMP} tx={EAST}]", routeOfPe0(w), "as PE 0's program rewrote it, torn down again by its own teardown");
            hash = w.stateHash();
            // back to the start: routes as loaded, the color torn down again; the rerun is the same run
            w.restore(start);
            assertEquals("[rx={WEST} tx={EAST} (torn down), rx={RAMP} tx={EAST}]", routeOfPe0(w));
            assertPasses(w.runToCompletion(100_000));
            assertEquals(hash, w.stateHash());
        }
        try (Wafer w = Wafer.load(p, 2)) {
            assertPasses(w.runToCompletion(100_000));
            assertEquals(hash, w.stateHash(), "two threads");
        }
    }

    @Test
    void aColorLeftInTeardownModeHoldsItsWaveletsAndTheReportSaysWhy() throws Exception {
        String pe = resource("baton_pe.csl").replace("tile.teardown.exit(c);", "");
        String runJson = """
                { "params": { "width": 3 }, "steps": [ { "launch": "start" } ] }
                """;
        WaferProgram p = ProgramLoader.load(new MemorySource("stuck", Map.of("layout.csl", resource("baton_layout.csl"),
                "baton_pe.csl", pe, "run.json", runJson)), ProgramLoader.LoadOptions.DEFAULTS);
        try (Wafer w = Wafer.load(p, 1)) {
            var r = w.runToCompletion(10_000);
            assertEquals(org.waferscope.engine.sim.WaferStatus.DEADLOCK, r.status());
            String report = String.join("\n", r.report());
            assertTrue(report.contains("teardown mode"), report);
            assertTrue(routeOfPe0(w).contains("(torn down)"), routeOfPe0(w));
        }
    }

    @Test
    void misusedSwitchLibrariesAreRefusedWithTheirPositions() {
        String pe = resource("baton_pe.csl")
                .replace("sw.ctrl(sw.teardown_cmd_1())", "sw.ctrl(sw.teardown_cmd_2())")
                .replace("tile.switch_config.clear_current_position(c);", "tile.switch_config.clear_current_position(value[0]);")
                .replace("@set_teardown_handler(torn_down, c);", "@set_teardown_handler(torn_down, c);\n  @set_teardown_handler(torn_down, c);");
        Map<String, String> files = Map.of("layout.csl", resource("baton_layout.csl"), "baton_pe.csl", pe,
                "run.json", "{ \"params\": { \"width\": 3 }, \"steps\": [ { \"launch\": \"start\" } ] }");
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.waferscope.engine.csl.ProgramLoadException.class,
                () -> run(files, "wse2"));
        String m = e.getMessage();
        assertTrue(m.contains("baton_pe.csl:21:") && m.contains("has no function teardown_cmd_2"), m);
        assertTrue(m.contains("baton_pe.csl:45:") && m.contains("a compile-time value is needed"), m);
        assertTrue(m.contains("one teardown handler per program"), m);
    }

    @Test
    void aCommandWordPopsOneCommandPerRouter() {
        // switch_cmd_11 then NOPs, every command kept from the CE, no control task (31)
        int[] cmds = {1 | 4, 1 | 4, 4, 4, 4, 4, 4, 4};
        int w = Wavelet.commands(cmds, 31);
        assertEquals(Wavelet.OP_SWITCH_ADVANCE, Wavelet.controlOpcode(w));
        int once = Wavelet.popCommand(w);
        assertEquals(Wavelet.OP_SWITCH_ADVANCE, Wavelet.controlOpcode(once));
        int twice = Wavelet.popCommand(once);
        assertEquals(Wavelet.OP_NONE, Wavelet.controlOpcode(twice));
        assertEquals(true, Wavelet.controlCeIgnore(twice));
        assertEquals(31, Wavelet.controlEntrypoint(twice));
        // the SDK's own teardown word (benchmark-libs/allreduce: "0x9df 9249")
        assertEquals(0x9df9249, Wavelet.commands(new int[] {3 | 4, 4, 4, 4, 4, 4, 4, 4}, 31));
    }

    private static String routeOfPe0(Wafer w) {
        return CoreInspector.inspect(w.fabric(), 0, 0).routes().get(0).positions().toString();
    }

    private static String resource(String name) {
        return RouteAndDsdConstructsTest.resource(name);
    }
}
