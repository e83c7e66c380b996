package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waferscope.engine.program.LanguageRunTest.assertPasses;
import static org.waferscope.engine.program.LanguageRunTest.run;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.Wafer;
import org.waferscope.engine.sim.WaferStatus;

/**
 * The host's commands as the SDK runs them: memcpy commands one after the other, a copy that
 * meets the kernel's earlier work finished, and a run that ends with the host's last step
 * even while operations on endless streams still wait.
 */
class HostCommandOrderTest {

    /** Two PEs: the west one sends one value east and releases the stream at once. */
    static final String PAIR_LAYOUT = """
            const memcpy = @import_module("<memcpy/get_params>", .{ .width = 2, .height = 1 });
            const c = @get_color(5);
            layout {
              @set_rectangle(2, 1);
              @set_tile_code(0, 0, "send.csl", .{ .memcpy_params = memcpy.get_params(0), .c = c });
              @set_tile_code(1, 0, "keep.csl", .{ .memcpy_params = memcpy.get_params(1), .c = c });
              @set_color_config(0, 0, c, .{ .routes = .{ .rx = .{ RAMP }, .tx = .{ EAST } } });
              @set_color_config(1, 0, c, .{ .routes = .{ .rx = .{ WEST }, .tx = .{ RAMP } } });
              @export_name("got", [*]u32, true);
              @export_name("go", fn()void);
            }
            """;

    static final String SEND = """
            param memcpy_params: comptime_struct;
            param c: color;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);
            const out = @get_dsd(fabout_dsd, .{ .extent = 1, .fabric_color = c, .output_queue = @get_output_queue(2) });
            var got = @zeros([1]u32);
            var got_ptr: [*]u32 = &got;
            fn go() void {
              @mov32(out, @as(u32, 77));
              sys.unblock_cmd_stream();
            }
            comptime {
              if (@is_arch("wse3")) @initialize_queue(@get_output_queue(2), .{ .color = c });
              @export_symbol(got_ptr, "got");
              @export_symbol(go);
            }
            """;

    static final String KEEP = """
            param memcpy_params: comptime_struct;
            param c: color;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);
            var got = @zeros([1]u32);
            var got_ptr: [*]u32 = &got;
            const id: data_task_id = if (@is_arch("wse2")) @get_data_task_id(c)
              else if (@is_arch("wse3")) @get_data_task_id(@get_input_queue(2));
            task keep(v: u32) void { got[0] = v; }
            fn go() void { sys.unblock_cmd_stream(); }
            comptime {
              @bind_data_task(keep, id);
              if (@is_arch("wse3")) @initialize_queue(@get_input_queue(2), .{ .color = c });
              @export_symbol(got_ptr, "got");
              @export_symbol(go);
            }
            """;

    /** Launch, then read the receiver at once. */
    static final String COPY_AFTER_LAUNCH = """
            { "steps": [ { "launch": "go" },
              { "copy_out": { "symbol": "got", "array": "got", "type": "u32", "rect": { "x": 1, "y": 0, "width": 1, "height": 1 }, "per_pe": 1 } },
              { "check": { "array": "got", "expected": [77], "tolerance": 0 } } ] }
            """;

    @Test
    void aCopyOutAfterALaunchSeesTheWaveletStillInFlightWhenTheKernelReleasedTheStream() throws Exception {
        assertPasses(run(Map.of("layout.csl", PAIR_LAYOUT, "send.csl", SEND, "keep.csl", KEEP, "run.json", COPY_AFTER_LAUNCH),
                "wse2"));
    }

    @Test
    void theCopyIsTheSameCycleForAnyThreadCountAndChunking() throws Exception {
        WaferProgram p = ProgramLoader.load(new MemorySource("pair", Map.of("layout.csl", PAIR_LAYOUT, "send.csl", SEND,
                "keep.csl", KEEP, "run.json", COPY_AFTER_LAUNCH)), ProgramLoader.LoadOptions.DEFAULTS.withArch(ArchProfile.WSE2));
        long cycles;
        long hash;
        try (Wafer w = Wafer.load(p, 1)) {
            RunResult r = w.runToCompletion(10_000);
            cycles = r.cycles();
            hash = r.stateHash();
        }
        try (Wafer w = Wafer.load(p, 2)) {
            while (w.status() == WaferStatus.RUNNING) {
                w.advance(1, false, false);
            }
            assertEquals(cycles, w.cycle());
            assertEquals(hash, w.stateHash());
            assertTrue(w.checks().get(0).pass(), w.checks().get(0).describe());
        }
    }

