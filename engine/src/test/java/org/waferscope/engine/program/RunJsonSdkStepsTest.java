package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waferscope.engine.program.LanguageRunTest.run;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.csl.ProgramLoadException;
import org.waferscope.engine.host.CheckResult;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.WaferStatus;

/** What run.json gained for the SDK's host scripts: broadcast copies, slices, numpy tolerances, nonblocking streams. */
class RunJsonSdkStepsTest {
    static final String LAYOUT = """
            const memcpy = @import_module("<memcpy/get_params>", .{ .width = 3, .height = 2 });
            layout {
              @set_rectangle(3, 2);
              for (@range(i16, 3)) |x| {
                for (@range(i16, 2)) |y| {
                  @set_tile_code(x, y, "pe.csl", .{ .memcpy_params = memcpy.get_params(x) });
                }
              }
              @export_name("v", [*]f32, true);
              @export_name("go", fn()void);
            }
            """;
    /** Each PE doubles its two values. */
    static final String PE = """
            param memcpy_params: comptime_struct;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);
            var v = @zeros([2]f32);
            var v_ptr: [*]f32 = &v;
            fn go() void { v[0] = 2.0 * v[0]; v[1] = 2.0 * v[1]; sys.unblock_cmd_stream(); }
            comptime { @export_symbol(v_ptr, "v"); @export_symbol(go); }
            """;

    static RunResult steps(String arrays, String copyIn, String checks) throws Exception {
        String json = """
                { "arrays": { %s },
                  "steps": [ %s, { "launch": "go" },
                    { "copy_out": { "symbol": "v", "array": "out", "rect": { "width": 3, "height": 2 }, "per_pe": 2 } },
                    %s ] }
                """.formatted(arrays, copyIn, checks);
        return run(Map.of("layout.csl", LAYOUT, "pe.csl", PE, "run.json", json), "wse2");
    }

    /** The doubled values a plain Java loop expects for a copy that gives PE (px, py) element k of value f(px, py, k). */
    static String doubled(java.util.function.IntFunction<double[]> perPe) {
        StringBuilder sb = new StringBuilder("[");
        for (int pe = 0; pe < 6; pe++) {
            double[] mine = perPe.apply(pe);
            for (double d : mine) {
                sb.append(sb.length() > 1 ? ", " : "").append(2 * d);
            }
        }
        return sb.append("]").toString();
    }

    @Test
    void broadcastToAllRowsAndColumns() throws Exception {
        // "rows" is the SDK's memcpy_h2d_rowbcast (a chunk per row, the same along it), "columns" its colbcast
        String a = "\"a\": { \"values\": [1, 2] }, \"c\": { \"values\": [1, 2, 3, 4, 5, 6] }, \"r\": { \"values\": [7, 8, 9, 10] }";
        String all = doubled(pe -> new double[] {1, 2});
        String cols = doubled(pe -> new double[] {1 + 2 * (pe % 3), 2 + 2 * (pe % 3)});
        String rows = doubled(pe -> new double[] {7 + 2 * (pe / 3), 8 + 2 * (pe / 3)});
        for (String[] c : new String[][] {{"a", "all", all}, {"c", "columns", cols}, {"r", "rows", rows}}) {
            RunResult r = steps(a, "{ \"copy_in\": { \"array\": \"" + c[0] + "\", \"symbol\": \"v\", \"broadcast\": \"" + c[1]
                    + "\", \"rect\": { \"width\": 3, \"height\": 2 } } }",
                    "{ \"check\": { \"array\": \"out\", \"expected\": " + c[2] + ", \"tolerance\": 0 } }");
            assertEquals(WaferStatus.HALTED, r.status());
            assertTrue(r.checks().get(0).pass(), c[1] + ": " + r.checks().get(0).describe());
        }
    }

