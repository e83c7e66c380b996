package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waferscope.engine.program.LanguageRunTest.assertPasses;
import static org.waferscope.engine.program.LanguageRunTest.run;
import static org.waferscope.engine.program.RunJsonSdkStepsTest.doubled;
import static org.waferscope.engine.program.RunJsonSdkStepsTest.steps;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.Half;
import org.waferscope.engine.host.CheckResult;
import org.waferscope.engine.sim.RunResult;

/**
 * What an independent translation of the SDK examples' run.py into run.json ran into (see
 * docs/sdk-examples-audit.md): each test is one finding, fixed. One is a CSL builtin
 * (the residual benchmark on WSE-3), the others run.json's.
 */
class RunJsonAuditTest {
    private static final String TWELVE = "\"a\": { \"shape\": [12], \"arange\": { \"start\": 0 } }";
    private static final String COPY = "{ \"copy_in\": { \"array\": \"a\", \"symbol\": \"v\", \"rect\": { \"width\": 3, \"height\": 2 } } }";

    /** A slice from element 0 that stops short of the end was compared as the whole array and always failed. */
    @Test
    void aSliceFromTheFirstElementComparesOnlyTheSlice() throws Exception {
        RunResult r = steps(TWELVE, COPY, """
                { "check": { "name": "head", "array": "out", "slice": { "start": 0, "stop": 4 }, "expected": [0, 2, 4, 6], "tolerance": 0 } },
                { "check": { "name": "head, one off", "array": "out", "slice": { "stop": 4 }, "expected": [0, 2, 4, 7], "tolerance": 0 } }
                """);
        CheckResult[] c = r.checks().toArray(new CheckResult[0]);
        assertTrue(c[0].pass(), c[0].describe());
        assertFalse(c[1].pass());
        assertEquals(1, c[1].mismatches(), c[1].describe());
        assertEquals(3, c[1].firstBad());
    }

    /** run.py passes nonblock=True to memcpy_h2d copies; it changes nothing and is no error. */
    @Test
    void aCopyTakesNonblockAsTheSdkDoes() throws Exception {
        RunResult r = steps(TWELVE, COPY.replace("\"symbol\": \"v\",", "\"symbol\": \"v\", \"nonblock\": true,"),
                "{ \"check\": { \"array\": \"out\", \"expected\": \"2 * a\", \"tolerance\": 0 } }");
        assertPasses(r);
    }

    /**
     * memcpy_h2d_rowbcast gives each row of the rectangle its own chunk; with column-major
     * order numpy's {@code B.T.ravel()} interleaves the chunks, and per_pe may be given.
     */
    @Test
    void aRowBroadcastInColumnMajorOrderReadsTheChunksInterleaved() throws Exception {
        // two rows, two elements per PE: column-major holds row 0's pair at 0 and 2, row 1's at 1 and 3
        String arrays = "\"r\": { \"values\": [7, 8, 9, 10] }";
        String copy = "{ \"copy_in\": { \"array\": \"r\", \"symbol\": \"v\", \"broadcast\": \"rows\", \"order\": \"column_major\","
                + " \"per_pe\": 2, \"rect\": { \"width\": 3, \"height\": 2 } } }";
        String expected = doubled(pe -> pe / 3 == 0 ? new double[] {7, 9} : new double[] {8, 10});
        assertPasses(steps(arrays, copy, "{ \"check\": { \"array\": \"out\", \"expected\": " + expected + ", \"tolerance\": 0 } }"));
    }

    /** run.py reads a stream's ID from out.json as the param MEMCPYH2D_DATA_1_ID; that name names the stream. */
    @Test
    void aStreamMayBeNamedByTheParamRunPyReadsItsIdFrom() throws Exception {
        String json = LaunchArgsTest.runJson("{ \"launch\": \"start\", \"args\": [4, 1.5] }")
                .replace("\"MEMCPYH2D_DATA_1\"", "\"MEMCPYH2D_DATA_1_ID\"").replace("\"MEMCPYD2H_DATA_1\"", "\"MEMCPYD2H_DATA_1_ID\"");
        assertPasses(run(Map.of("layout.csl", LaunchArgsTest.LAYOUT, "pe.csl", LaunchArgsTest.PE, "run.json", json), "wse2"));
    }

    private static ArrayExpr.Typed typed(NumpyType t, double... v) {
        return new ArrayExpr.Typed(new NdArray(new int[] {v.length}, v), t);
    }

