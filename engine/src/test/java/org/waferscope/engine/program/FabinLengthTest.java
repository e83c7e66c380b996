package org.waferscope.engine.program;

import static org.waferscope.engine.program.LanguageRunTest.assertPasses;
import static org.waferscope.engine.program.LanguageRunTest.run;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A move from a fabin DSD into memory ends when the fabin DSD's wavelets are in, even if
 * the memory DSD is longer: a receiver takes messages of a length known only at run time
 * into buffers of the largest size, as spmv-hypersparse's reduction trains do. Here PE 0
 * sends five values east; PE 1 takes 2, then 3 of them, each time into a 4-long buffer.
 */
class FabinLengthTest {
    static final String LAYOUT = """
            const memcpy = @import_module("<memcpy/get_params>", .{ .width = 2, .height = 1 });
            const c: color = @get_color(4);
            layout {
              @set_rectangle(2, 1);
              @set_tile_code(0, 0, "pe.csl", .{ .memcpy_params = memcpy.get_params(0), .c = c, .sender = true });
              @set_tile_code(1, 0, "pe.csl", .{ .memcpy_params = memcpy.get_params(1), .c = c, .sender = false });
              @set_color_config(0, 0, c, .{ .routes = .{ .rx = .{ RAMP }, .tx = .{ EAST } } });
              @set_color_config(1, 0, c, .{ .routes = .{ .rx = .{ WEST }, .tx = .{ RAMP } } });
              @export_name("a", [*]f32, true);
              @export_name("b", [*]f32, true);
              @export_name("compute", fn()void);
            }
            """;

    static final String PE = """
            param memcpy_params: comptime_struct;
            param c: color;
            param sender: bool;
            const sys_mod = @import_module("<memcpy/memcpy>", memcpy_params);
            const in_q = @get_input_queue(2);
            const out_q = @get_output_queue(2);
            var values = [5]f32 { 2.0, 3.0, 5.0, 7.0, 11.0 };
            var a = @zeros([4]f32);
            var b = @zeros([4]f32);
            var a_ptr: [*]f32 = &a;
            var b_ptr: [*]f32 = &b;
            var lengths = [2]u16 { 2, 3 };
            const values_dsd = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{5} -> values[i] });
            const a_dsd = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{4} -> a[i] });
            const b_dsd = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{4} -> b[i] });
            const out_dsd = @get_dsd(fabout_dsd, .{ .extent = 5, .fabric_color = c, .output_queue = out_q });
            const in_dsd = @get_dsd(fabin_dsd, .{ .extent = 1, .fabric_color = c, .input_queue = in_q });

            fn compute() void {
              if (sender) {
                @fmovs(out_dsd, values_dsd);
              } else {
                const first = @set_dsd_length(in_dsd, lengths[0]);
                @fmovs(a_dsd, first);
                const second = @set_dsd_length(in_dsd, lengths[1]);
                @fmovs(b_dsd, second);
              }
              sys_mod.unblock_cmd_stream();
            }

            comptime {
              if (@is_arch("wse3")) {
                @initialize_queue(in_q, .{ .color = c });
                @initialize_queue(out_q, .{ .color = c });
              }
              @export_symbol(a_ptr, "a");
              @export_symbol(b_ptr, "b");
              @export_symbol(compute);
            }
            """;

    static final String RUN = """
            { "steps": [ { "launch": "compute" },
              { "copy_out": { "symbol": "a", "array": "a", "rect": { "x": 1, "width": 1, "height": 1 }, "per_pe": 4 } },
              { "copy_out": { "symbol": "b", "array": "b", "rect": { "x": 1, "width": 1, "height": 1 }, "per_pe": 4 } },
              { "check": { "array": "a", "expected": [2, 3, 0, 0], "tolerance": 0 } },
              { "check": { "array": "b", "expected": [5, 7, 11, 0], "tolerance": 0 } } ] }
            """;

    @ParameterizedTest
    @ValueSource(strings = {"wse2", "wse3"})
    void aFabinSourceEndsAMoveIntoALongerBuffer(String arch) throws Exception {
        assertPasses(run(Map.of("layout.csl", LAYOUT, "pe.csl", PE, "run.json", RUN), arch));
    }
}
