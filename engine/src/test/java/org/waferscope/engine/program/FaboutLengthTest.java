package org.waferscope.engine.program;

import static org.waferscope.engine.program.LanguageRunTest.assertPasses;
import static org.waferscope.engine.program.LanguageRunTest.run;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A move from memory to a fabout DSD sends as many wavelets as the memory DSD holds, whatever
 * the fabout DSD's extent, as the SDK examples that send a buffer through an extent-1 fabout
 * DSD rely on.
 */
class FaboutLengthTest {
    static final String PE = """
            param memcpy_params: comptime_struct;
            const sys_mod = @import_module("<memcpy/memcpy>", memcpy_params);
            const out_q = @get_output_queue(3);
            const one_wide = @get_dsd(fabout_dsd, .{ .extent = 1, .fabric_color = sys_mod.MEMCPYD2H_1,
                                                      .output_queue = out_q });
            var buf = [5]f32 { 2.0, 3.0, 5.0, 7.0, 11.0 };
            const whole = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{5} -> buf[i] });

            fn compute() void {
              @fmovs(one_wide, whole);
              sys_mod.unblock_cmd_stream();
            }

            comptime {
              if (@is_arch("wse3")) {
                @initialize_queue(out_q, .{ .color = sys_mod.MEMCPYD2H_1 });
              }
              @export_symbol(compute);
            }
            """;

    static final String RUN = """
            { "steps": [ { "launch": "compute" },
              { "stream_out": { "array": "got", "color": "MEMCPYD2H_DATA_1", "rect": { "width": 1, "height": 1 }, "per_pe": 5 } },
              { "check": { "array": "got", "expected": [2, 3, 5, 7, 11], "tolerance": 0 } } ] }
            """;

    @ParameterizedTest
    @ValueSource(strings = {"wse2", "wse3"})
    void aMemorySourceSetsTheLengthOfAMoveToFabout(String arch) throws Exception {
        String layout = SdkConstructsTest.LAYOUT.replace("@export_name(\"out\", [*]f32, true);\n", "");
        assertPasses(run(Map.of("layout.csl", layout, "pe.csl", PE, "run.json", RUN), arch));
    }
}
