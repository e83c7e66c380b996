package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waferscope.engine.program.LanguageRunTest.assertPasses;
import static org.waferscope.engine.program.LanguageRunTest.run;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.waferscope.engine.csl.ProgramLoadException;

/**
 * Constructs the SDK's own examples use, each in a small program of our own whose result is
 * checked against values computed here in plain Java.
 */
class SdkConstructsTest {
    static final String LAYOUT = """
            const memcpy = @import_module("<memcpy/get_params>", .{ .width = 1, .height = 1,
                .MEMCPYH2D_1 = @get_color(2), .MEMCPYD2H_1 = @get_color(3) });
            layout {
              @set_rectangle(1, 1);
              @set_tile_code(0, 0, "pe.csl", .{ .memcpy_params = memcpy.get_params(0) });
              @export_name("out", [*]f32, true);
              @export_name("compute", fn()void);
            }
            """;

    /** Untyped array globals, const arrays under DSDs, run-time indices and pointers, if without else. */
    static final String ARRAYS = """
            param memcpy_params: comptime_struct;
            const sys_mod = @import_module("<memcpy/memcpy>", memcpy_params);
            const n = 6;
            var out = @zeros([n]f32);
            var out_ptr: [*]f32 = &out;
            const weights = @constants([n]f32, 1.5);
            const ramp = [n]f32 { 0.0, 1.0, 2.0, 3.0, 4.0, 5.0 };
            const out_dsd = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{n} -> out[i] });
            const w_dsd = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{n} -> weights[i] });
            const r_dsd = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{n} -> ramp[i] });
            const lanes: u16 = if (@is_arch("wse2")) 4 else if (@is_arch("wse3")) 8;

            fn compute() void {
              @fmuls(out_dsd, r_dsd, w_dsd);          // out[i] = 1.5 * i
              var k: u16 = 1;
              const p: [*]f32 = &ramp;
              out[k] = out[k] + ramp[k + 1] + p[k + 2];     // 1.5 + 2 + 3
              if (lanes == 4) out[0] = 10.0 else out[0] = 20.0;
              sys_mod.unblock_cmd_stream();
            }

            comptime {
              @export_symbol(out_ptr, "out");
              @export_symbol(compute);
            }
            """;

