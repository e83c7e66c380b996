package org.waferscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a second new user met on the command line: each now says what is wrong, and exits 2. */
class SecondReviewCliTest {

    @Test
    void aBreakpointThatCanNeverFireIsAUsageError() {
        for (String spec : new String[] {"receiver.csl:9999", "nosuch.csl:3", "task:99", "write:nosuch",
            "receiver.csl:27 if nosuch > 3", "cycle:-5", "host-step:6"}) {
            CliRun o = CliRun.of("run", "broadcast-chain", "--break", spec);
            assertEquals(2, o.code(), spec + ": " + o.out() + o.err());
            assertTrue(o.err().contains("--break"), spec + ": " + o.err());
            assertFalse(o.out().contains("breakpoint hit(s)"), "the run does not start: " + o.out());
        }
    }

    @Test
    void anOnlyThatMatchesNothingSaysSo(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("tutorials").resolve("gemv-01"));
        CliRun o = CliRun.of("sdk-examples-check", dir.toString(), "--only", "zzz");
        assertEquals(2, o.code(), o.out() + o.err());
        assertTrue(o.err().contains("--only zzz: no example's folder name contains it"), o.err());
    }

    @Test
    void anSdkLayoutExampleIsSaidToBeOneByRun(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("gv.csl"), "const n: i16 = 4;\n");
        Files.writeString(dir.resolve("run.py"), "layout = SdkLayout(config)\n");
        CliRun o = CliRun.of("run", dir.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("uses the SDK's Python layout API"), o.err());
        assertFalse(o.err().contains("no run.json"), o.err());
    }

    @Test
    void exportTraceRefusesAnEmptyTraceAndSaysWhyItCannotWrite() {
        CliRun zero = CliRun.of("export-trace", "broadcast-chain", "--out", "/tmp/never-written.json", "--cycles", "0");
        assertEquals(2, zero.code());
        assertTrue(zero.err().contains("--cycles wants 1 or more"), zero.err());
        CliRun nowhere = CliRun.of("export-trace", "broadcast-chain", "--out", "/nonexistent/dir/x.json");
        assertEquals(2, nowhere.code());
        assertTrue(nowhere.err().contains("there is no folder /nonexistent/dir"), nowhere.err());
    }

    @Test
    void trainSaysAWaferSampleIsOne() {
        CliRun o = CliRun.of("train", "broadcast-chain");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("broadcast-chain is a bundled wafer sample"), o.err());
        assertTrue(o.err().contains("run broadcast-chain"), o.err());
    }

    @Test
    void aBadParamSaysOptionOnce() {
        CliRun o = CliRun.of("run", "broadcast-chain", "--param", "x");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("Value for option '--param'"), o.err());
        assertFalse(o.err().contains("option option"), o.err());
    }

    @Test
    void compareShowsShapesAndNoPeByPeDifferenceAcrossShapes() {
        CliRun o = CliRun.of("compare", "broadcast-chain", "gemv-checkerboard");
        String fabric = o.out().lines().filter(l -> l.startsWith("fabric")).findFirst().orElse("");
        assertTrue(fabric.matches("fabric\\s+5 × 1\\s+4 × 4\\s+differs"), "before: PE counts 5 16 +11: " + o.out());
        assertFalse(o.out().contains("max |B-A|"), o.out());
        assertTrue(o.out().contains("fabrics differ in shape: no PE-by-PE difference"), o.out());
        assertFalse(o.out().contains(" 1 PEs "), o.out());
    }

    @Test
    void aSmallDifferenceShowsItsDigitsAndOnePeIsOne() {
        var l = new org.waferscope.engine.trace.RunComparison.LayerDiff(org.waferscope.engine.api.MetricLayer.UTILIZATION,
                "% busy", 1, 1, 1e-6, 1e-7, 1, new float[] {0, 1e-6f});
        assertEquals("max |B-A| 1.00e-06, 1 PE differs", CompareReport.perPe(l));
    }
}
