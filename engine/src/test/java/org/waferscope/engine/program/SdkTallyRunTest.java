package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.WaferStatus;

/**
 * Waferscope's own {@code <kernels/tally/layout>} and {@code <kernels/tally/pe>} in a program
 * of our own: every PE of a W x H rectangle bumps the tally by a weight of its position and
 * signals completion twice; the callback on (W - 1, 0) records the total. A plain Java
 * reference works out what each PE's {@code local_tally} holds (its own bumps and those it
 * passed on: east along its row, then north up the last column) and whether the callback ran.
 */
class SdkTallyRunTest {
    static final String LAYOUT = """
            param W: u16;
            param H: u16;
            param P2: u32;
            const memcpy = @import_module("<memcpy/get_params>", .{ .width = W, .height = H });
            const tally = @import_module("<kernels/tally/layout>", .{
              .kernel_width = W, .kernel_height = H, .phase2_tally = P2,
              .colors = [3]color{ @get_color(4), @get_color(5), @get_color(6) },
              .output_color = @get_color(7),
            });
            layout {
              @set_rectangle(W, H);
              for (@range(u16, W)) |x| {
                for (@range(u16, H)) |y| {
                  @set_tile_code(x, y, "pe.csl", .{ .memcpy_params = memcpy.get_params(x),
                                                    .tally_params = tally.get_params(x, y) });
                }
              }
              @export_name("seen", [*]u32, false);
              @export_name("out", [*]u32, false);
              @export_name("start", fn()void);
            }
            """;

    static final String PE = """
            param memcpy_params: comptime_struct;
            param tally_params: comptime_struct;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);
            const coords = @import_module("<layout>");
            const finished_id: local_task_id = @get_local_task_id(9);
            const tally = @import_module("<kernels/tally/pe>", @concat_structs(tally_params, .{
              .input_queues = [2]u16{ 2, 3 }, .output_queues = [2]u16{ 2, 3 }, .callback = finished_id }));

            var out = @zeros([2]u32);       // callbacks run here, the tally they saw
            var out_ptr: [*]u32 = &out;
            var seen_ptr: [*]u32 = &tally.local_tally;

            fn start() void {
              const x = @as(u32, coords.get_x_coord());
              const y = @as(u32, coords.get_y_coord());
              tally.bump_tally(x + 2 * y);
              tally.signal_completion();
              tally.bump_tally(1);
              tally.signal_completion();    // a second signal counts for nothing
              sys.unblock_cmd_stream();
            }

            task finished() void {
              out[0] += 1;
              out[1] = tally.local_tally;
            }

            comptime {
              @bind_local_task(finished, finished_id);
              @export_symbol(seen_ptr, "seen");
              @export_symbol(out_ptr, "out");
              @export_symbol(start);
            }
            """;

    static String run(int w, int h, long p2) {
        return """
                { "params": { "W": %d, "H": %d, "P2": %d },
                  "steps": [
                    { "launch": "start" },
                    { "copy_out": { "symbol": "seen", "array": "seen", "type": "u32",
                                    "rect": { "width": "W", "height": "H" }, "per_pe": 1 } },
                    { "copy_out": { "symbol": "out", "array": "out", "type": "u32",
                                    "rect": { "width": "W", "height": "H" }, "per_pe": 2 } }
                  ] }
                """.formatted(w, h, p2);
    }

    /** What PE (x, y) bumps: its weight x + 2y, then 1. */
    static long bumps(int x, int y) {
        return x + 2L * y + 1;
    }

    /** The reference: each PE's local_tally, row-major, when every count has arrived. */
    static long[] seen(int w, int h) {
        long[] s = new long[w * h];
        long[] rowTotal = new long[h];
        for (int y = 0; y < h; y++) {
            long running = 0;
            for (int x = 0; x < w; x++) {
                running += bumps(x, y);
                s[y * w + x] = running;      // its own and those of the PEs west of it
            }
            rowTotal[y] = running;
        }
        long fromSouth = 0;
        for (int y = h - 1; y >= 0; y--) {
            fromSouth += rowTotal[y];
            s[y * w + w - 1] = fromSouth;    // the last column also passes on the rows south of it
        }
        return s;
    }

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"3, 4", "4, 3", "1, 3", "5, 1", "1, 1"})
    void theTallyReachesTheLastColumnsTopPeAndCallsBackOnce(int w, int h) throws Exception {
        long[] seen = seen(w, h);
        long total = seen[w - 1];
        RunResult r = LanguageRunTest.run(Map.of("layout.csl", LAYOUT, "pe.csl", PE, "run.json", run(w, h, total)),
                "wse2");
        assertEquals(WaferStatus.HALTED, r.status(), () -> String.join("\n", r.report()));
        assertArrayEquals(toDoubles(seen), r.arrays().get("seen").values());
        double[] out = new double[2 * w * h];
        out[2 * (w - 1)] = 1;
        out[2 * (w - 1) + 1] = total;
        assertArrayEquals(out, r.arrays().get("out").values());
    }

    @Test
    void aTallyShortOfPhase2NeverCallsBack() throws Exception {
        int more = 1;
        long total = seen(3, 2)[2];
        RunResult r = LanguageRunTest.run(Map.of("layout.csl", LAYOUT, "pe.csl", PE, "run.json", run(3, 2, total + more)),
                "wse2");
        assertEquals(WaferStatus.HALTED, r.status(), () -> String.join("\n", r.report()));
        assertArrayEquals(new double[12], r.arrays().get("out").values());
        assertEquals(total, (long) r.arrays().get("seen").values()[2]);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"wse2", "wse3"})
    void withoutPhase2TheCallbackComesOnceEveryPeHasSignalled(String arch) throws Exception {
        RunResult r = LanguageRunTest.run(Map.of("layout.csl", LAYOUT, "pe.csl", PE, "run.json", run(3, 3, 0)), arch);
        assertEquals(WaferStatus.HALTED, r.status(), () -> String.join("\n", r.report()));
        assertEquals(1.0, r.arrays().get("out").values()[2 * 2]);
        assertArrayEquals(toDoubles(seen(3, 3)), r.arrays().get("seen").values());
    }

    private static double[] toDoubles(long[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }
}