    static String expectedArrays(String arch) {
        double[] out = new double[6];
        for (int i = 0; i < 6; i++) {
            out[i] = 1.5 * i;
        }
        out[1] = out[1] + 2 + 3;
        out[0] = arch.equals("wse2") ? 10 : 20;
        return Arrays.stream(out).mapToObj(Double::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wse2", "wse3"})
    void arraysWithoutTypesAndConstArraysInMemory(String arch) throws Exception {
        String runJson = """
                { "steps": [ { "launch": "compute" },
                  { "copy_out": { "symbol": "out", "array": "out", "rect": { "width": 1, "height": 1 }, "per_pe": 6 } },
                  { "check": { "array": "out", "expected": %s, "tolerance": 0 } } ] }
                """.formatted(expectedArrays(arch));
        assertPasses(run(Map.of("layout.csl", LAYOUT, "pe.csl", ARRAYS, "run.json", runJson), arch));
    }

    @Test
    void aConstArrayCannotBeAssigned() {
        String pe = ARRAYS.replace("sys_mod.unblock_cmd_stream();", "ramp[k] = 1.0; sys_mod.unblock_cmd_stream();");
        ProgramLoadException e = assertThrows(ProgramLoadException.class, () -> run(Map.of("layout.csl", LAYOUT,
                "pe.csl", pe, "run.json", "{ \"steps\": [] }"), "wse2"));
        assertTrue(e.getMessage().contains("'ramp' is a const array; its elements cannot be assigned"), e.getMessage());
    }

    /** A task active from the start, and an async operation that names the task it activates. */
    static final String STARTUP = """
            param memcpy_params: comptime_struct;
            const sys_mod = @import_module("<memcpy/memcpy>", memcpy_params);
            var out = @zeros([4]f32);
            var out_ptr: [*]f32 = &out;
            const src = @constants([4]f32, 2.5);
            const out_dsd = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{4} -> out[i] });
            const src_dsd = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{4} -> src[i] });
            const boot_id: local_task_id = @get_local_task_id(9);
            const done_id: local_task_id = @get_local_task_id(10);
            var later = @zeros([1]f32);
            task boot() void { @fmovs(out_dsd, src_dsd, .{ .async = true, .activate = done }); }
            task done() void { later[0] = out[3] + 1.0; }
            fn compute() void { out[0] = later[0]; sys_mod.unblock_cmd_stream(); }
            comptime {
              @activate(boot_id);
              @bind_local_task(boot, boot_id);
              @bind_local_task(done, done_id);
              @export_symbol(out_ptr, "out");
              @export_symbol(compute);
            }
            """;

    @ParameterizedTest
    @ValueSource(strings = {"wse2", "wse3"})
    void aTaskActivatedAtStartAndATaskNamedByAnAsyncOperation(String arch) throws Exception {
        double[] expected = {2.5 + 1.0, 2.5, 2.5, 2.5};
        String runJson = """
                { "steps": [ { "launch": "compute" },
                  { "copy_out": { "symbol": "out", "array": "out", "rect": { "width": 1, "height": 1 }, "per_pe": 4 } },
                  { "check": { "array": "out", "expected": %s, "tolerance": 0 } } ] }
                """.formatted(Arrays.toString(expected));
        assertPasses(run(Map.of("layout.csl", LAYOUT, "pe.csl", STARTUP, "run.json", runJson), arch));
    }

    /** export var, params typed by their default, encode_control_task_payload folded at compile time. */
    static final String DECLS = """
            param memcpy_params: comptime_struct;
            param scale = 3;
            param nothing = {};
            const sys_mod = @import_module("<memcpy/memcpy>", memcpy_params);
            const ctrl = @import_module("<control>");
            export var counter: i16 = 7;
            var out = @zeros([2]f32);
            var out_ptr: [*]f32 = &out;
            const payload: u32 = ctrl.encode_control_task_payload(@get_control_task_id(12));
            const prt = @import_module("<simprint>");
            fn compute() void {
              prt.print_u16_decimal(@as(u16, counter));
              out[0] = @as(f32, counter * scale);
              out[1] = @as(f32, payload >> 16);
              sys_mod.unblock_cmd_stream();
            }
            comptime { @export_symbol(out_ptr, "out"); @export_symbol(compute); }
            """;

    @Test
    void exportVarAndParamsTypedByTheirDefault() throws Exception {
        double[] expected = {7 * 3, 12};   // the entry point sits in bits 16..21, the NOP opcode is 0
        String runJson = """
                { "steps": [ { "launch": "compute" },
                  { "copy_out": { "symbol": "out", "array": "out", "rect": { "width": 1, "height": 1 }, "per_pe": 2 } },
                  { "check": { "array": "out", "expected": %s, "tolerance": 0 } } ] }
                """.formatted(Arrays.toString(expected));
        org.waferscope.engine.sim.RunResult r = run(Map.of("layout.csl", LAYOUT, "pe.csl", DECLS, "run.json", runJson), "wse2");
        assertPasses(r);
        assertTrue(r.console().stream().anyMatch(l -> l.text().equals("7")), () -> r.console().toString());
    }

    /** A function given a pointer to a whole local array and one to an element of a global. */
    static final String POINTERS = """
            param memcpy_params: comptime_struct;
            const sys_mod = @import_module("<memcpy/memcpy>", memcpy_params);
            var out = @zeros([2]f32);
            var out_ptr: [*]f32 = &out;
            fn scale_and_sum(v: *[4]f32, total: *f32, k: f32) void {
              var i: u16 = 0;
              while (i < 4) : (i += 1) {
                (v.*)[i] *= k;
                total.* += (v.*)[i];
              }
            }
            fn compute() void {
              var vals = [4]f32 { 1.0, 2.0, 3.0, 4.5 };
              scale_and_sum(&vals, &out[1], 2.0);
              out[0] = vals[3];
              sys_mod.unblock_cmd_stream();
            }
            comptime { @export_symbol(out_ptr, "out"); @export_symbol(compute); }
            """;

    @Test
    void pointersToWholeArrays() throws Exception {
        double[] vals = {1.0, 2.0, 3.0, 4.5};
        double total = 0;
        for (int i = 0; i < 4; i++) {
            vals[i] *= 2.0;
            total += vals[i];
        }
        String runJson = """
                { "steps": [ { "launch": "compute" },
                  { "copy_out": { "symbol": "out", "array": "out", "rect": { "width": 1, "height": 1 }, "per_pe": 2 } },
                  { "check": { "array": "out", "expected": %s, "tolerance": 0 } } ] }
                """.formatted(Arrays.toString(new double[] {vals[3], total}));
        assertPasses(run(Map.of("layout.csl", LAYOUT, "pe.csl", POINTERS, "run.json", runJson), "wse2"));
    }

    /** The SDK's streaming names: sys_mod.MEMCPYH2D_1 in, sys_mod.MEMCPYD2H_1 out, each value squared. */
    static final String STREAM = """
            param memcpy_params: comptime_struct;
            const sys_mod = @import_module("<memcpy/memcpy>", memcpy_params);
            const in_q = @get_input_queue(2);
            const out_q = @get_output_queue(3);
            const recv_id: data_task_id =
              if (@is_arch("wse2")) @get_data_task_id(sys_mod.MEMCPYH2D_1)
              else if (@is_arch("wse3")) @get_data_task_id(in_q);
            const to_host = @get_dsd(fabout_dsd, .{ .fabric_color = sys_mod.MEMCPYD2H_1, .extent = 1, .output_queue = out_q });
            var out: [1]f32;
            var out_ptr: [*]f32 = &out;
            task recv(v: f32) void { @fmovs(to_host, v * v); }
            fn compute() void { sys_mod.unblock_cmd_stream(); }
            comptime {
              @bind_data_task(recv, recv_id);
              if (@is_arch("wse3")) @initialize_queue(in_q, .{ .color = sys_mod.MEMCPYH2D_1 });
              if (@is_arch("wse3")) @initialize_queue(out_q, .{ .color = sys_mod.MEMCPYD2H_1 });
              @export_symbol(out_ptr, "out");
              @export_symbol(compute);
            }
            """;

    @ParameterizedTest
    @ValueSource(strings = {"wse2", "wse3"})
    void streamingNamesOfTheMemcpyLibrary(String arch) throws Exception {
        String squares = IntStream.rangeClosed(1, 5).mapToObj(i -> Integer.toString(i * i))
                .collect(Collectors.joining(", ", "[", "]"));
        String runJson = """
                { "arrays": { "x": { "shape": [5], "arange": { "start": 1 } } },
                  "steps": [ { "launch": "compute" },
                  { "stream_in": { "array": "x", "color": "MEMCPYH2D_DATA_1", "rect": { "width": 1, "height": 1 } } },
                  { "stream_out": { "array": "y", "color": "MEMCPYD2H_DATA_1", "rect": { "width": 1, "height": 1 }, "per_pe": 5 } },
                  { "check": { "array": "y", "expected": %s, "tolerance": 0 } } ] }
                """.formatted(squares);
        assertPasses(run(Map.of("layout.csl", LAYOUT, "pe.csl", STREAM, "run.json", runJson), arch));
    }

    /**
     * The SDK serializes memcpy commands, nonblock or not: the stream out starts only once the
     * stream in is all in. 12 values fit the queues and the memcpy path between them; 40 do
     * not, whether the stream in is nonblocking or not.
     */
    @ParameterizedTest
    @CsvSource({"12,true,true", "12,false,true", "40,true,false", "40,false,false"})
    void aNonblockingStreamInStillEndsBeforeTheStreamOutStarts(int n, boolean nonblock, boolean fits) throws Exception {
        String squares = IntStream.rangeClosed(1, n).mapToObj(i -> Integer.toString(i * i))
                .collect(Collectors.joining(", ", "[", "]"));
        String runJson = """
                { "arrays": { "x": { "shape": [%d], "arange": { "start": 1 } } },
                  "steps": [ { "launch": "compute" },
                  { "stream_in": { "array": "x", "color": "MEMCPYH2D_DATA_1", "rect": { "width": 1, "height": 1 }, "nonblock": %s } },
                  { "stream_out": { "array": "y", "color": "MEMCPYD2H_DATA_1", "rect": { "width": 1, "height": 1 }, "per_pe": %d } },
                  { "check": { "array": "y", "expected": %s, "tolerance": 0 } } ] }
                """.formatted(n, nonblock, n, squares);
        org.waferscope.engine.sim.RunResult r = run(Map.of("layout.csl", LAYOUT, "pe.csl", STREAM, "run.json", runJson),
                "wse2");
        if (fits) {
            assertPasses(r);
        } else {
            org.junit.jupiter.api.Assertions.assertEquals(org.waferscope.engine.sim.WaferStatus.DEADLOCK, r.status());
            assertTrue(String.join("\n", r.report()).contains("the host is streaming"), r.report().toString());
        }
    }
}
