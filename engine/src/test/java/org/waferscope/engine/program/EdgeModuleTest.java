package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.waferscope.engine.program.LanguageRunTest.assertPasses;
import static org.waferscope.engine.program.LanguageRunTest.run;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.WaferStatus;

/**
 * A two-PE pipeline whose edge PE is a module written the way the SDK writes its edge
 * modules: routes set from the PE program ({@code @set_local_color_config}), optional params
 * left {@code {}} and tested with {@code @is_same_type(@type_of(p), void)}, globals that are
 * only valid when used, and unbounded streams (extent 0x7fff) that still wait when the host is
 * done, which ends the run as the SDK's {@code runner.stop()} does.
 */
class EdgeModuleTest {
    static final String LAYOUT = """
            const memcpy = @import_module("<memcpy/get_params>", .{ .width = 2, .height = 1,
                .MEMCPYH2D_1 = @get_color(0), .MEMCPYD2H_1 = @get_color(1) });
            const link: color = @get_color(5);
            layout {
              @set_rectangle(2, 1);
              @set_tile_code(0, 0, "west.csl", .{ .memcpy_params = memcpy.get_params(0), .out_color = link });
              @set_tile_code(1, 0, "add.csl", .{ .memcpy_params = memcpy.get_params(1), .in_color = link });
            }
            """;

    static final String WEST = """
            param memcpy_params: comptime_struct;
            param out_color: color;
            const edge = @import_module("edge.csl", .{ .from_host = memcpy_params.MEMCPYH2D_1,
                                                      .spare = memcpy_params.MEMCPYH2D_2,
                                                      .onward = out_color, .dir = EAST });
            """;

    /** Forwards the host's stream onward; a stream left {} is skipped at compile time. */
    static final String EDGE = """
            param from_host = {};
            param spare = {};
            param onward: color;
            param dir: direction;
            const start_id: local_task_id = @get_local_task_id(9);
            var ring = @zeros([16]u32);
            const fifo = @allocate_fifo(ring);
            const from_host_dsd = @get_dsd(fabin_dsd, .{ .extent = 0x7fff, .fabric_color = from_host,
                                                         .input_queue = @get_input_queue(5) });
            // Invalid (its color is {}), and never used: fine, as in the SDK.
            const spare_dsd = @get_dsd(fabin_dsd, .{ .extent = 0x7fff, .fabric_color = spare,
                                                     .input_queue = @get_input_queue(6) });
            const onward_dsd = @get_dsd(fabout_dsd, .{ .extent = 0x7fff, .fabric_color = onward,
                                                       .output_queue = @get_output_queue(2) });
            task start() void {
              if (!@is_same_type(@type_of(from_host), void)) {
                @mov32(fifo, from_host_dsd, .{ .async = true });
                @mov32(onward_dsd, fifo, .{ .async = true });
              }
              if (!@is_same_type(@type_of(spare), void)) {
                @mov32(onward_dsd, spare_dsd, .{ .async = true });
              }
            }
            comptime {
              @bind_local_task(start, start_id);
              @activate(start_id);
              @set_local_color_config(onward, .{ .routes = .{ .rx = .{ RAMP }, .tx = .{ dir } } });
            }
            """;

    static final String ADD = """
            param memcpy_params: comptime_struct;
            param in_color: color;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);
            const start_id: local_task_id = @get_local_task_id(9);
            const in_dsd = @get_dsd(fabin_dsd, .{ .extent = 8, .fabric_color = in_color,
                                                  .input_queue = @get_input_queue(2) });
            const out_dsd = @get_dsd(fabout_dsd, .{ .extent = 8, .fabric_color = sys.MEMCPYD2H_1,
                                                    .output_queue = @get_output_queue(3) });
            const three = [1]i16{ 3 };
            const three_dsd = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{8} -> three[0] });
            task start() void {
              @add16(out_dsd, in_dsd, three_dsd, .{ .async = true });
            }
            comptime {
              @bind_local_task(start, start_id);
              @activate(start_id);
              @set_local_color_config(in_color, .{ .routes = .{ .rx = .{ WEST }, .tx = .{ RAMP } } });
            }
            """;

    static final String RUN = """
            { "arrays": { "x": { "type": "i16", "values": [5, 0, -7, 100, 12, 13, 14, 15] } },
              "steps": [
                { "stream_in": { "array": "x", "color": "MEMCPYH2D_DATA_1", "rect": { "width": 1, "height": 1 }, "nonblock": true } },
                { "stream_out": { "array": "y", "type": "i16", "color": "MEMCPYD2H_DATA_1",
                                  "rect": { "x": 1, "width": 1, "height": 1 }, "per_pe": 8 } },
                { "check": { "array": "y", "expected": [8, 3, -4, 103, 15, 16, 17, 18], "tolerance": 0 } } ] }
            """;

    @Test
    void anEdgeModuleForwardsTheHostStreamAndTheRunEndsWithTheHost() throws Exception {
        RunResult r = run(Map.of("layout.csl", LAYOUT, "west.csl", WEST, "edge.csl", EDGE, "add.csl", ADD,
                "run.json", RUN), "wse2");
        assertPasses(r);
        assertEquals(WaferStatus.HALTED, r.status());
    }
}
