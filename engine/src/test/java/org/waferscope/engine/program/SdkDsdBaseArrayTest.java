package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.WaferStatus;

/**
 * {@code @set_dsd_base_addr(dsd, array)} with the array itself rather than {@code &array}, as the
 * SDK's allreduce library writes it: at run time (a DSD held in a variable) and at compile time.
 */
class SdkDsdBaseArrayTest {
    static final String PE = """
            param memcpy_params: comptime_struct;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);
            var src = [3]f32 { 1.0, 2.0, 3.0 };
            var other = [3]f32 { 10.0, 20.0, 30.0 };
            var out: [6]f32;
            var out_ptr: [*]f32 = &out;
            var from_dsd = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{3} -> src[i] });
            const to_dsd = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{3} -> out[i] });
            const to_second = @set_dsd_base_addr(to_dsd, out);

            fn compute() void {
              @fmovs(to_second, from_dsd);
              from_dsd = @set_dsd_base_addr(from_dsd, other);
              @fmovs(@increment_dsd_offset(to_dsd, 3, f32), from_dsd);
              sys.unblock_cmd_stream();
            }
            """ + SdkEnumRunTest.EXPORTS;

    @Test
    void anArrayNamedAsTheBaseIsItsAddress() throws Exception {
        RunResult r = LanguageRunTest.run(Map.of("layout.csl", SdkEnumRunTest.LAYOUT,
                "pe.csl", PE, "run.json", SdkEnumRunTest.run(2, 6)), "wse2");
        assertEquals(WaferStatus.HALTED, r.status(), () -> String.join("\n", r.report()));
        double[] once = {1, 2, 3, 10, 20, 30};
        double[] expected = new double[12];
        System.arraycopy(once, 0, expected, 0, 6);
        System.arraycopy(once, 0, expected, 6, 6);
        assertArrayEquals(expected, r.arrays().get("out").values());
    }
}
