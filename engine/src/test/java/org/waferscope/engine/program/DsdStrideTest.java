package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.WaferStatus;

/**
 * {@code @set_dsd_stride(dsd, n)}: n counts elements of the DSD's own type, 4-byte f32 and
 * 2-byte i16 alike, whether the DSD and n are known at compile time or only at run time (a
 * stride read from a variable). Checked against the same walks done in Java.
 */
class DsdStrideTest {
    static final String LAYOUT = """
            const memcpy = @import_module("<memcpy/get_params>", .{ .width = 1, .height = 1 });
            layout {
              @set_rectangle(1, 1);
              @set_tile_code(0, 0, "pe.csl", .{ .memcpy_params = memcpy.get_params(0) });
              @export_name("out", [*]f32, true);
              @export_name("hout", [*]i16, true);
              @export_name("compute", fn()void);
            }
            """;

    static final String PE = """
            param memcpy_params: comptime_struct;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);

            var a = [8]f32 { 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5 };
            var h = [9]i16 { 10, -20, 30, -40, 50, -60, 70, -80, 90 };
            var out: [8]f32;
            var hout: [3]i16;
            var out_ptr: [*]f32 = &out;
            var hout_ptr: [*]i16 = &hout;
            var step: i16 = 2;
            var hstep: i16 = 3;

            const whole = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{4} -> a[i] });
            const evens = @set_dsd_stride(whole, 2);
            const out_lo = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{4} -> out[i] });
            const out_hi = @increment_dsd_offset(out_lo, 4, f32);
            const hout_dsd = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{3} -> hout[i] });

            fn compute() void {
              @fmovs(out_lo, evens);
              var odds = @increment_dsd_offset(whole, 1, f32);
              odds = @set_dsd_stride(odds, step);
              @fadds(out_hi, odds, 0.25);
              var every_third = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{3} -> h[i] });
              every_third = @set_dsd_stride(every_third, hstep);
              @add16(hout_dsd, every_third, 1);
              sys.unblock_cmd_stream();
            }

            comptime {
              @export_symbol(out_ptr, "out");
              @export_symbol(hout_ptr, "hout");
              @export_symbol(compute);
            }
            """;

    static final String RUN = """
            { "steps": [
                { "launch": "compute" },
                { "copy_out": { "symbol": "out", "array": "out", "rect": { "width": 1, "height": 1 }, "per_pe": 8 } },
                { "copy_out": { "symbol": "hout", "array": "hout", "type": "i16", "rect": { "width": 1, "height": 1 }, "per_pe": 3 } }
              ] }
            """;

    @Test
    void theStrideCountsElementsOfTheDsdsOwnType() throws Exception {
        RunResult r = LanguageRunTest.run(Map.of("layout.csl", LAYOUT, "pe.csl", PE, "run.json", RUN), "wse2");
        assertEquals(WaferStatus.HALTED, r.status(), () -> String.join("\n", r.report()));
        double[] a = {1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5};
        int[] h = {10, -20, 30, -40, 50, -60, 70, -80, 90};
        double[] out = new double[8];
        for (int i = 0; i < 4; i++) {
            out[i] = a[2 * i];
            out[4 + i] = a[1 + 2 * i] + 0.25;
        }
        double[] hout = new double[3];
        for (int i = 0; i < 3; i++) {
            hout[i] = h[3 * i] + 1;
        }
        assertArrayEquals(out, r.arrays().get("out").values());
        assertArrayEquals(hout, r.arrays().get("hout").values());
    }
}
