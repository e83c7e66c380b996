package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.WaferStatus;

/**
 * {@code @fmaxs(&m, start, dsd)} reduces a memory DSD into a scalar: into a local (through its
 * address) and into a global, over a strided DSD, and negated to give a minimum, as the stencil
 * benchmark computes each PE's extremes. Checked against the same reductions done in Java.
 */
class ScalarMaxTest {
    /** The end of a one-PE program here: out (as fout) and compute, exported for the host. */
    static final String FOUT_EXPORTS = """
            comptime {
              @export_symbol(out_ptr, "fout");
              @export_symbol(compute);
            }
            """;

    static final String PE = """
            param memcpy_params: comptime_struct;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);
            const math = @import_module("<math>");

            var data = [7]f32 { 3.5, -8.0, 12.25, 0.5, -1.5, 9.0, -20.0 };
            var out: [3]f32;
            var out_ptr: [*]f32 = &out;
            var top: f32 = 0.0;
            const all = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{7} -> data[i] });
            const odd = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{3} -> data[2 * i + 1] });

            fn largest() f32 {
              var m: f32 = math.NEGATIVE_INF_f32;
              @fmaxs(&m, m, all);
              return m;
            }

            fn smallest() f32 {
              var m: f32 = math.NEGATIVE_INF_f32;
              @fnegs(all, all);
              @fmaxs(&m, m, all);
              @fnegs(all, all);
              return -m;
            }

            fn compute() void {
              out[0] = largest();
              out[1] = smallest();
              @fmaxs(&top, 1.0, odd);
              out[2] = top;
              sys.unblock_cmd_stream();
            }

            """ + FOUT_EXPORTS;

    static final String RUN = readFout(3);

    /** Host steps: launch compute on the one PE, then read {@code perPe} values of fout into array out. */
    static String readFout(int perPe) {
        return """
                { "steps": [
                    { "launch": "compute" },
                    { "copy_out": { "symbol": "fout", "array": "out", "rect": { "width": 1, "height": 1 }, "per_pe": %d } }
                  ] }
                """.formatted(perPe);
    }

    /** Runs a one-PE program ending in {@link #FOUT_EXPORTS} and returns what it left in fout. */
    static double[] runFout(String pe, int perPe) throws Exception {
        RunResult r = LanguageRunTest.run(Map.of("layout.csl", LanguageRunTest.ONE_PE_LAYOUT, "pe.csl", pe,
                "run.json", readFout(perPe)), "wse2");
        assertEquals(WaferStatus.HALTED, r.status(), () -> String.join("\n", r.report()));
        return r.arrays().get("out").values();
    }

    @Test
    void theLargestElementLandsInTheScalar() throws Exception {
        double[] out = runFout(PE, 3);
        double[] data = {3.5, -8.0, 12.25, 0.5, -1.5, 9.0, -20.0};
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double v : data) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        double oddMax = 1.0;
        for (int i = 0; i < 3; i++) {
            oddMax = Math.max(oddMax, data[2 * i + 1]);
        }
        assertArrayEquals(new double[] {max, min, oddMax}, out);
    }
}
