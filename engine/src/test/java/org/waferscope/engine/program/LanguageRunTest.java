package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.waferscope.engine.api.ConsoleLine;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.Wafer;
import org.waferscope.engine.sim.WaferStatus;

/** Programs that exercise the language end to end on the engine, checked by their own run.json. */
class LanguageRunTest {
    static RunResult run(Map<String, String> files, String arch) throws Exception {
        WaferProgram p = ProgramLoader.load(new MemorySource("test", files),
                ProgramLoader.LoadOptions.DEFAULTS.withArch(ArchProfile.byName(arch)));
        try (Wafer w = Wafer.load(p, 1)) {
            return w.runToCompletion(1_000_000);
        }
    }

    static void assertPasses(RunResult r) {
        assertEquals(WaferStatus.HALTED, r.status(), () -> String.join("\n", r.report()));
        assertTrue(r.checks().size() > 0);
        r.checks().forEach(c -> assertTrue(c.pass(), c.describe()));
    }

    static final String ONE_PE_LAYOUT = """
            const memcpy = @import_module("<memcpy/get_params>", .{ .width = 1, .height = 1 });
            layout {
              @set_rectangle(1, 1);
              @set_tile_code(0, 0, "pe.csl", .{ .memcpy_params = memcpy.get_params(0) });
              @export_name("out", [*]i32, true);
              @export_name("fout", [*]f32, true);
              @export_name("compute", fn()void);
            }
            """;

    static final String SCALARS = """
            param memcpy_params: comptime_struct;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);
            const print = @import_module("<simprint>");
            const time = @import_module("<time>");
            var out: [8]i32;
            var grid: [2, 3]f32 = @zeros([2, 3]f32);
            var out_ptr: [*]i32 = &out;
            var fout: [4]f32;
            var fout_ptr: [*]f32 = &fout;
            var stamp: [3]u16;

            fn square(v: i32) i32 { return v * v; }

            fn sum_to(n: u16) u32 {
              var total: u32 = 0;
              var i: u16 = 0;
              while (i <= n) : (i += 1) {
                if (i == 3) { continue; }
                total += @as(u32, i);
              }
              return total;
            }

            fn compute() void {
              time.enable_tsc();
              out[0] = square(7);
              out[1] = @as(i32, sum_to(5));
              var acc: i32 = 0;
              for (@range(i32, 10)) |k| {
                if (k == 6) { break; }
                acc += k;
              }
              out[2] = acc;
              var local: [4]i16;
              for (@range(u16, 4)) |k| { local[k] = @as(i16, k) - 2; }
              out[3] = @as(i32, local[0] + local[3]);
              grid[1, 2] = 2.5;
              out[4] = @as(i32, grid[1, 2] * 4.0);
              out[5] = if (acc > 10 and !(acc > 20)) 100 else 200;
              const bits: u32 = @bitcast(u32, @as(f32, 1.0));
              out[6] = @bitcast(i32, bits >> 23);
              var p: [*]i32 = &out;
              p[7] = out[0] + 1;
              fout[0] = @as(f32, out[1]) / 4.0;
              const h: f16 = 1.5;
              fout[1] = @as(f32, h * 2.0);
              fout[2] = -fout[1];
              fout[3] = @as(f32, @as(f16, 0.1));
              time.get_timestamp(&stamp);
              print.fmt_no_nl("acc={d} x={f}\\n", .{ acc, fout[0] });
              sys.unblock_cmd_stream();
            }

            comptime {
              @export_symbol(out_ptr, "out");
              @export_symbol(fout_ptr, "fout");
              @export_symbol(compute);
            }
            """;

    static final String SCALARS_RUN = """
            { "steps": [
                { "launch": "compute" },
                { "copy_out": { "symbol": "out", "array": "out", "type": "i32",
                                "rect": { "width": 1, "height": 1 }, "per_pe": 8 } },
                { "copy_out": { "symbol": "fout", "array": "fout", "rect": { "width": 1, "height": 1 }, "per_pe": 4 } },
                { "check": { "array": "out", "expected": [49, 12, 15, -1, 10, 100, 127, 50], "tolerance": 0 } },
                { "check": { "array": "fout", "expected": [3, 3, -3, 0.0999755859375], "tolerance": 0 } }
            ] }
            """;

