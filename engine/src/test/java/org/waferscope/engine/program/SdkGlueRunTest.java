package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.csl.ProgramLoadException;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.WaferStatus;

/**
 * The small constructs the collectives examples lean on, in a program of our own: a comptime
 * block in a layout, {@code switch}, {@code @get_rectangle()} and {@code @ptrcast}, checked
 * against values worked out here in Java.
 */
class SdkGlueRunTest {
    static final String LAYOUT = """
            param W: u16;
            comptime {
              @comptime_assert(W > 1, "a row of at least two PEs");
            }
            const memcpy = @import_module("<memcpy/get_params>", .{ .width = W, .height = 1 });
            layout {
              @set_rectangle(W, 1);
              var x: u16 = 0;
              while (x < W) : (x += 1) {
                @set_tile_code(x, 0, "pe.csl", .{ .memcpy_params = memcpy.get_params(x) });
              }
              @export_name("out", [*]u32, true);
              @export_name("compute", fn()void);
            }
            """;

    static final String PE = """
            param memcpy_params: comptime_struct;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);
            const coords = @import_module("<layout>");
            const width = @get_rectangle().width;
            var out: [4]u32;
            var out_ptr: [*]u32 = &out;
            var halves: [2]f32 = [2]f32 { 0.5, 2.0 };
            var first_bits: [*]u32 = @ptrcast([*]u32, &halves);

            fn kind(x: u16) u32 {
              var k: u32 = 0;
              switch (x) {
                0 => { k = 10; },
                1, 2 => { k = 20; },
                else => { k = 30; },
              }
              return k;
            }

            fn compute() void {
              out[0] = kind(coords.get_x_coord());
              out[1] = @as(u32, width);
              var bits: [*]u32 = @ptrcast([*]u32, &halves);
              out[2] = bits[1];
              out[3] = first_bits[0];
              sys.unblock_cmd_stream();
            }

            comptime {
              @export_symbol(out_ptr, "out");
              @export_symbol(compute);
            }
            """;

    static final String RUN = """
            { "params": { "W": 4 },
              "steps": [
                { "launch": "compute" },
                { "copy_out": { "symbol": "out", "array": "out", "rect": { "width": "W", "height": 1 }, "per_pe": 4 } }
              ] }
            """;

    @Test
    void switchRectangleAndPointerCastRunAsWorkedOutHere() throws Exception {
        RunResult r = LanguageRunTest.run(Map.of("layout.csl", LAYOUT, "pe.csl", PE, "run.json", RUN), "wse2");
        assertEquals(WaferStatus.HALTED, r.status(), () -> String.join("\n", r.report()));
        double twoBits = Float.floatToIntBits(2.0f);
        double[] expected = new double[16];
        int[] kinds = {10, 20, 20, 30};
        for (int x = 0; x < 4; x++) {
            expected[4 * x] = kinds[x];
            expected[4 * x + 1] = 4;
            expected[4 * x + 2] = twoBits;
            expected[4 * x + 3] = Float.floatToIntBits(0.5f);
        }
        assertArrayEquals(expected, r.arrays().get("out").values());
    }

    @Test
    void aLayoutsComptimeBlockChecksItsParams() {
        ProgramLoadException e = org.junit.jupiter.api.Assertions.assertThrows(ProgramLoadException.class,
                () -> ProgramLoader.load(new MemorySource("t", Map.of("layout.csl", LAYOUT, "pe.csl", PE,
                        "run.json", RUN.replace("\"W\": 4", "\"W\": 1"))), ProgramLoader.LoadOptions.DEFAULTS));
        assertTrue(e.getMessage().contains("a row of at least two PEs"), e.getMessage());
    }
}
