package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.csl.ProgramLoadException;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.WaferStatus;

/**
 * {@code enum(T) { ... }} in a program of our own: an enum declared in a user module and used
 * through it, as a global's type and a function parameter's type, compared with {@code ==} and
 * {@code !=}, converted with {@code @as} and switched on; checked against values worked out in Java.
 */
class SdkEnumRunTest {
    /** The end of each PE program here: out and compute, exported for the host. */
    static final String EXPORTS = """
            comptime {
              @export_symbol(out_ptr, "out");
              @export_symbol(compute);
            }
            """;

    static final String LAYOUT = """
            param W: u16;
            const memcpy = @import_module("<memcpy/get_params>", .{ .width = W, .height = 1 });
            layout {
              @set_rectangle(W, 1);
              var x: u16 = 0;
              while (x < W) : (x += 1) {
                @set_tile_code(x, 0, "pe.csl", .{ .memcpy_params = memcpy.get_params(x) });
              }
              @export_name("out", [*]f32, true);
              @export_name("compute", fn()void);
            }
            """;

    /** A module of our own: the enum lives here and the PE program reaches it as ops.Combine. */
    static final String OPS = """
            const Combine = enum(u16) { SUM, LARGER };
            fn apply(a: f32, b: f32, how: Combine) f32 {
              if (how == Combine.SUM) {
                return a + b;
              }
              if (a > b) {
                return a;
              }
              return b;
            }
            """;

    static final String PE = """
            param memcpy_params: comptime_struct;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);
            const coords = @import_module("<layout>");
            const ops = @import_module("ops.csl");
            const Phase = enum(u8) { IDLE = 3, WARM, HOT = 9, };
            var how: ops.Combine = ops.Combine.LARGER;
            var out: [5]f32;
            var out_ptr: [*]f32 = &out;

            fn weight(x: u16) f32 {
              var w: f32 = 0.0;
              switch (@as(Phase, x + 3)) {
                Phase.IDLE => { w = 1.0; },
                Phase.WARM => { w = 2.0; },
                else => { w = 5.0; },
              }
              return w;
            }

            fn compute() void {
              const x = coords.get_x_coord();
              out[0] = ops.apply(@as(f32, x), 1.5, how);
              how = ops.Combine.SUM;
              out[1] = ops.apply(@as(f32, x), 1.5, how);
              out[2] = weight(x);
              out[3] = @as(f32, @as(u8, Phase.HOT) + @as(u16, ops.Combine.LARGER));
              if (how != ops.Combine.LARGER) {
                out[4] = 7.0;
              }
              sys.unblock_cmd_stream();
            }
            """ + EXPORTS;

    static final String RUN = run(3, 5);

    /** Host steps: launch compute on a row of {@code width} PEs, then read {@code perPe} values of out from each. */
    static String run(int width, int perPe) {
        return """
                { "params": { "W": %d },
                  "steps": [
                    { "launch": "compute" },
                    { "copy_out": { "symbol": "out", "array": "out", "rect": { "width": "W", "height": 1 }, "per_pe": %d } }
                  ] }
                """.formatted(width, perPe);
    }

    @Test
    void enumMembersCompareSwitchAndPassAsWorkedOutHere() throws Exception {
        RunResult r = LanguageRunTest.run(Map.of("layout.csl", LAYOUT, "pe.csl", PE, "ops.csl", OPS, "run.json", RUN),
                "wse2");
        assertEquals(WaferStatus.HALTED, r.status(), () -> String.join("\n", r.report()));
        double[] expected = new double[15];
        double[] weights = {1.0, 2.0, 5.0}; // IDLE = 3, WARM = 4 (one past IDLE), then 5 is no member
        for (int x = 0; x < 3; x++) {
            expected[5 * x] = Math.max(x, 1.5);
            expected[5 * x + 1] = x + 1.5;
            expected[5 * x + 2] = weights[x];
            expected[5 * x + 3] = 9 + 1;
            expected[5 * x + 4] = 7.0;
        }
        assertArrayEquals(expected, r.arrays().get("out").values());
    }

    /** The example of docs/csl-subset.md's enum section, with a compute function around it. */
    static final String DOC_PE = """
            param memcpy_params: comptime_struct;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);
            const Level = enum(u8) { LOW, MID, HIGH = 10 };
            var level: Level = Level.MID;

            fn gain(l: Level) f32 {
              var g: f32 = 1.0;
              switch (l) {
                Level.LOW => { g = 0.5; },
                Level.HIGH => { g = 4.0; },
                else => { },
              }
              return g;
            }

            fn raw_code() u8 {
              return @as(u8, level);
            }

            var out: [5]f32;
            var out_ptr: [*]f32 = &out;
            fn compute() void {
              out[0] = gain(level);
              out[1] = gain(Level.LOW);
              out[2] = gain(Level.HIGH);
              out[3] = @as(f32, raw_code());
              out[4] = @as(f32, Level.HIGH);
              sys.unblock_cmd_stream();
            }
            """ + EXPORTS;

    @Test
    void theDocumentedExampleRunsAsItsCommentsSay() throws Exception {
        RunResult r = LanguageRunTest.run(Map.of("layout.csl", LAYOUT, "pe.csl", DOC_PE, "run.json",
                run(1, 5)), "wse2");
        assertEquals(WaferStatus.HALTED, r.status(), () -> String.join("\n", r.report()));
        assertArrayEquals(new double[] {1.0, 0.5, 4.0, 1, 10}, r.arrays().get("out").values());
    }

    @Test
    void anUnknownMemberIsAPositionedError() {
        ProgramLoadException e = assertThrows(ProgramLoadException.class,
                () -> ProgramLoader.load(new MemorySource("t", Map.of("layout.csl", LAYOUT,
                        "pe.csl", PE.replace("Phase.WARM =>", "Phase.COLD =>"), "ops.csl", OPS, "run.json", RUN)),
                        ProgramLoader.LoadOptions.DEFAULTS));
        assertTrue(e.getMessage().contains("pe.csl:14:") && e.getMessage().contains("no member .COLD"), e.getMessage());
    }

    @Test
    void aMemberMustFitTheTagType() {
        ProgramLoadException e = assertThrows(ProgramLoadException.class,
                () -> ProgramLoader.load(new MemorySource("t", Map.of("layout.csl", LAYOUT,
                        "pe.csl", PE.replace("HOT = 9", "HOT = 300"), "ops.csl", OPS, "run.json", RUN)),
                        ProgramLoader.LoadOptions.DEFAULTS));
        assertTrue(e.getMessage().contains("HOT") && e.getMessage().contains("300"), e.getMessage());
    }
}
