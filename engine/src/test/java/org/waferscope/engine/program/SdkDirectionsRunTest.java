package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.WaferStatus;

/**
 * {@code <directions>} where the SDK's benchmarks use it: a user module of the layout computes
 * a chain's far side from its near side, {@code TO = flip(FROM)}, and routes a color along a
 * row or a column with it. The first PE sends 1..n, the last adds them up; the reference is
 * the sum, and a wrong direction would fail the route check or lose the wavelets.
 */
class SdkDirectionsRunTest {
    static final String CHAIN = """
            const dirs = @import_module("<directions>");
            param FROM: direction;
            param LAST: u16;
            // flip, then a half turn the long way round: still flip(FROM)
            const TO: direction = dirs.rotate_clockwise(dirs.rotate_clockwise(
                dirs.flip_vertical(dirs.flip_horizontal(dirs.flip(FROM)))));
            const c: color = @get_color(3);
            fn set_route(x: u16, y: u16, i: u16) void {
              if (i == 0) {
                @set_color_config(x, y, c, .{ .routes = .{ .rx = .{ RAMP }, .tx = .{ TO } } });
              } else if (i == LAST) {
                @set_color_config(x, y, c, .{ .routes = .{ .rx = .{ FROM }, .tx = .{ RAMP } } });
              } else {
                @set_color_config(x, y, c, .{ .routes = .{ .rx = .{ FROM }, .tx = .{ TO } } });
              }
            }
            """;

    static final String LAYOUT = """
            param N: u16;
            param ALONG_ROW: bool;
            const W: u16 = if (ALONG_ROW) N else 1;
            const H: u16 = if (ALONG_ROW) 1 else N;
            const memcpy = @import_module("<memcpy/get_params>", .{ .width = W, .height = H });
            const chain = @import_module("chain.csl", .{ .FROM = if (ALONG_ROW) EAST else SOUTH, .LAST = N - 1 });
            layout {
              @set_rectangle(W, H);
              for (@range(u16, N)) |i| {
                const x = if (ALONG_ROW) N - 1 - i else 0;
                const y = if (ALONG_ROW) 0 else N - 1 - i;
                @set_tile_code(x, y, "pe.csl", .{ .memcpy_params = memcpy.get_params(x), .first = i == 0 });
                chain.set_route(x, y, i);
              }
              @export_name("total", [*]u32, false);
              @export_name("start", fn()void);
            }
            """;

    static final String PE = """
            param memcpy_params: comptime_struct;
            param first: bool;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);
            const c: color = @get_color(3);
            const out = @get_dsd(fabout_dsd, .{ .fabric_color = c, .extent = 1, .output_queue = @get_output_queue(2) });
            var total = @zeros([1]u32);
            var total_ptr: [*]u32 = &total;
            fn start() void {
              if (first) {
                for (@range(u32, 1, 6, 1)) |k| {
                  @mov32(out, k);
                }
              }
              sys.unblock_cmd_stream();
            }
            task arrive(k: u32) void {
              total[0] += k;
            }
            comptime {
              @bind_data_task(arrive, @get_data_task_id(c));
              @export_symbol(total_ptr, "total");
              @export_symbol(start);
            }
            """;

    @ParameterizedTest(name = "{0} PEs, along a row: {1}")
    @CsvSource({"4, true", "3, false"})
    void theWaveletsTravelTheRouteTheModuleComputed(int n, boolean alongRow) throws Exception {
        String run = """
                { "params": { "N": %d, "ALONG_ROW": %b },
                  "steps": [ { "launch": "start" },
                             { "copy_out": { "symbol": "total", "array": "total", "type": "u32",
                                             "rect": { "width": "%s", "height": "%s" }, "per_pe": 1 } } ] }
                """.formatted(n, alongRow, alongRow ? "N" : "1", alongRow ? "1" : "N");
        RunResult r = LanguageRunTest.run(Map.of("layout.csl", LAYOUT, "chain.csl", CHAIN, "pe.csl", PE, "run.json", run),
                "wse2");
        assertEquals(WaferStatus.HALTED, r.status(), () -> String.join("\n", r.report()));
        double[] expected = new double[n];
        expected[0] = 1 + 2 + 3 + 4 + 5;     // the last PE of the chain: the west end, or the north end
        assertArrayEquals(expected, r.arrays().get("total").values());
    }
}
