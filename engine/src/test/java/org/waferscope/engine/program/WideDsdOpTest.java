package org.waferscope.engine.program;

import static org.waferscope.engine.program.LanguageRunTest.assertPasses;
import static org.waferscope.engine.program.LanguageRunTest.run;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A 32-bit DSD op over DSDs of 16-bit arrays walks them in 32-bit elements, from the base the
 * access names in 16-bit ones: {@code @fmovs} with {@code |i|{3} -> src[i + 2]} over an f16
 * array moves (real, imaginary) pairs 1, 2 and 3, as the SDK's fft-1d-2d moves complex f16
 * numbers. Expected values by hand: pair k of src is (k + 1, -(k + 1)).
 */
class WideDsdOpTest {
    @Test
    void fmovsOverHalfArraysMovesPairs() throws Exception {
        String layout = """
                const memcpy = @import_module("<memcpy/get_params>", .{ .width = 1, .height = 1 });
                layout {
                  @set_rectangle(1, 1);
                  @set_tile_code(0, 0, "pe.csl", .{ .memcpy_params = memcpy.get_params(0) });
                  @export_name("src", [*]f16, true);
                  @export_name("dst", [*]f16, true);
                  @export_name("compute", fn()void);
                }
                """;
        String pe = """
                param memcpy_params: comptime_struct;
                const sys = @import_module("<memcpy/memcpy>", memcpy_params);
                var src = @zeros([8]f16);
                var dst = @zeros([8]f16);
                var src_ptr: [*]f16 = &src;
                var dst_ptr: [*]f16 = &dst;
                const from = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{3} -> src[i + 2] });
                const to = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{8} -> dst[i] });
                fn compute() void {
                  // the first three pairs of dst, then pair 3 again from a DSD changed at run time
                  @fmovs(to, from);
                  var last = @set_dsd_length(to, 1);
                  last = @increment_dsd_offset(last, 3, f32);
                  @fmovs(last, @increment_dsd_offset(@set_dsd_length(from, 1), 2, f32));
                  sys.unblock_cmd_stream();
                }
                comptime {
                  @export_symbol(src_ptr, "src");
                  @export_symbol(dst_ptr, "dst");
                  @export_symbol(compute);
                }
                """;
        String json = """
                { "arrays": { "in": { "type": "f16", "values": [1, -1, 2, -2, 3, -3, 4, -4] } },
                  "steps": [ { "copy_in": { "array": "in", "symbol": "src", "rect": { "width": 1, "height": 1 } } },
                    { "launch": "compute" },
                    { "copy_out": { "symbol": "dst", "array": "out", "rect": { "width": 1, "height": 1 }, "per_pe": 8 } },
                    { "check": { "array": "out", "expected": [2, -2, 3, -3, 4, -4, 4, -4], "tolerance": 0 } } ] }
                """;
        assertPasses(run(Map.of("layout.csl", layout, "pe.csl", pe, "run.json", json), "wse2"));
    }
}