    @ParameterizedTest
    @ValueSource(strings = {"wse2", "wse3"})
    void scalarsLoopsFunctionsAndPointers(String arch) throws Exception {
        RunResult r = run(Map.of("layout.csl", ONE_PE_LAYOUT, "pe.csl", SCALARS, "run.json", SCALARS_RUN), arch);
        assertPasses(r);
        assertTrue(r.console().stream().anyMatch(l -> l.kind() == ConsoleLine.Kind.PRINT && l.text().contains("acc=15 x=3.0")),
                () -> r.console().toString());
    }

    static final String CHAIN_LAYOUT = """
            const memcpy = @import_module("<memcpy/get_params>", .{ .width = 2, .height = 1 });
            const c: color = @get_color(3);
            layout {
              @set_rectangle(2, 1);
              @set_tile_code(0, 0, "first.csl", .{ .memcpy_params = memcpy.get_params(0), .c = c });
              @set_tile_code(1, 0, "second.csl", .{ .memcpy_params = memcpy.get_params(1), .c = c });
              @set_color_config(0, 0, c, .{ .routes = .{ .rx = .{ RAMP }, .tx = .{ EAST } } });
              @set_color_config(1, 0, c, .{ .routes = .{ .rx = .{ WEST }, .tx = .{ RAMP } } });
              @export_name("start", fn()void);
            }
            """;

    static final String FIRST = """
            param memcpy_params: comptime_struct;
            param c: color;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);
            const in_q = @get_input_queue(1);
            const out_q = @get_output_queue(1);
            const recv_id: data_task_id = if (@is_arch("wse3")) @get_data_task_id(in_q)
                                          else @get_data_task_id(sys.MEMCPYH2D_DATA_1);
            const out_dsd = @get_dsd(fabout_dsd, .{ .fabric_color = c, .extent = 1, .output_queue = out_q });

            task recv(v: f32) void {
              @fmovs(out_dsd, v + 1.0);
            }

            fn start() void { sys.unblock_cmd_stream(); }

            comptime {
              @bind_data_task(recv, recv_id);
              if (@is_arch("wse3")) {
                @initialize_queue(in_q, .{ .color = sys.MEMCPYH2D_DATA_1 });
                @initialize_queue(out_q, .{ .color = c });
              }
              @export_symbol(start);
            }
            """;

    static final String SECOND = """
            param memcpy_params: comptime_struct;
            param c: color;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);
            const in_q = @get_input_queue(2);
            const out_q = @get_output_queue(2);
            const fwd_id: data_task_id = if (@is_arch("wse3")) @get_data_task_id(in_q) else @get_data_task_id(c);
            const to_host = @get_dsd(fabout_dsd, .{ .fabric_color = sys.MEMCPYD2H_DATA_1, .extent = 1, .output_queue = out_q });
            var seen: u16 = 0;

            task fwd(v: f32) void {
              seen += 1;
              @fmovs(to_host, v * 2.0);
            }

            fn start() void { sys.unblock_cmd_stream(); }

            comptime {
              @bind_data_task(fwd, fwd_id);
              if (@is_arch("wse3")) {
                @initialize_queue(in_q, .{ .color = c });
                @initialize_queue(out_q, .{ .color = sys.MEMCPYD2H_DATA_1 });
              }
              @export_symbol(start);
            }
            """;

    static final String CHAIN_RUN = """
            { "arrays": { "x": { "shape": [6], "arange": { "start": 1 } } },
              "steps": [
                { "launch": "start" },
                { "stream_in": { "array": "x", "color": "MEMCPYH2D_DATA_1", "rect": { "width": 1, "height": 1 } } },
                { "stream_out": { "array": "y", "color": "MEMCPYD2H_DATA_1", "rect": { "x": 1, "width": 1, "height": 1 },
                                  "per_pe": 6 } },
                { "check": { "array": "y", "expected": "(x + 1) * 2" } }
            ] }
            """;

