package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waferscope.engine.program.LanguageRunTest.assertPasses;
import static org.waferscope.engine.program.LanguageRunTest.run;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.waferscope.engine.csl.ProgramLoadException;

/**
 * run.json's launch with arguments (the SDK's {@code launch("f", np.int16(n))}), its 16-bit
 * streams that carry each element's index in the wavelet's upper half, and a run-time
 * {@code @assert} on what the launch passed.
 */
class LaunchArgsTest {
    /** The one-PE layout of {@link SdkConstructsTest}, exporting a function that takes two arguments. */
    static final String LAYOUT = SdkConstructsTest.LAYOUT.replace("@export_name(\"compute\", fn()void);",
            "@export_name(\"start\", fn(i16, f32)void);");

    /**
     * Keeps what the launch passes, sums index-weighted 16-bit values as they arrive and,
     * after the last, streams its four results to the host.
     */
    static final String PE = """
            param memcpy_params: comptime_struct;
            const sys_mod = @import_module("<memcpy/memcpy>", memcpy_params);
            const recv_id: data_task_id =
              if (@is_arch("wse2")) @get_data_task_id(sys_mod.MEMCPYH2D_1)
              else if (@is_arch("wse3")) @get_data_task_id(@get_input_queue(2));
            var out = @zeros([4]f32);
            var out_ptr: [*]f32 = &out;
            const out_q = @get_output_queue(3);
            const to_host = @get_dsd(fabout_dsd, .{ .extent = 4, .fabric_color = sys_mod.MEMCPYD2H_1,
                                                     .output_queue = out_q });
            const all = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{4} -> out[i] });
            var expected_count: i16 = 0;
            var got: i16 = 0;

            task recv(data: u16, index: u16) void {
              out[2] += @as(f32, data) * @as(f32, index);
              got += 1;
              if (got == expected_count) {
                out[3] = 1.0;
                @fmovs(to_host, all);
              }
            }

            fn start(count: i16, scale: f32) void {
              @assert(count <= 8);
              expected_count = count;
              out[0] = @as(f32, count);
              out[1] = scale * 2.0;
              sys_mod.unblock_cmd_stream();
            }

            comptime {
              @bind_data_task(recv, recv_id);
              if (@is_arch("wse3")) {
                @initialize_queue(@get_input_queue(2), .{ .color = sys_mod.MEMCPYH2D_1 });
                @initialize_queue(out_q, .{ .color = sys_mod.MEMCPYD2H_1 });
              }
              @export_symbol(out_ptr, "out");
              @export_symbol(start);
            }
            """;

    static String runJson(String launch) {
        return """
                { "arrays": { "v": { "type": "u16", "values": [5, 7, 9, 11] } },
                  "steps": [ %s,
                  { "stream_in": { "array": "v", "color": "MEMCPYH2D_DATA_1", "rect": { "width": 1, "height": 1 },
                                   "index_high": true, "nonblock": true } },
                  { "stream_out": { "array": "out", "color": "MEMCPYD2H_DATA_1", "rect": { "width": 1, "height": 1 }, "per_pe": 4 } },
                  { "check": { "array": "out", "expected": [4, 3.0, %s, 1], "tolerance": 0 } } ] }
                """.formatted(launch, 5 * 0 + 7 * 1 + 9 * 2 + 11 * 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wse2", "wse3"})
    void launchPassesIntegerAndFloatArgumentsAndStreamsCarryTheIndex(String arch) throws Exception {
        String steps = runJson("{ \"launch\": \"start\", \"args\": [4, 1.5] }");
        assertPasses(run(Map.of("layout.csl", LAYOUT, "pe.csl", PE, "run.json", steps), arch));
    }

    @Test
    void theConsoleNamesAStreamsArrayAsRunJsonDoesWithWhatTheLoaderMadeOfIt() throws Exception {
        // the loader's own array is "v@step2@index2"; the console and the status bar say what run.json says
        String steps = runJson("{ \"launch\": \"start\", \"args\": [4, 1.5] }")
                .replace("\"index_high\": true", "\"reshape\": [2, 2], \"index_high\": true");
        org.waferscope.engine.sim.RunResult r = run(Map.of("layout.csl", LAYOUT, "pe.csl", PE, "run.json", steps), "wse2");
        assertPasses(r);
        assertTrue(r.console().stream().anyMatch(l -> l.text().startsWith("stream v (reshaped, with indices) in on color ")),
                r.console().toString());
    }

    @Test
    void aLaunchMustGiveAsManyArgumentsAsTheFunctionTakes() {
        ProgramLoadException e = assertThrows(ProgramLoadException.class, () -> run(Map.of("layout.csl", LAYOUT,
                "pe.csl", PE, "run.json", runJson("{ \"launch\": \"start\", \"args\": [4] }")), "wse2"));
        assertTrue(e.getMessage().contains("\"start\" takes 2 argument slot(s) but the launch gives 1"), e.getMessage());
    }

    @Test
    void indexHighIsForSixteenBitArrays() {
        String steps = runJson("{ \"launch\": \"start\", \"args\": [4, 1.5] }").replace("\"u16\"", "\"f32\"");
        ProgramLoadException e = assertThrows(ProgramLoadException.class, () -> run(Map.of("layout.csl", LAYOUT,
                "pe.csl", PE, "run.json", steps), "wse2"));
        assertTrue(e.getMessage().contains("\"index_high\" streams an i16, u16 or f16 array, not f32"), e.getMessage());
    }

    @Test
    void aFalseAssertStopsThePeWithAFault() throws Exception {
        String steps = runJson("{ \"launch\": \"start\", \"args\": [9, 1.5] }");
        org.waferscope.engine.sim.RunResult r = run(Map.of("layout.csl", LAYOUT, "pe.csl", PE, "run.json", steps), "wse2");
        assertEquals(org.waferscope.engine.sim.WaferStatus.FAULTED, r.status(), () -> String.join("\n", r.report()));
        assertTrue(String.join("\n", r.report()).contains("an @assert failed"), () -> String.join("\n", r.report()));
    }
}
