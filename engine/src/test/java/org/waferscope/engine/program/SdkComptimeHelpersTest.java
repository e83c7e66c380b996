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
 * Helper functions that only the compiler runs, as the SDK's benchmarks write them: a function
 * returning an array it fills element by element, one taking an array by value, one taking a
 * direction; a module function whose body would not compile for the PE but is only called at
 * compile time; known integers converting between i16 and u16; {@code &} of a const array given
 * to a module; {@code <directions>}. Checked against the same values worked out in Java.
 */
class SdkComptimeHelpersTest {
    static final String LAYOUT = """
            param W: u16;
            param steps: i16;
            const memcpy = @import_module("<memcpy/get_params>", .{ .width = W, .height = 1 });
            layout {
              @set_rectangle(W, 1);
              for (@range(u16, W)) |x| {
                @set_tile_code(x, 0, "pe.csl", .{ .memcpy_params = memcpy.get_params(x), .size = W, .steps = steps });
              }
              @export_name("out", [*]f32, true);
              @export_name("compute", fn()void);
            }
            """;

    static final String HELP = """
            param len: u16;

            // Run by the compiler only: on the PE its u16 sum would not fit the i16 it returns.
            fn parts(n: u16) i16 {
              return 1 + n / 4;
            }

            fn ramp(step: u16) [len]f32 {
              var r = @zeros([len]f32);
              var i: u16 = 0;
              while (i < len) : (i += 1) {
                r[i] = @as(f32, i * step);
                r[i] += 0.5;
              }
              return r;
            }

            fn total(v: [len]f32) f32 {
              var s: f32 = 0.0;
              for (@range(u16, len)) |i| {
                s += v[i];
              }
              return s;
            }

            fn port_code(d: direction) u16 {
              if (d == WEST) {
                return 7;
              }
              return 1;
            }
            """;

    static final String SCALE = """
            param weights: *const [4]f32;

            fn weighted(x: u16) f32 {
              var s: f32 = 0.0;
              for (@range(u16, 4)) |i| {
                s += (weights.*)[i] * @as(f32, x + i);
              }
              return s;
            }
            """;

    static final String PE = """
            param memcpy_params: comptime_struct;
            param size: u16;
            param steps: i16;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);
            const coords = @import_module("<layout>");
            const dirs = @import_module("<directions>");
            const help = @import_module("help.csl", .{ .len = 4 });

            const last: i16 = size - 1;
            const parts = help.parts(steps);
            const ramp = help.ramp(3);
            const scaler = @import_module("scale.csl", .{ .weights = &ramp });
            const code = help.port_code(dirs.flip(EAST));

            var out: [6]f32;
            var out_ptr: [*]f32 = &out;

            fn compute() void {
              const x = coords.get_x_coord();
              out[0] = @as(f32, last);
              out[1] = @as(f32, parts);
              out[2] = ramp[2];
              out[3] = scaler.weighted(x);
              out[4] = @as(f32, code);
              out[5] = help.total(help.ramp(2));
              sys.unblock_cmd_stream();
            }

            comptime {
              @export_symbol(out_ptr, "out");
              @export_symbol(compute);
            }
            """;

    static final String RUN = """
            { "params": { "W": 3, "steps": 10 },
              "steps": [
                { "launch": "compute" },
                { "copy_out": { "symbol": "out", "array": "out", "rect": { "width": "W", "height": 1 }, "per_pe": 6 } }
              ] }
            """;

    /** What the program computes on PE x, worked out directly. */
    static double[] reference(int width, int steps, int x) {
        double[] ramp3 = new double[4];
        double[] ramp2 = new double[4];
        for (int i = 0; i < 4; i++) {
            ramp3[i] = i * 3 + 0.5;
            ramp2[i] = i * 2 + 0.5;
        }
        double weighted = 0;
        double total = 0;
        for (int i = 0; i < 4; i++) {
            weighted += (float) (ramp3[i] * (x + i));
            total += ramp2[i];
        }
        int westCode = 7; // flip(EAST) is WEST
        return new double[] {width - 1, 1 + steps / 4, ramp3[2], weighted, westCode, total};
    }

    @Test
    void helpersRunAtCompileTimeAndTheirResultsReachThePe() throws Exception {
        RunResult r = LanguageRunTest.run(Map.of("layout.csl", LAYOUT, "pe.csl", PE, "help.csl", HELP,
                "scale.csl", SCALE, "run.json", RUN), "wse2");
        assertEquals(WaferStatus.HALTED, r.status(), () -> String.join("\n", r.report()));
        double[] expected = new double[18];
        for (int x = 0; x < 3; x++) {
            System.arraycopy(reference(3, 10, x), 0, expected, 6 * x, 6);
        }
        assertArrayEquals(expected, r.arrays().get("out").values());
    }

    @Test
    void aHelperCalledWithARunTimeValueSaysSo() {
        String pe = PE.replace("out[5] = help.total(help.ramp(2));", "out[5] = @as(f32, help.port_code(WEST) + x);")
                .replace("out[4] = @as(f32, code);", "out[4] = help.total(help.ramp(x));");
        ProgramLoadException e = org.junit.jupiter.api.Assertions.assertThrows(ProgramLoadException.class,
                () -> LanguageRunTest.run(Map.of("layout.csl", LAYOUT, "pe.csl", pe, "help.csl", HELP,
                        "scale.csl", SCALE, "run.json", RUN), "wse2"));
        String all = e.getMessage();
        assertTrue(all.contains("'x' is only known at run time"), all);
    }

    @Test
    void aKnownIntegerThatDoesNotFitIsRefused() {
        ProgramLoadException e = org.junit.jupiter.api.Assertions.assertThrows(ProgramLoadException.class,
                () -> LanguageRunTest.run(Map.of("layout.csl", LAYOUT, "pe.csl", PE, "help.csl", HELP,
                        "scale.csl", SCALE, "run.json", RUN.replace("\"steps\": 10", "\"steps\": -4")), "wse2"));
        assertTrue(e.getMessage().contains("value -4 does not fit in u16"), e.getMessage());
    }

    @Test
    void aFailedComptimeAssertSaysItsConditionAndTheValuesInIt() {
        String layout = LAYOUT.replace("layout {", "layout {\n  @comptime_assert(W >= 3 and steps + 1 > 0, \"a row of three\");");
        ProgramLoadException e = org.junit.jupiter.api.Assertions.assertThrows(ProgramLoadException.class,
                () -> LanguageRunTest.run(Map.of("layout.csl", layout, "pe.csl", PE, "help.csl", HELP,
                        "scale.csl", SCALE, "run.json", RUN.replace("\"W\": 3", "\"W\": 2")), "wse2"));
        assertTrue(e.getMessage().contains("@comptime_assert failed: a row of three "
                + "((W >= 3) and ((steps + 1) > 0), where W is 2, steps is 10)"), e.getMessage());
    }
}