    /** numpy's int16 and uint ops wrap; its true division and Python floats go to float64; sums of ints do not wrap. */
    @Test
    void integerExpressionsWrapAsNumpysFixedWidthIntegers() {
        Map<String, ArrayExpr.Typed> env = Map.of("s", typed(NumpyType.I16, 32767, -32768, 5),
                "u", typed(NumpyType.U16, 0, 65535), "w", typed(NumpyType.U32, 4294967295.0), "k", new ArrayExpr.Typed(new NdArray(new int[0], new double[] {3}), NumpyType.WEAK_INT));
        assertArrayEquals(new double[] {-32768, -32767, 6}, ArrayExpr.eval("s + 1", env).data());
        assertArrayEquals(new double[] {-32767, -32768, -5}, ArrayExpr.eval("-s", env).data());
        assertArrayEquals(new double[] {32767 * 3 - 65536, -32768, 15}, ArrayExpr.eval("s * k", env).data());
        assertArrayEquals(new double[] {65535, 65534}, ArrayExpr.eval("u - 1", env).data());
        assertArrayEquals(new double[] {1}, ArrayExpr.eval("w * w", env).data());
        assertArrayEquals(new double[] {32768.5, -32766.5, 6.5}, ArrayExpr.eval("s + 1.5", env).data());
        assertArrayEquals(new double[] {16383.5, -16384, 2.5}, ArrayExpr.eval("s / 2", env).data());
        // numpy adds int16 in a 64-bit accumulator: no wrap
        assertArrayEquals(new double[] {32768}, ArrayExpr.eval("sum(t)", Map.of("t", typed(NumpyType.I16, 32767, 1))).data());
        assertArrayEquals(new double[] {32767}, ArrayExpr.eval("max(s)", env).data());
        assertArrayEquals(new double[] {-32768}, ArrayExpr.eval("min(s)", env).data());
        // abs of int16's most negative value wraps to itself, as in numpy
        assertArrayEquals(new double[] {32767, -32768, 5}, ArrayExpr.eval("abs(s)", env).data());
    }

    /** numpy computes float32 arrays in float32: each operation rounds, so an exact comparison holds. */
    @Test
    void floatExpressionsRoundAsNumpysFloat32AndFloat16() {
        SplittableRandom rnd = new SplittableRandom(17);
        double[] x = new double[64];
        double[] cube = new double[64];
        double[] root = new double[64];
        double[] scaled = new double[64];
        for (int i = 0; i < x.length; i++) {
            float f = (float) (rnd.nextDouble() * 60 - 30);
            x[i] = f;
            float n = -(f + 10f);
            cube[i] = n * n * n;
            root[i] = (float) Math.sqrt(Math.abs(f));
            scaled[i] = 42f * (2f + f) + 42f * (6f + f);
        }
        Map<String, ArrayExpr.Typed> env = Map.of("x", typed(NumpyType.F32, x), "h", typed(NumpyType.F16, Half.round(0.1f)),
                "i", typed(NumpyType.I16, 3));
        assertArrayEquals(cube, ArrayExpr.eval("(-(x + 10)) * (-(x + 10)) * (-(x + 10))", env).data());
        assertArrayEquals(root, ArrayExpr.eval("sqrt(abs(x))", env).data());
        assertArrayEquals(scaled, ArrayExpr.eval("42 * (2.0 + x) + 42 * (6 + x)", env).data());
        assertArrayEquals(new double[] {Half.round(Half.round(0.1f) * 3f)}, ArrayExpr.eval("h * 3", env).data());
        // numpy: int16 with float16 gives float32
        assertArrayEquals(new double[] {(float) (3 + (double) Half.round(0.1f))}, ArrayExpr.eval("i + h", env).data());
        assertEquals((float) Math.sqrt(3), ArrayExpr.eval("sqrt(i)", env).data()[0]);
    }

    /** residual.csl on WSE-3 initialises a queue only for a color whose number is not 15: {@code @get_int(color)}. */
    @Test
    void getIntGivesTheNumberOfAColorTaskIdOrQueue() throws Exception {
        String pe = """
                param memcpy_params: comptime_struct;
                const sys_mod = @import_module("<memcpy/memcpy>", memcpy_params);
                const c: color = @get_color(7);
                const t: local_task_id = @get_local_task_id(12);
                const q = @get_output_queue(5);
                var out = @zeros([4]f32);
                var out_ptr: [*]f32 = &out;
                fn compute() void {
                  out[0] = @as(f32, @get_int(c));
                  out[1] = @as(f32, @get_int(t));
                  out[2] = @as(f32, @get_int(q));
                  if (@get_int(c) != 15) { out[3] = 1.0; }
                  sys_mod.unblock_cmd_stream();
                }
                comptime { @export_symbol(out_ptr, "out"); @export_symbol(compute); }
                """;
        String json = """
                { "steps": [ { "launch": "compute" },
                  { "copy_out": { "symbol": "out", "array": "out", "rect": { "width": 1, "height": 1 }, "per_pe": 4 } },
                  { "check": { "array": "out", "expected": [7, 12, 5, 1], "tolerance": 0 } } ] }
                """;
        assertPasses(run(Map.of("layout.csl", SdkConstructsTest.LAYOUT, "pe.csl", pe, "run.json", json), "wse3"));
    }

    /** An input array in error was reported again by every step that used it; now once, at its definition. */
    @Test
    void anArrayInErrorIsReportedOnceNotAgainWhereUsed() {
        String bad = "\"a\": { \"shape\": [14], \"values\": [1, 2, 3] }";
        org.waferscope.engine.csl.ProgramLoadException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.waferscope.engine.csl.ProgramLoadException.class, () -> steps(bad, COPY,
                        "{ \"check\": { \"array\": \"out\", \"expected\": \"2 * a + 1\", \"tolerance\": 0 } }"));
        assertEquals(1, e.getMessage().split("error:", -1).length - 1, e.getMessage());
        assertTrue(e.getMessage().contains("cannot reshape 3 elements to [14]"), e.getMessage());
    }
}
