package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waferscope.engine.program.LanguageRunTest.assertPasses;
import static org.waferscope.engine.program.LanguageRunTest.run;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.csl.ProgramLoadException;

/**
 * Routing and DSD constructs of the SDK examples (color swap, ...) in programs of our own
 * (test resources under {@code org/waferscope/engine/constructs}), checked against results
 * worked out here in plain Java.
 */
class RouteAndDsdConstructsTest {
    static String resource(String name) {
        return LibraryModulesTest.resource("constructs", name);
    }

    @Test
    void colorSwapAlternatesTheColorAtEveryHopEast() throws Exception {
        int width = 5;
        int count = 4;
        long sum = count * (count + 1) / 2;
        StringBuilder expected = new StringBuilder("[0");
        for (int x = 1; x < width; x++) {
            // PE x receives after x hops: an odd number of swaps leaves the odd color (worth ten times).
            expected.append(", ").append(x % 2 == 1 ? 10 * sum : sum);
        }
        expected.append(']');
        String runJson = """
                { "params": { "width": %d, "count": %d },
                  "steps": [ { "launch": "start" },
                  { "copy_out": { "symbol": "total", "array": "total", "rect": { "width": "width", "height": 1 }, "per_pe": 1 } },
                  { "check": { "array": "total", "expected": %s, "tolerance": 0 } } ] }
                """.formatted(width, count, expected);
        assertPasses(run(Map.of("layout.csl", resource("swap_layout.csl"), "swap_pe.csl", resource("swap_pe.csl"),
                "run.json", runJson), "wse2"));
    }

    @Test
    void waveletIndexOffsetShiftsADsdByTheIndexAnOperationIsGiven() throws Exception {
        int rows = 3;
        int cols = 4;
        float[] acc = new float[rows];
        for (int k = 0; k < cols; k++) {
            int column = cols - 1 - k;
            for (int i = 0; i < rows; i++) {
                acc[i] += (k + 1) * (float) (i * cols + column);
            }
        }
        String runJson = """
                { "params": { "rows": %d, "cols": %d },
                  "arrays": { "t": { "shape": ["rows * cols"], "arange": { "start": 0 } } },
                  "steps": [
                  { "copy_in": { "array": "t", "symbol": "table", "rect": { "x": 1, "width": 1, "height": 1 } } },
                  { "launch": "start" },
                  { "copy_out": { "symbol": "acc", "array": "acc", "rect": { "x": 1, "width": 1, "height": 1 }, "per_pe": "rows" } },
                  { "check": { "array": "acc", "expected": %s, "tolerance": 0 } } ] }
                """.formatted(rows, cols, java.util.Arrays.toString(acc));
        assertPasses(run(Map.of("layout.csl", resource("index_layout.csl"), "index_sender.csl", resource("index_sender.csl"),
                "index_receiver.csl", resource("index_receiver.csl"), "run.json", runJson), "wse2"));
    }

    @Test
    void asynchronousOperationsNameTheirMicrothreadOnWse3() throws Exception {
        double[] out = {1, 2, 3, 4};
        for (int i = 0; i < out.length; i++) {
            out[i] = 2 * (out[i] + 1);
        }
        String runJson = """
                { "steps": [ { "launch": "compute" },
                  { "copy_out": { "symbol": "out", "array": "out", "rect": { "width": 1, "height": 1 }, "per_pe": 4 } },
                  { "check": { "array": "out", "expected": %s, "tolerance": 0 } } ] }
                """.formatted(java.util.Arrays.toString(out));
        Map<String, String> files = Map.of("layout.csl", resource("one_pe_layout.csl"), "pe.csl", resource("ut_pe.csl"),
                "run.json", runJson);
        assertPasses(run(files, "wse3"));
        ProgramLoadException e = assertThrows(ProgramLoadException.class, () -> run(files, "wse2"));
        assertTrue(e.getMessage().contains("@get_ut_id names a WSE-3 microthread"), e.getMessage());
    }

