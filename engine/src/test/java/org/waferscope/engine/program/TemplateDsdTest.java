package org.waferscope.engine.program;

import static org.waferscope.engine.program.LanguageRunTest.assertPasses;
import static org.waferscope.engine.program.LanguageRunTest.run;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SDK libraries' "dummy DSD": a DSD over a one-element i16 array, walked past its end,
 * used only as a template that a function rebases onto the f32 array a pointer param names
 * ({@code &data} for {@code *[N]f32}); the stride then counts f32 elements.
 */
class TemplateDsdTest {
    static final String LAYOUT = LanguageRunTest.ONE_PE_LAYOUT;

    static final String VEC = """
            param size: i16;
            const dummy = @zeros([1]i16);
            const dummy_dsd = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{42} -> dummy[i] });
            fn scale(n: i16, v: *[size]f32, k: f32) void {
              var d = @set_dsd_base_addr(dummy_dsd, v);
              d = @set_dsd_length(d, @bitcast(u16, n));
              @fmuls(d, d, k);
            }
            """;

    static final String PE = """
            param memcpy_params: comptime_struct;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);
            const vec = @import_module("vec.csl", .{ .size = 6 });
            var data = [6]f32 { 1.0, 2.0, 3.0, 4.0, 5.0, 6.0 };
            var data_ptr: [*]f32 = &data;
            fn compute() void {
              vec.scale(4, &data, 3.0);
              sys.unblock_cmd_stream();
            }
            comptime {
              @export_symbol(data_ptr, "fout");
              @export_symbol(compute);
            }
            """;

    static final String RUN = """
            { "steps": [ { "launch": "compute" },
              { "copy_out": { "symbol": "fout", "array": "out", "rect": { "width": 1, "height": 1 }, "per_pe": 6 } },
              { "check": { "array": "out", "expected": [3, 6, 9, 12, 5, 6], "tolerance": 0 } } ] }
            """;

    @Test
    void aTemplateRebasedOntoF32StridesByF32() throws Exception {
        assertPasses(run(Map.of("layout.csl", LAYOUT, "pe.csl", PE, "vec.csl", VEC, "run.json", RUN), "wse2"));
    }

    /** A module given a pointer to the importer's array walks that array with its own DSD. */
    @Test
    void aModulesDsdWalksTheArrayItsPointerParamNames() throws Exception {
        String walk = """
                param v: *[6]f32;
                const all = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{3} -> v[i + 1] });
                fn negate() void { @fnegs(all, all); }
                """;
        String pe = PE.replace("const vec = @import_module(\"vec.csl\", .{ .size = 6 });",
                        "const walk = @import_module(\"walk.csl\", .{ .v = &data });")
                .replace("vec.scale(4, &data, 3.0);", "walk.negate();");
        String run = RUN.replace("[3, 6, 9, 12, 5, 6]", "[1, -2, -3, -4, 5, 6]");
        assertPasses(run(Map.of("layout.csl", LAYOUT, "pe.csl", pe, "walk.csl", walk, "run.json", run), "wse2"));
    }
}
