package org.waferscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    private static final String GEMV = Path.of("..", "sample-programs", "src", "main", "resources", "org", "waferscope",
            "samples", "gemv-checkerboard").toString();

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WaferscopeCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void gemvPassesAndPrintsASummary() {
        Outcome o = run("run", GEMV, "--param", "kernel_x_dim=2", "--param", "kernel_y_dim=8");
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("PASS"), o.out());
        assertTrue(o.out().contains("state hash"), o.out());
    }

    @Test
    void jsonHasTheDocumentedFieldsAndTheSameHashOnTwoThreads() throws Exception {
        ObjectMapper m = new ObjectMapper();
        JsonNode one = m.readTree(run("run", GEMV, "--json", "--threads", "1").out());
        JsonNode two = m.readTree(run("run", GEMV, "--json", "--threads", "2").out());
        for (String f : new String[] {"program", "arch", "fabric", "cycles", "stateHash", "checks", "wavelets",
                "wallSeconds", "cyclesPerSecond"}) {
            assertTrue(one.has(f), f);
        }
        assertEquals(4, one.get("fabric").get("width").asInt());
        assertTrue(one.get("checks").get(0).get("pass").asBoolean());
        assertEquals(one.get("stateHash"), two.get("stateHash"));
        assertEquals(one.get("cycles"), two.get("cycles"));
    }

    @Test
    void aProgramWithoutChecksSaysSo() {
        Outcome o = run("run", "game-of-life");
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("no checks: this program's run.json checks nothing"), o.out());
        assertTrue(!run("run", GEMV).out().contains("no checks"), "a program with checks does not say it");
    }

    @Test
    void everyCommandKnowsTheVersion() {
        for (String cmd : new String[] {"run", "bench"}) {
            Outcome o = run(cmd, "-V");
            assertEquals(0, o.code());
            assertEquals(WaferscopeCli.VERSION, o.out().trim(), cmd);
        }
    }

    @Test
    void bundledSamplesRunByName() {
        assertEquals(0, run("run", "gemv-checkerboard", "--arch", "wse3").code());
    }

    @Test
    void invalidProgramExitsTwoWithPositions(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("layout.csl"), "layout {\n  @set_rectangle(2, 1)\n}\n");
        Files.writeString(dir.resolve("run.json"), "{ \"steps\": [], \"colour\": 1 }");
        Outcome o = run("run", dir.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("layout.csl:3:1: error:"), o.err());
        assertTrue(o.err().contains("run.json:1:16: error: unknown key \"colour\""), o.err());
    }

    @Test
    void failedCheckExitsOne(@TempDir Path dir) throws Exception {
        for (String f : new String[] {"layout.csl", "pe_program.csl"}) {
            Files.copy(Path.of(GEMV, f), dir.resolve(f));
        }
        String run = Files.readString(Path.of(GEMV, "run.json")).replace("\"A @ x + b\"", "\"A @ x\"");
        Files.writeString(dir.resolve("run.json"), run);
        Outcome o = run("run", dir.toString());
        assertEquals(1, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("FAIL"), o.out());
    }

    @Test
    void tinyCycleBudgetExitsThreeWithTheReport() {
        Outcome o = run("run", GEMV, "--max-cycles", "10");
        assertEquals(3, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("budget"), o.out());
        assertTrue(o.out().contains("no checks ran: the run stopped before the host reached them"), o.out());
        assertTrue(!o.out().contains("checks nothing"), o.out());
    }

    @Test
    void benchPrintsThroughputPerThreadCount() {
        Outcome o = run("bench", "broadcast-chain", "--threads", "1,2", "--repeat", "1");
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("cycles/s"), o.out());
    }
}