    @Test
    void dataStructureRegistersWalkOnWhenTheySaveTheirAddress() throws Exception {
        float[][] columns = {{1, 2, 3}, {-1, 0.5f, 2}, {4, -2, 1}, {0.25f, 0.75f, -0.5f}};
        float[] x = {2, -1, 0.5f, 4};
        float[] out = new float[4];
        for (int j = 0; j < x.length; j++) {
            for (int i = 0; i < 3; i++) {
                out[i] += columns[j][i] * x[j];
            }
        }
        out[3] = out[0];
        String runJson = """
                { "steps": [ { "launch": "compute" },
                  { "copy_out": { "symbol": "out", "array": "out", "rect": { "width": 1, "height": 1 }, "per_pe": 4 } },
                  { "check": { "array": "out", "expected": %s, "tolerance": 0 } } ] }
                """.formatted(java.util.Arrays.toString(out));
        assertPasses(run(Map.of("layout.csl", resource("one_pe_layout.csl"), "pe.csl", resource("dsr_pe.csl"),
                "run.json", runJson), "wse2"));
    }

    @Test
    void aRouterThatPopsOnAdvanceHidesTheCommandFromTheRoutersAfterIt() throws Exception {
        // Worked by hand in pop_layout.csl: PE 1 takes 5; 7 passes PEs 1 and 2 (still in position 0) to PE 3.
        String runJson = """
                { "steps": [ { "launch": "start" },
                  { "copy_out": { "symbol": "total", "array": "total", "rect": { "width": 4, "height": 1 }, "per_pe": 1 } },
                  { "check": { "array": "total", "expected": [0, 5, 0, 7], "tolerance": 0 } } ] }
                """;
        assertPasses(run(Map.of("layout.csl", resource("pop_layout.csl"), "pop_pe.csl", resource("pop_pe.csl"),
                "run.json", runJson), "wse2"));
    }

    @Test
    void aPeProgramReadsTheRectangleItRunsIn() throws Exception {
        String layout = """
                const memcpy = @import_module("<memcpy/get_params>", .{ .width = 3, .height = 2 });
                layout {
                  @set_rectangle(3, 2);
                  for (@range(u16, 3)) |x| { for (@range(u16, 2)) |y| {
                    @set_tile_code(x, y, "pe.csl", .{ .memcpy_params = memcpy.get_params(x) });
                  } }
                  @export_name("out", [*]f32, true);
                  @export_name("compute", fn()void);
                }
                """;
        String pe = """
                param memcpy_params: comptime_struct;
                const sys_mod = @import_module("<memcpy/memcpy>", memcpy_params);
                const shape = @get_rectangle();
                const cells: i16 = @as(i16, shape.width * 10 + shape.height);
                var out = @zeros([1]f32);
                var out_ptr: [*]f32 = &out;
                fn compute() void { out[0] = @as(f32, cells); sys_mod.unblock_cmd_stream(); }
                comptime { @export_symbol(out_ptr, "out"); @export_symbol(compute); }
                """;
        String runJson = """
                { "steps": [ { "launch": "compute" },
                  { "copy_out": { "symbol": "out", "array": "out", "rect": { "width": 3, "height": 2 }, "per_pe": 1 } },
                  { "check": { "array": "out", "expected": 32, "tolerance": 0 } } ] }
                """;
        assertPasses(run(Map.of("layout.csl", layout, "pe.csl", pe, "run.json", runJson), "wse2"));
    }

    @Test
    void aSwappedColorMustBeAcceptedDownstream() {
        // Without a route for the odd color, the swapped wavelets have nowhere to go.
        String layout = resource("swap_layout.csl").replace("@set_color_config(x, 0, odd, .{ .routes = r });", "");
        ProgramLoadException e = assertThrows(ProgramLoadException.class, () -> run(Map.of("layout.csl", layout,
                "swap_pe.csl", resource("swap_pe.csl"), "run.json", "{ \"params\": { \"width\": 3, \"count\": 1 }, \"steps\": [] }"),
                "wse2"));
        assertTrue(e.getMessage().contains("forwards color 2 EAST (swapped to color 3) but PE (1, 0) never accepts color 3 from WEST"),
                e.getMessage());
    }
}
