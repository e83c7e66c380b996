package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.csl.ProgramLoadException;

/**
 * {@code mem4d_dsd}: tensor accesses over several indices, the last varying fastest, with
 * strides of 0 where an index does not appear (every row of a buffer added into one vector,
 * one weight per row), a walk over a 2-D slice of a 3-D array, and the base moved at run time by
 * {@code @increment_dsd_offset}. Checked against the same loops written in Java.
 */
class Mem4dDsdTest {
    static final String PE = """
            param memcpy_params: comptime_struct;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);

            var buf = @zeros([2, 3, 4]f32);
            var acc = @zeros([8]f32);
            var w = [3]f32 { 0.5, 2.0, -1.0 };
            var scaled = @zeros([3, 4]f32);
            var shift: i16 = 4;
            var out: [12]f32;
            var out_ptr: [*]f32 = &out;

            const every = @get_dsd(mem4d_dsd, .{ .tensor_access = |i, j, k|{2, 3, 4} -> buf[i, j, k] });
            const into_acc = @get_dsd(mem4d_dsd, .{ .tensor_access = |i, j, k|{2, 3, 4} -> acc[k] });
            const second_slice = @get_dsd(mem4d_dsd, .{ .tensor_access = |j, k|{3, 4} -> buf[1, j, k] });
            const weights = @get_dsd(mem4d_dsd, .{ .tensor_access = |j, k|{3, 4} -> w[j] });
            const scaled_dsd = @get_dsd(mem4d_dsd, .{ .tensor_access = |j, k|{3, 4} -> scaled[j, k] });

            fn compute() void {
              var n: u16 = 0;
              for (@range(u16, 2)) |i| {
                for (@range(u16, 3)) |j| {
                  for (@range(u16, 4)) |k| {
                    buf[i, j, k] = @as(f32, n) * 0.25 + 1.0;
                    n += 1;
                  }
                }
              }
              @fadds(into_acc, into_acc, every);
              const upper = @increment_dsd_offset(into_acc, shift, f32);
              @fadds(upper, upper, every);
              @fmuls(scaled_dsd, second_slice, weights);
              for (@range(u16, 8)) |k| {
                out[k] = acc[k];
              }
              for (@range(u16, 4)) |k| {
                out[k + 8] = scaled[2, k] + scaled[0, k];
              }
              sys.unblock_cmd_stream();
            }

            """ + ScalarMaxTest.FOUT_EXPORTS;

    static final String RUN = ScalarMaxTest.readFout(12);

    @Test
    void nestedWalksComputeWhatTheLoopsDo() throws Exception {
        double[] got = ScalarMaxTest.runFout(PE, 12);
        float[][][] buf = new float[2][3][4];
        int n = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    buf[i][j][k] = n++ * 0.25f + 1.0f;
                }
            }
        }
        float[] acc = new float[8];
        for (int shift : new int[] {0, 4}) {
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 3; j++) {
                    for (int k = 0; k < 4; k++) {
                        acc[shift + k] += buf[i][j][k];
                    }
                }
            }
        }
        float[] w = {0.5f, 2.0f, -1.0f};
        double[] out = new double[12];
        for (int k = 0; k < 8; k++) {
            out[k] = acc[k];
        }
        for (int k = 0; k < 4; k++) {
            out[k + 8] = buf[1][2][k] * w[2] + buf[1][0][k] * w[0];
        }
        assertArrayEquals(out, got);
    }

    @Test
    void aWalkPastTheArrayIsRefused() {
        String pe = PE.replace("|i, j, k|{2, 3, 4} -> acc[k]", "|i, j, k|{2, 3, 9} -> acc[k]");
        ProgramLoadException e = assertThrows(ProgramLoadException.class,
                () -> LanguageRunTest.run(Map.of("layout.csl", LanguageRunTest.ONE_PE_LAYOUT, "pe.csl", pe,
                        "run.json", RUN), "wse2"));
        assertTrue(e.getMessage().contains("reaches elements 0 to 8 of acc, which has 8"), e.getMessage());
    }
}
