package org.waferscope.engine.program;

import static org.waferscope.engine.program.LanguageRunTest.assertPasses;
import static org.waferscope.engine.program.LanguageRunTest.run;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The task picker takes turns: a local task that is ready gets its turn although a data
 * task with a lower id has more wavelets waiting. The relay below keeps each value only
 * until its forwarding task has sent it on; with a picker that always took the lowest id,
 * the burst of data would overwrite the held value before it was forwarded (the SDK's
 * game-of-life benchmark forwards its diagonal neighbours' values this way).
 */
class TaskPickerTest {

    static final String LAYOUT = """
            const memcpy = @import_module("<memcpy/get_params>", .{ .width = 3, .height = 1 });
            const data: color = @get_color(1);
            const onward: color = @get_color(2);
            layout {
              @set_rectangle(3, 1);
              @set_tile_code(0, 0, "burst.csl", .{ .memcpy_params = memcpy.get_params(0), .data = data });
              @set_tile_code(1, 0, "relay.csl", .{ .memcpy_params = memcpy.get_params(1), .data = data, .onward = onward });
              @set_tile_code(2, 0, "sum.csl", .{ .memcpy_params = memcpy.get_params(2), .onward = onward });
              @set_color_config(0, 0, data, .{ .routes = .{ .rx = .{ RAMP }, .tx = .{ EAST } } });
              @set_color_config(1, 0, data, .{ .routes = .{ .rx = .{ WEST }, .tx = .{ RAMP } } });
              @set_color_config(1, 0, onward, .{ .routes = .{ .rx = .{ RAMP }, .tx = .{ EAST } } });
              @set_color_config(2, 0, onward, .{ .routes = .{ .rx = .{ WEST }, .tx = .{ RAMP } } });
              @export_name("total", [*]u32, true);
              @export_name("go", fn()void);
            }
            """;

    /** Sends 1, 2, ..., 12 in one burst. */
    static final String BURST = """
            param memcpy_params: comptime_struct;
            param data: color;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);
            const oq = @get_output_queue(2);
            const out = @get_dsd(fabout_dsd, .{ .extent = 12, .fabric_color = data, .output_queue = oq });
            var values = [12]u32 { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };
            const values_dsd = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{12} -> values[i] });
            var total = @zeros([1]u32);
            var total_ptr: [*]u32 = &total;
            fn go() void {
              @mov32(out, values_dsd);
              sys.unblock_cmd_stream();
            }
            comptime {
              if (@is_arch("wse3")) @initialize_queue(oq, .{ .color = data });
              @export_symbol(total_ptr, "total");
              @export_symbol(go);
            }
            """;

    /** Holds each value (data task, id 1 on WSE-2) until a local task with a higher id forwards it. */
    static final String RELAY = """
            param memcpy_params: comptime_struct;
            param data: color;
            param onward: color;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);
            const iq = @get_input_queue(2);
            const oq = @get_output_queue(3);
            const out = @get_dsd(fabout_dsd, .{ .extent = 1, .fabric_color = onward, .output_queue = oq });
            const recv_id: data_task_id = if (@is_arch("wse2")) @get_data_task_id(data)
              else if (@is_arch("wse3")) @get_data_task_id(iq);
            const forward_id: local_task_id = @get_local_task_id(12);
            var held: u32 = 0;
            var total = @zeros([1]u32);
            var total_ptr: [*]u32 = &total;
            task recv(v: u32) void {
              held = v;
              @activate(forward_id);
            }
            task forward() void {
              @mov32(out, held);
            }
            fn go() void { sys.unblock_cmd_stream(); }
            comptime {
              @bind_data_task(recv, recv_id);
              @bind_local_task(forward, forward_id);
              if (@is_arch("wse3")) @initialize_queue(iq, .{ .color = data });
              if (@is_arch("wse3")) @initialize_queue(oq, .{ .color = onward });
              @export_symbol(total_ptr, "total");
              @export_symbol(go);
            }
            """;

    /** Adds up what arrives. */
    static final String SUM = """
            param memcpy_params: comptime_struct;
            param onward: color;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);
            const iq = @get_input_queue(2);
            const recv_id: data_task_id = if (@is_arch("wse2")) @get_data_task_id(onward)
              else if (@is_arch("wse3")) @get_data_task_id(iq);
            var total = @zeros([1]u32);
            var total_ptr: [*]u32 = &total;
            task add(v: u32) void { total[0] += v; }
            fn go() void { sys.unblock_cmd_stream(); }
            comptime {
              @bind_data_task(add, recv_id);
              if (@is_arch("wse3")) @initialize_queue(iq, .{ .color = onward });
              @export_symbol(total_ptr, "total");
              @export_symbol(go);
            }
            """;

    @ParameterizedTest
    @ValueSource(strings = {"wse2", "wse3"})
    void aReadyLocalTaskIsNotStarvedByABusyDataTaskWithALowerId(String arch) throws Exception {
        String runJson = """
                { "steps": [ { "launch": "go" },
                  { "copy_out": { "symbol": "total", "array": "total", "type": "u32", "rect": { "x": 2, "y": 0, "width": 1, "height": 1 }, "per_pe": 1 } },
                  { "check": { "name": "every value forwarded once", "array": "total", "expected": [78], "tolerance": 0 } } ] }
                """;
        assertPasses(run(Map.of("layout.csl", LAYOUT, "burst.csl", BURST, "relay.csl", RELAY, "sum.csl", SUM,
                "run.json", runJson), arch));
    }
}
