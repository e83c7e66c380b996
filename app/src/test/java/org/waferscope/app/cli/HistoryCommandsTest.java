package org.waferscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export-trace and compare from the command line. */
class HistoryCommandsTest {
    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void exportTraceWritesTraceEventJsonWithTheGemvTasks(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gemv.json");
        CliRun o = run("export-trace", "gemv-one-pe", "--out", file.toString());
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("task slices"), o.out());
        JsonNode events = new ObjectMapper().readTree(file.toFile()).get("traceEvents");
        boolean named = false;
        int slices = 0;
        for (JsonNode e : events) {
            if (e.get("ph").asText().equals("X") && e.get("cat").asText().equals("task")) {
                slices++;
            }
            named |= e.get("ph").asText().equals("M") && e.path("args").path("name").asText().equals("PE (0, 0)");
        }
        assertTrue(named, "the one PE has its own track");
        assertTrue(slices >= 1, "and task slices on it");
    }

    @Test
    void badRectanglesAndMissingProgramsAreRefusedWithAMessage(@TempDir Path dir) {
        CliRun o = run("export-trace", "broadcast-chain", "--out", dir.resolve("x.json").toString(), "--rect", "1,2");
        assertEquals(WaferscopeCli.INVALID_PROGRAM, o.code());
        assertTrue(o.err().contains("X,Y,W,H"), o.err());
        CliRun far = run("export-trace", "broadcast-chain", "--out", dir.resolve("y.json").toString(), "--rect",
                "40,0,2,2");
        assertEquals(WaferscopeCli.INVALID_PROGRAM, far.code());
        assertTrue(far.err().contains("outside"), far.err());
    }

    @Test
    void aProgramComparedWithItselfDiffersInNothing() throws Exception {
        CliRun o = run("compare", "broadcast-chain", "--json");
        assertEquals(0, o.code(), o.out() + o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertEquals(0, j.get("cycleDifference").asLong());
        assertTrue(j.get("identical").asBoolean());
        for (JsonNode l : j.get("layers")) {
            assertEquals(0, l.get("differingPes").asInt(), l.toString());
            assertEquals(0.0, l.get("maxAbsDiff").asDouble(), l.toString());
            assertEquals(0.0, l.get("meanAbsDiff").asDouble(), l.toString());
        }
        assertEquals(4, j.get("layers").size());
    }

    @Test
    void fifoPipelinesTwoVariantsDiffer() throws Exception {
        CliRun o = run("compare", "fifo-pipeline", "--param-a", "use_fifo=true", "--param-b", "use_fifo=false");
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("A: fifo-pipeline use_fifo=true"), o.out());
        assertTrue(o.out().contains("the runs differ"), o.out());
        JsonNode j = new ObjectMapper().readTree(run("compare", "fifo-pipeline", "--param-a", "use_fifo=true",
                "--param-b", "use_fifo=false", "--json").out());
        assertFalse(j.get("identical").asBoolean());
        assertEquals(j.get("b").get("cycles").asLong() - j.get("a").get("cycles").asLong(),
                j.get("cycleDifference").asLong());
    }

    @Test
    void aLayersDifferenceIsSignedAsTheCountsAre() {
        // the layer rows printed "16.421" and "-1.346" under the counts' "+435" and "+0"
        CliRun o = run("compare", "fifo-pipeline", "--param-a", "use_fifo=true", "--param-b", "use_fifo=false");
        assertTrue(o.out().contains("\n  utilization (% busy)             40.292         38.946         -1.346  "), o.out());
        assertTrue(o.out().contains("\n  backpressure (% stalled)         24.343         40.764        +16.421  "), o.out());
    }

    @Test
    void aRefusedParamSaysWhichRunAndWhichOptionItCameFrom() {
        CliRun b = run("compare", "fifo-pipeline", "--param-a", "use_fifo=true", "--param-b", "use_fifo=banana");
        assertEquals(WaferscopeCli.INVALID_PROGRAM, b.code(), b.out() + b.err());
        assertTrue(b.err().contains("run B (fifo-pipeline use_fifo=banana) does not load; its own params come from "
                + "--param-b:"), b.err());
        assertTrue(b.err().contains("layout.csl:12:7: error: param 'use_fifo' is bool"), b.err());
        assertFalse(b.err().contains("run A"), b.err());
        CliRun a = run("compare", "fifo-pipeline", "--param", "use_fifo=true", "--param-a", "nosuch=1");
        assertTrue(a.err().contains("run A (fifo-pipeline use_fifo=true nosuch=1) does not load; its params come from "
                + "--param and --param-a:"), a.err());
    }
}
