package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waferscope.engine.program.LanguageRunTest.assertPasses;
import static org.waferscope.engine.program.LanguageRunTest.run;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.csl.ProgramLoadException;

/** run.json arrays computed from earlier ones ({@code "expr"}) and the functions norm2, sqrt, repeat, stencil7. */
class DerivedArraysTest {
    @Test
    void functionsAgreeWithPlainLoops() {
        NdArray v = new NdArray(new int[] {3}, new double[] {3, 4, 12});
        Map<String, ArrayExpr.Typed> env = Map.of("v", new ArrayExpr.Typed(v, NumpyType.F64));
        assertArrayEquals(new double[] {13}, ArrayExpr.eval("norm2(v)", env).data());
        assertArrayEquals(new double[] {Math.sqrt(3), 2, Math.sqrt(12)}, ArrayExpr.eval("sqrt(v)", env).data());
        assertArrayEquals(new double[] {3, 3, 4, 4, 12, 12}, ArrayExpr.eval("repeat(v, 2)", env).data());
        assertThrows(IllegalArgumentException.class, () -> ArrayExpr.eval("repeat(v, 0)", env));
        assertThrows(IllegalArgumentException.class, () -> ArrayExpr.eval("stencil7(v, v)", env));
    }

    @Test
    void stencil7AddsTheSixNeighboursThatExist() {
        int h = 2;
        int w = 3;
        int d = 4;
        double[] x = new double[h * w * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i * 7 % 11) - 3;
        }
        double[] c = {-1, -2, -3, -4, -5, -6, 6};
        double[] y = ArrayFunctions.stencil7(new NdArray(new int[] {h, w, d}, x), new NdArray(new int[] {7}, c)).data();
        int[][] step = {{0, -1, 0}, {0, 1, 0}, {1, 0, 0}, {-1, 0, 0}, {0, 0, -1}, {0, 0, 1}, {0, 0, 0}};
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                for (int k = 0; k < d; k++) {
                    double want = 0;
                    for (int s = 0; s < 7; s++) {
                        int ii = i + step[s][0];
                        int jj = j + step[s][1];
                        int kk = k + step[s][2];
                        if (ii >= 0 && ii < h && jj >= 0 && jj < w && kk >= 0 && kk < d) {
                            want += c[s] * x[(ii * w + jj) * d + kk];
                        }
                    }
                    assertEquals(want, y[(i * w + j) * d + k], 0, "point " + i + "," + j + "," + k);
                }
            }
        }
    }

    private static final String ONE_PE_COPY = """
            param memcpy_params: comptime_struct;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);
            var fout = @zeros([4]f32);
            var fout_ptr: [*]f32 = &fout;
            fn compute() void { sys.unblock_cmd_stream(); }
            comptime { @export_symbol(fout_ptr, "fout"); @export_symbol(compute); }
            """;

    @Test
    void anArrayMadeFromEarlierOnesIsRoundedToItsTypeAndCopiedIn() throws Exception {
        // x / |x| in f32, then a check that recomputes it in double from the rounded x
        String runJson = """
                { "arrays": { "raw": { "shape": [4], "arange": { "start": 1 } },
                              "unit": { "expr": "raw / norm2(raw)" },
                              "scaled": { "type": "i32", "expr": "raw * 10 / 3" } },
                  "steps": [ { "copy_in": { "array": "unit", "symbol": "fout", "rect": { "width": 1, "height": 1 } } },
                    { "launch": "compute" },
                    { "copy_out": { "symbol": "fout", "array": "back", "rect": { "width": 1, "height": 1 }, "per_pe": 4 } },
                    { "check": { "array": "back", "expected": "raw / 5.477225575051661", "rtol": 1e-7, "atol": 0 } },
                    { "check": { "array": "scaled", "expected": [3, 7, 10, 13], "tolerance": 0 } } ] }
                """;
        assertPasses(run(Map.of("layout.csl", LanguageRunTest.ONE_PE_LAYOUT, "pe.csl", ONE_PE_COPY, "run.json", runJson),
                "wse2"));
    }

    @Test
    void anExpressionSeesOnlyTheArraysAboveIt() {
        String runJson = """
                { "arrays": { "early": { "expr": "late * 2" }, "late": { "shape": [4], "fill": 1 } },
                  "steps": [ { "launch": "compute" } ] }
                """;
        ProgramLoadException e = assertThrows(ProgramLoadException.class, () -> run(Map.of("layout.csl",
                LanguageRunTest.ONE_PE_LAYOUT, "pe.csl", ONE_PE_COPY, "run.json", runJson), "wse2"));
        assertTrue(e.getMessage().contains("run.json:1:") && e.getMessage().contains("no input array named 'late'"),
                e.getMessage());
    }
}
