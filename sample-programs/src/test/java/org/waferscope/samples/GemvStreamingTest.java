package org.waferscope.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.WaferStatus;

/** Sample 4: streamed x and b give y = A x + b; streaming b before x hangs once b no longer fits in its queue. */
class GemvStreamingTest {

    /** y starts at 0, takes one column per element of x, then b: the kernel's order. */
    static float[] reference(float[] a, float[] x, float[] b, int m, int n) {
        float[] y = new float[m];
        for (int c = 0; c < n; c++) {
            for (int r = 0; r < m; r++) {
                y[r] = y[r] + a[r * n + c] * x[c];
            }
        }
        for (int r = 0; r < m; r++) {
            y[r] = y[r] + b[r];
        }
        return y;
    }

    @ParameterizedTest
    @CsvSource({"12,8,wse2", "12,8,wse3", "1,1,wse2", "64,64,wse2"})
    void streamsInAndOut(int m, int n, String arch) throws Exception {
        RunResult r = Samples.run("gemv-streaming", Map.of("M", "" + m, "N", "" + n), arch, 1);
        Samples.assertHalted(r);
        float[] expected = reference(Samples.floats(r, "A"), Samples.floats(r, "x"), Samples.floats(r, "b"), m, n);
        Samples.assertClose(expected, Samples.floats(r, "y"), 0, "y");
    }

    /** The lesson's experiment: b first works only while all of b fits in its input queue (6 deep on WSE-2). */
    @ParameterizedTest
    @CsvSource({"6,false", "7,true", "12,true"})
    void streamingBBeforeXHangsOnceBNoLongerFits(int m, boolean hangs) throws Exception {
        String run = Samples.text("gemv-streaming", "run.json");
        String x = run.substring(run.indexOf("    { \"stream_in\": { \"array\": \"x\""));
        x = x.substring(0, x.indexOf('\n') + 1);
        String b = run.substring(run.indexOf("    { \"stream_in\": { \"array\": \"b\""));
        b = b.substring(0, b.indexOf('\n') + 1);
        String swapped = run.replace(x + b, b + x);
        assertTrue(!swapped.equals(run), "the two stream_in steps were found and swapped");

        RunResult r = Samples.runVariant("gemv-streaming", Map.of("run.json", swapped), Map.of("M", "" + m), "wse2",
                "layout.csl", "pe_program.csl");
        if (hangs) {
            assertEquals(WaferStatus.DEADLOCK, r.status());
            String report = String.join("\n", r.report());
            assertTrue(report.contains("the host is streaming"), report);
            assertTrue(report.contains("is blocked while 6 wavelet(s) wait in input queue"), report);
        } else {
            Samples.assertHalted(r);
        }
    }
}