    @ParameterizedTest
    @ValueSource(strings = {"wse2", "wse3"})
    void dataTasksStreamThroughAChain(String arch) throws Exception {
        assertPasses(run(Map.of("layout.csl", CHAIN_LAYOUT, "first.csl", FIRST, "second.csl", SECOND,
                "run.json", CHAIN_RUN), arch));
    }

    static final String FIFO = """
            param memcpy_params: comptime_struct;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);
            var out: [8]i32;
            var out_ptr: [*]i32 = &out;
            var fout: [16]f32;
            var fout_ptr: [*]f32 = &fout;
            var src: [16]f32;
            var ring: [4]f32;
            const fifo = @allocate_fifo(ring);
            const src_dsd = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{16} -> src[i] });
            const dst_dsd = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{16} -> fout[i] });
            const done_id: local_task_id = @get_local_task_id(9);

            fn compute() void {
              for (@range(u16, 16)) |i| { src[i] = @as(f32, i) * 0.5; }
              @fmovs(fifo, src_dsd, .{ .async = true });
              @fmovs(dst_dsd, fifo, .{ .async = true, .activate = done_id });
            }

            task done() void { sys.unblock_cmd_stream(); }

            comptime {
              @bind_local_task(done, done_id);
              @export_symbol(out_ptr, "out");
              @export_symbol(fout_ptr, "fout");
              @export_symbol(compute);
            }
            """;

    @ParameterizedTest
    @ValueSource(strings = {"wse2", "wse3"})
    void fifoDecouplesTwoAsyncMoves(String arch) throws Exception {
        String run = """
                { "arrays": { "k": { "shape": [16], "arange": { "start": 0, "step": 0.5 } } },
                  "steps": [
                    { "launch": "compute" },
                    { "copy_out": { "symbol": "fout", "array": "f", "rect": { "width": 1, "height": 1 }, "per_pe": 16 } },
                    { "check": { "array": "f", "expected": "k", "tolerance": 0 } } ] }
                """;
        assertPasses(run(Map.of("layout.csl", ONE_PE_LAYOUT, "pe.csl", FIFO, "run.json", run), arch));
    }

    static final String BLOCKED_AT_START = """
            param memcpy_params: comptime_struct;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);
            var out: [8]i32;
            var out_ptr: [*]i32 = &out;
            const later_id: local_task_id = @get_local_task_id(4);

            fn compute() void {
              @activate(later_id);    // activated, but blocked since load: it waits
              out[0] = 1;
              sys.unblock_cmd_stream();
            }

            fn go() void { @unblock(later_id); }

            task later() void {
              out[1] = out[0] + 1;
              sys.unblock_cmd_stream();
            }

            comptime {
              @bind_local_task(later, later_id);
              @block(later_id);
              @export_symbol(out_ptr, "out");
              @export_symbol(compute);
              @export_symbol(go);
            }
            """;

    @ParameterizedTest
    @ValueSource(strings = {"wse2", "wse3"})
    void aTaskBlockedInAComptimeBlockWaitsUntilUnblocked(String arch) throws Exception {
        String layout = ONE_PE_LAYOUT.replace("@export_name(\"compute\", fn()void);",
                "@export_name(\"compute\", fn()void);\n  @export_name(\"go\", fn()void);");
        String run = """
                { "steps": [
                    { "launch": "compute" },
                    { "copy_out": { "symbol": "out", "array": "before", "type": "i32",
                                    "rect": { "width": 1, "height": 1 }, "per_pe": 2 } },
                    { "check": { "array": "before", "expected": [1, 0], "tolerance": 0 } },
                    { "launch": "go" },
                    { "copy_out": { "symbol": "out", "array": "after", "type": "i32",
                                    "rect": { "width": 1, "height": 1 }, "per_pe": 2 } },
                    { "check": { "array": "after", "expected": [1, 2], "tolerance": 0 } } ] }
                """;
        assertPasses(run(Map.of("layout.csl", layout, "pe.csl", BLOCKED_AT_START, "run.json", run), arch));
    }
}
