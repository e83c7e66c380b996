package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waferscope.engine.program.LanguageRunTest.assertPasses;
import static org.waferscope.engine.program.LanguageRunTest.run;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.csl.ProgramLoadException;

/**
 * Compile-time details of the SDK benchmarks' declarations: {@code align(n)} on globals and
 * {@code <time>}'s {@code tsc_size_words}. Arrays of colors and task ids ({@code [2]color{...}}, {@code param ids: [3]local_task_id}),
 * as the SDK benchmarks hand them to their modules: built in the layout, passed as params,
 * indexed at compile time.
 */
class ComptimeArraysTest {
    static final String LAYOUT = """
            const memcpy = @import_module("<memcpy/get_params>", .{ .width = 1, .height = 1,
                .MEMCPYH2D_1 = @get_color(2), .MEMCPYD2H_1 = @get_color(3) });
            const spare = [2]color{ @get_color(6), @get_color(7) };
            const steps = [3]local_task_id{ @get_local_task_id(10), @get_local_task_id(11), @get_local_task_id(12) };
            layout {
              @set_rectangle(1, 1);
              @set_tile_code(0, 0, "pe.csl", .{ .memcpy_params = memcpy.get_params(0), .colors = spare,
                                              .ids = steps });
              @export_name("out", [*]f32, true);
              @export_name("compute", fn()void);
            }
            """;

    /** Three tasks chained through the ids the layout gave, in reverse order of binding. */
    static final String PE = """
            param memcpy_params: comptime_struct;
            param colors: [2]color;
            param ids: [3]local_task_id;
            const sys_mod = @import_module("<memcpy/memcpy>", memcpy_params);
            const order = [3]local_task_id{ ids[2], ids[1], ids[0] };
            var out = @zeros([4]f32);
            var out_ptr: [*]f32 = &out;

            task first() void { out[0] = 1.0; @activate(order[1]); }
            task second() void { out[1] = out[0] + 1.0; @activate(order[2]); }
            task third() void {
              out[2] = out[1] + 1.0;
              out[3] = @as(f32, colors.len + order.len);
              sys_mod.unblock_cmd_stream();
            }

            fn compute() void {
              @activate(order[0]);
            }

            comptime {
              @bind_local_task(first, order[0]);
              @bind_local_task(second, order[1]);
              @bind_local_task(third, order[2]);
              @export_symbol(out_ptr, "out");
              @export_symbol(compute);
            }
            """;

    static final String RUN = """
            { "steps": [ { "launch": "compute" },
              { "copy_out": { "symbol": "out", "array": "out", "rect": { "width": 1, "height": 1 }, "per_pe": 4 } },
              { "check": { "array": "out", "expected": [1, 2, 3, 5], "tolerance": 0 } } ] }
            """;

    @Test
    void arraysOfColorsAndTaskIdsArePassedAndIndexedAtCompileTime() throws Exception {
        assertPasses(run(Map.of("layout.csl", LAYOUT, "pe.csl", PE, "run.json", RUN), "wse2"));
    }

    @Test
    void anIndexPastTheEndIsAPositionedError() {
        String pe = PE.replace("@activate(order[0]);", "@activate(order[3]);");
        ProgramLoadException e = assertThrows(ProgramLoadException.class, () -> run(Map.of("layout.csl", LAYOUT,
                "pe.csl", pe, "run.json", RUN), "wse2"));
        assertTrue(e.getMessage().contains("pe.csl:18:18: error: index must be in 0..2, not 3"), e.getMessage());
    }

    @Test
    void anArrayOfColorsHasNoPlaceInMemory() {
        String pe = PE.replace("const order =", "var order =");
        ProgramLoadException e = assertThrows(ProgramLoadException.class, () -> run(Map.of("layout.csl", LAYOUT,
                "pe.csl", pe, "run.json", RUN), "wse2"));
        assertTrue(e.getMessage().contains("pe.csl:5:5: error: 'order' is an array of colors, task ids or queues"), e.getMessage());
    }

    @Test
    void alignPlacesAGlobalOnAMultipleOfItsBytes() throws Exception {
        String pe = PE.replace("var out = @zeros([4]f32);", """
                var flag: i16 = 1;
                var padded: [3]f32 align(64) = @zeros([3]f32);
                var stamp = @zeros([timer.tsc_size_words]u16);
                const timer = @import_module("<time>");
                var out = @zeros([4]f32);""");
        WaferProgram p = ProgramLoader.load(new MemorySource("test", Map.of("layout.csl", LAYOUT, "pe.csl", pe,
                "run.json", RUN)), ProgramLoader.LoadOptions.DEFAULTS);
        java.util.List<org.waferscope.engine.ir.Symbol> symbols = p.layout().programs().get(0).symbols();
        int padded = symbols.stream().filter(s -> s.name().equals("padded")).findFirst().orElseThrow().address();
        int stamp = symbols.stream().filter(s -> s.name().equals("stamp")).findFirst().orElseThrow().length();
        assertTrue(padded > 0 && padded % 64 == 0, "padded at " + padded);
        assertTrue(stamp == 3, "stamp holds " + stamp);
        assertPasses(run(Map.of("layout.csl", LAYOUT, "pe.csl", pe, "run.json", RUN), "wse2"));
    }

    @Test
    void anAlignmentIsAPowerOfTwo() {
        String pe = PE.replace("var out = @zeros([4]f32);", "var out: [4]f32 align(12) = @zeros([4]f32);");
        ProgramLoadException e = assertThrows(ProgramLoadException.class, () -> run(Map.of("layout.csl", LAYOUT,
                "pe.csl", pe, "run.json", RUN), "wse2"));
        assertTrue(e.getMessage().contains("an alignment is a power of two, not 12"), e.getMessage());
    }
}