    /** One PE: a stream in through an async add to a stream out, as the SDK's first pipeline tutorial does. */
    static final String PIPE = """
            param memcpy_params: comptime_struct;
            param size: u16;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);
            const in_q = @get_input_queue(2);
            const out_q = @get_output_queue(3);
            const in_dsd = @get_dsd(fabin_dsd, .{ .extent = size, .fabric_color = sys.MEMCPYH2D_1, .input_queue = in_q });
            const out_dsd = @get_dsd(fabout_dsd, .{ .extent = size, .fabric_color = sys.MEMCPYD2H_1, .output_queue = out_q });
            var one = @zeros([1]i16);
            const one_dsd = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{size} -> one[0] });
            const start_id: local_task_id = @get_local_task_id(8);
            task start() void {
              one[0] = 1;
              @add16(out_dsd, in_dsd, one_dsd, .{ .async = true });
            }
            comptime {
              @bind_local_task(start, start_id);
              @activate(start_id);
              if (@is_arch("wse3")) @initialize_queue(in_q, .{ .color = sys.MEMCPYH2D_1 });
              if (@is_arch("wse3")) @initialize_queue(out_q, .{ .color = sys.MEMCPYD2H_1 });
            }
            """;

    static String pipeLayout(int size) {
        return """
                const memcpy = @import_module("<memcpy/get_params>", .{ .width = 1, .height = 1,
                    .MEMCPYH2D_1 = @get_color(0), .MEMCPYD2H_1 = @get_color(1) });
                layout {
                  @set_rectangle(1, 1);
                  @set_tile_code(0, 0, "pe.csl", .{ .memcpy_params = memcpy.get_params(0), .size = %d });
                }
                """.formatted(size);
    }

    /**
     * The SDK's pipeline tutorial says its stream in must end before its stream out starts,
     * so it stalls once more than 14 values are streamed on WSE-2: what the queues and the
     * memcpy path hold.
     */
    @ParameterizedTest
    @CsvSource({"14,true", "15,false"})
    void aSerializedStreamFitsWhatTheQueuesAndTheMemcpyPathHold(int size, boolean fits) throws Exception {
        String plusOne = IntStream.rangeClosed(1, size).mapToObj(i -> Integer.toString(i + 1))
                .collect(Collectors.joining(", ", "[", "]"));
        String runJson = """
                { "arrays": { "x": { "type": "i16", "shape": [%d], "arange": { "start": 1 } } },
                  "steps": [
                  { "stream_in": { "array": "x", "color": "MEMCPYH2D_DATA_1", "rect": { "width": 1, "height": 1 }, "nonblock": true } },
                  { "stream_out": { "array": "y", "type": "i16", "color": "MEMCPYD2H_DATA_1", "rect": { "width": 1, "height": 1 }, "per_pe": %d } },
                  { "check": { "array": "y", "expected": %s, "tolerance": 0 } } ] }
                """.formatted(size, size, plusOne);
        RunResult r = run(Map.of("layout.csl", pipeLayout(size), "pe.csl", PIPE, "run.json", runJson), "wse2");
        if (fits) {
            assertPasses(r);
        } else {
            assertEquals(WaferStatus.DEADLOCK, r.status());
            assertTrue(String.join("\n", r.report()).contains("the host is streaming 1 wavelet(s) in"),
                    r.report().toString());
        }
    }

    /** An async move from an endless fabric input still waits when the host is done: the run ends, as runner.stop() ends it. */
    static final String ENDLESS = """
            param memcpy_params: comptime_struct;
            param size: u16;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);
            const in_q = @get_input_queue(2);
            const out_q = @get_output_queue(3);
            const in_dsd = @get_dsd(fabin_dsd, .{ .extent = 0x7fff, .fabric_color = sys.MEMCPYH2D_1, .input_queue = in_q });
            const out_dsd = @get_dsd(fabout_dsd, .{ .extent = 0x7fff, .fabric_color = sys.MEMCPYD2H_1, .output_queue = out_q });
            const start_id: local_task_id = @get_local_task_id(8);
            task start() void { @mov16(out_dsd, in_dsd, .{ .async = true }); }
            comptime {
              @bind_local_task(start, start_id);
              @activate(start_id);
              if (@is_arch("wse3")) @initialize_queue(in_q, .{ .color = sys.MEMCPYH2D_1 });
              if (@is_arch("wse3")) @initialize_queue(out_q, .{ .color = sys.MEMCPYD2H_1 });
            }
            """;

    @Test
    void theRunEndsWithTheHostsLastStepAndNamesWhatStillWaits() throws Exception {
        String runJson = """
                { "arrays": { "x": { "type": "i16", "shape": [5], "arange": { "start": 1 } } },
                  "steps": [
                  { "stream_in": { "array": "x", "color": "MEMCPYH2D_DATA_1", "rect": { "width": 1, "height": 1 } } },
                  { "stream_out": { "array": "y", "type": "i16", "color": "MEMCPYD2H_DATA_1", "rect": { "width": 1, "height": 1 }, "per_pe": 5 } },
                  { "check": { "array": "y", "expected": [1, 2, 3, 4, 5], "tolerance": 0 } } ] }
                """;
        RunResult r = run(Map.of("layout.csl", pipeLayout(1), "pe.csl", ENDLESS, "run.json", runJson), "wse2");
        assertPasses(r);
        String report = String.join("\n", r.report());
        assertTrue(report.contains("still waiting") && report.contains("microthread") && report.contains("waits for input"),
                report);
    }
}