    @Test
    void slicesAndNumpyTolerances() throws Exception {
        String a = "\"a\": { \"shape\": [12], \"arange\": { \"start\": 0 } }";
        String copy = "{ \"copy_in\": { \"array\": \"a\", \"symbol\": \"v\", \"rect\": { \"width\": 3, \"height\": 2 } } }";
        RunResult r = steps(a, copy, """
                { "check": { "name": "every third", "array": "out", "slice": { "start": 1, "step": 3 }, "expected": [2, 8, 14, 20], "tolerance": 0 } },
                { "check": { "name": "tail", "array": "out", "slice": { "start": 10 }, "expected": [20.5, 22.5], "atol": 0.5, "rtol": 0 } },
                { "check": { "name": "too tight", "array": "out", "slice": { "start": 10 }, "expected": [20.5, 22.5], "atol": 0.4, "rtol": 0 } },
                { "check": { "name": "relative", "array": "out", "slice": { "start": 11, "stop": 12 }, "expected": 22.2, "rtol": 0.01 } }
                """);
        CheckResult[] c = r.checks().toArray(new CheckResult[0]);
        assertTrue(c[0].pass(), c[0].describe());
        assertTrue(c[1].pass(), c[1].describe());
        assertFalse(c[2].pass(), c[2].describe());
        assertEquals(2, c[2].mismatches());
        assertTrue(c[3].pass(), c[3].describe());
    }

    @Test
    void mistakesArePositioned() {
        String a = "\"a\": { \"shape\": [12], \"arange\": { \"start\": 0 } }";
        String copy = "{ \"copy_in\": { \"array\": \"a\", \"symbol\": \"v\", \"broadcast\": \"rows\", \"per_pe\": 3, \"rect\": { \"width\": 3, \"height\": 2 } } }";
        ProgramLoadException e = assertThrows(ProgramLoadException.class, () -> steps(a, copy,
                "{ \"check\": { \"array\": \"out\", \"slice\": { \"start\": 12 }, \"expected\": 0, \"tolerance\": 1, \"atol\": 1 } }"));
        assertTrue(e.getMessage().contains("per_pe is 3 but array a gives each PE 6"), e.getMessage());
        assertTrue(e.getMessage().contains("start must be"), e.getMessage());
    }

    @Test
    void theConsoleNamesACopysArrayAsRunJsonDoes() throws Exception {
        String a = "\"a\": { \"values\": [1, 2] }";
        RunResult r = steps(a, "{ \"copy_in\": { \"array\": \"a\", \"symbol\": \"v\", \"broadcast\": \"all\", "
                + "\"rect\": { \"width\": 3, \"height\": 2 } } }", "{ \"check\": { \"array\": \"out\", \"expected\": "
                + doubled(pe -> new double[] {1, 2}) + ", \"tolerance\": 0 } }");
        java.util.List<String> host = r.console().stream().map(org.waferscope.engine.api.ConsoleLine::text)
                .filter(t -> t.startsWith("copy")).toList();
        assertEquals("copy a (broadcast) into v, as the program loads", host.get(0), "the loader's own name was \"a@broadcast1\": " + host);
        // reshaped and transposed, the loader's own name was "b@transpose1"; plain, it is the array's own
        String b = "\"b\": { \"shape\": [12], \"arange\": { \"start\": 0 } }";
        RunResult t = steps(b, "{ \"copy_in\": { \"array\": \"b\", \"symbol\": \"v\", \"reshape\": [2, 6], "
                + "\"transpose\": [1, 0], \"rect\": { \"width\": 3, \"height\": 2 } } }",
                "{ \"check\": { \"array\": \"out\", \"expected\": " + doubled(pe -> new double[] {pe, 6 + pe})
                + ", \"tolerance\": 0 } }");
        assertTrue(t.checks().get(0).pass(), t.checks().get(0).describe());
        assertTrue(t.console().stream().anyMatch(l -> l.text().equals("copy b (reshaped, transposed) into v, as the program loads")), t.console().toString());
        RunResult plain = steps(b, "{ \"copy_in\": { \"array\": \"b\", \"symbol\": \"v\", \"rect\": { \"width\": 3, \"height\": 2 } } }",
                "{ \"check\": { \"array\": \"out\", \"expected\": " + doubled(pe -> new double[] {2 * pe, 2 * pe + 1})
                + ", \"tolerance\": 0 } }");
        assertTrue(plain.checks().get(0).pass(), plain.checks().get(0).describe());
        assertTrue(plain.console().stream().anyMatch(l -> l.text().equals("copy b into v, as the program loads")), plain.console().toString());
    }
}
