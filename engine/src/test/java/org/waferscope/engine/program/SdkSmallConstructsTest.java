package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.WaferStatus;

/**
 * Smaller constructs of the SDK's spmv benchmark, in a program of our own: {@code @get_int} of a
 * color and a task id, {@code .priority} on an asynchronous operation, {@code _ = v;} inside a
 * module, and {@code (p.*)[i]} through a global {@code *[N]T} var set at run time. Checked
 * against the same values worked out in Java.
 */
class SdkSmallConstructsTest {
    static final String TALLY = """
            param slots: u16;
            var seen: u16 = 0;
            fn note(v: u16) void {
              _ = v;
              seen += 1;
            }
            """;

    static final String PE = """
            param memcpy_params: comptime_struct;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);
            const tally = @import_module("tally.csl", .{ .slots = 2 });
            const c: color = @get_color(9);
            const done_id: local_task_id = @get_local_task_id(@get_int(c) + 3);

            var a = [4]f32 { 1.0, 2.0, 3.0, 4.0 };
            var b = [4]f32 { 0.5, 0.5, 0.5, 0.5 };
            var out: [6]f32;
            var out_ptr: [*]f32 = &out;
            var target: *[4]f32 = &a;

            const a_dsd = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{4} -> a[i] });
            const b_dsd = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{4} -> b[i] });

            fn compute() void {
              target = &b;
              (target.*)[2] += 10.0;
              tally.note(7);
              tally.note(8);
              @fadds(a_dsd, a_dsd, b_dsd, .{ .async = true, .priority = .{ .high = true }, .activate = done_id });
            }

            task done() void {
              for (@range(u16, 4)) |i| {
                out[i] = a[i];
              }
              out[4] = @as(f32, @get_int(done_id));
              out[5] = @as(f32, tally.seen);
              sys.unblock_cmd_stream();
            }

            comptime {
              @bind_local_task(done, done_id);
              @export_symbol(out_ptr, "fout");
              @export_symbol(compute);
            }
            """;

    static final String RUN = """
            { "steps": [
                { "launch": "compute" },
                { "copy_out": { "symbol": "fout", "array": "out", "rect": { "width": 1, "height": 1 }, "per_pe": 6 } }
              ] }
            """;

    @Test
    void smallConstructsComputeWhatJavaDoes() throws Exception {
        RunResult r = LanguageRunTest.run(Map.of("layout.csl", LanguageRunTest.ONE_PE_LAYOUT, "pe.csl", PE,
                "tally.csl", TALLY, "run.json", RUN), "wse2");
        assertEquals(WaferStatus.HALTED, r.status(), () -> String.join("\n", r.report()));
        double[] a = {1, 2, 3, 4};
        double[] b = {0.5, 0.5, 0.5, 0.5};
        b[2] += 10;
        double[] out = new double[6];
        for (int i = 0; i < 4; i++) {
            out[i] = a[i] + b[i];
        }
        out[4] = 9 + 3;
        out[5] = 2;
        assertArrayEquals(out, r.arrays().get("out").values());
    }
}
