package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waferscope.engine.program.LanguageRunTest.assertPasses;
import static org.waferscope.engine.program.LanguageRunTest.run;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.csl.ProgramLoadException;

/**
 * Two constructs of the SDK's fft-1d-2d benchmark that only its f16 and 2-D builds use, found
 * by the independent check of session 6 (docs/sdk-examples-audit.md): {@code @fnegh}, and a
 * layout that counts its PEs with {@code for (@zeros([WIDTH]u8)) |_, px|}.
 */
class SdkFft2dConstructsTest {

    /** f16 negation, as the f16 FFT conjugates its twiddle factors; -0 and a subnormal included. */
    @Test
    void fneghNegatesHalfPrecisionElements() throws Exception {
        String layout = """
                const memcpy = @import_module("<memcpy/get_params>", .{ .width = 1, .height = 1 });
                layout {
                  @set_rectangle(1, 1);
                  @set_tile_code(0, 0, "pe.csl", .{ .memcpy_params = memcpy.get_params(0) });
                  @export_name("h", [*]f16, true);
                  @export_name("compute", fn()void);
                }
                """;
        String pe = """
                param memcpy_params: comptime_struct;
                const sys = @import_module("<memcpy/memcpy>", memcpy_params);
                var h = @zeros([6]f16);
                var h_ptr: [*]f16 = &h;
                const odd = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{3} -> h[2 * i + 1] });
                fn compute() void {
                  @fnegh(odd, odd);
                  sys.unblock_cmd_stream();
                }
                comptime {
                  @export_symbol(h_ptr, "h");
                  @export_symbol(compute);
                }
                """;
        String json = """
                { "arrays": { "in": { "type": "f16", "values": [1.5, -2.25, 0.0, 0.0, 3.0, 5.9604644775390625e-8] } },
                  "steps": [ { "copy_in": { "array": "in", "symbol": "h", "rect": { "width": 1, "height": 1 } } },
                    { "launch": "compute" },
                    { "copy_out": { "symbol": "h", "array": "out", "rect": { "width": 1, "height": 1 }, "per_pe": 6 } },
                    { "check": { "array": "out", "expected": [1.5, 2.25, 0.0, 0.0, 3.0, -5.9604644775390625e-8], "tolerance": 0 } } ] }
                """;
        assertPasses(run(Map.of("layout.csl", layout, "pe.csl", pe, "run.json", json), "wse2"));
    }

    /** The element and index of an array in a layout's for loop; {@code _} names nothing. */
    @Test
    void aLayoutLoopsOverAnArrayWithItsIndex() throws Exception {
        String layout = """
                const memcpy = @import_module("<memcpy/get_params>", .{ .width = 3, .height = 1 });
                const weights = [3]i16 { 7, 8, 9 };
                layout {
                  @set_rectangle(3, 1);
                  var px: i16 = 0;
                  for (@zeros([3]u8)) |_, i| {
                    px = i;
                    @set_tile_code(px, 0, "pe.csl", .{ .memcpy_params = memcpy.get_params(px), .k = px * 10 });
                  }
                  for (weights) |w| {
                    px = w - 7;
                    if (w == 9) { px = 2; }
                  }
                  @export_name("out", [*]i32, true);
                  @export_name("compute", fn()void);
                }
                """;
        String pe = """
                param memcpy_params: comptime_struct;
                param k: i16;
                const sys = @import_module("<memcpy/memcpy>", memcpy_params);
                var out = @zeros([1]i32);
                var out_ptr: [*]i32 = &out;
                fn compute() void {
                  out[0] = @as(i32, k) + 1;
                  sys.unblock_cmd_stream();
                }
                comptime {
                  @export_symbol(out_ptr, "out");
                  @export_symbol(compute);
                }
                """;
        String json = """
                { "steps": [ { "launch": "compute" },
                    { "copy_out": { "symbol": "out", "array": "out", "rect": { "width": 3, "height": 1 }, "per_pe": 1 } },
                    { "check": { "array": "out", "expected": [1, 11, 21], "tolerance": 0 } } ] }
                """;
        assertPasses(run(Map.of("layout.csl", layout, "pe.csl", pe, "run.json", json), "wse2"));
    }

    /** A for loop over something that is neither @range nor an array still says what it takes. */
    @Test
    void aLoopOverANumberIsRefusedWithItsPosition() throws Exception {
        String layout = LanguageRunTest.ONE_PE_LAYOUT.replace("@set_rectangle(1, 1);",
                "@set_rectangle(1, 1);\n  for (5) |i| { }");
        ProgramLoadException e = assertThrows(ProgramLoadException.class, () -> run(
                Map.of("layout.csl", layout, "pe.csl", LanguageRunTest.SCALARS, "run.json", "{ \"steps\": [] }"), "wse2"));
        assertTrue(String.valueOf(e.diagnostics()).contains("layout.csl:4:8: error: for loops run over @range(T, n), "
                + "@range(T, start, stop, step) or a 1-D array"), String.valueOf(e.diagnostics()));
    }
}
