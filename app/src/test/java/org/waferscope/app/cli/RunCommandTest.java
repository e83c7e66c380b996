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

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void breakpointsAreReportedAndTheRunGoesOn() {
        CliRun o = run("run", "broadcast-chain", "--break", "receiver.csl:27@2,0", "--break", "host-step:3");
        assertEquals(0, o.code(), o.out() + o.err());
        assertEquals(3, o.out().lines().filter(l -> l.contains("PE (2, 0) arrived at line 27")).count(), o.out());
        assertTrue(o.out().contains("  breakpoint host step 3: the host reached step 3"), o.out());
        assertTrue(!o.out().contains("paused"), "the run goes on at a hit: " + o.out());
        assertTrue(o.out().contains("4 breakpoint hit(s)"), o.out());
        CliRun bad = run("run", "broadcast-chain", "--break", "receiver");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--break: expected FILE:LINE"), bad.err());
    }

    @Test
    void aMistypedSampleNameListsOnlyTheSamplesTheCommandTakes() {
        // run listed cluster-digits among the samples, and then refused it: it trains with `train`
        String[][] asked = {{"run", "game-of-lif"}, {"check", "game-of-lif"},
            {"export-trace", "game-of-lif", "--out", "unused.json"}, {"compare", "game-of-lif"}};
        for (String[] args : asked) {
            String err = run(args).err();
            int from = err.indexOf("; the samples are broadcast-chain, ");
            int to = err.indexOf(", and for train: cluster-digits; did you mean 'game-of-life'?");
            assertTrue(from > 0 && to > from, err);
            String listed = err.substring(from, to);
            assertTrue(listed.contains("relay-deadlock") && !listed.contains("cluster"), err);
        }
    }

    @Test
    void aMistypedSampleNameListsTheSamples() {
        CliRun o = run("run", "game-of-lif");
        assertEquals(2, o.code(), o.out() + o.err());
        assertTrue(o.err().contains("no program folder game-of-lif here, and no sample named game-of-lif; the samples are "
                + "broadcast-chain, "), o.err());
        assertTrue(o.err().contains("game-of-life"), o.err());
        assertTrue(o.err().contains("cluster-digits; did you mean 'game-of-life'?"), "the likeliest, after the list: " + o.err());
    }

    @Test
    void aMisspeltParamIsAnsweredWithTheParamItMostLikelyMeant() {
        CliRun o = run("run", "mandelbrot", "--param", "iter=3");
        assertEquals(2, o.code(), o.out() + o.err());
        assertTrue(o.err().contains("a value is given for param 'iter' but layout.csl declares no such param; "
                + "did you mean 'iters'?"), o.err());
    }

    @Test
    void breakpointHitsWithJsonLeaveStdoutOneObject() throws Exception {
        CliRun o = run("run", "broadcast-chain", "--break", "host-step:3", "--json");
        assertEquals(0, o.code(), o.out() + o.err());
        assertEquals("broadcast-chain", new ObjectMapper().readTree(o.out()).get("program").asText(), o.out());
        assertTrue(o.err().contains("1 breakpoint hit(s)"), o.err());
    }

    @Test
    void theWallTimeOfARunWithBreakpointsCoversTheCyclesRunBetweenHits() throws Exception {
        // the err stream notes when the first hit and the hit count are written: the run's timed part lies between
        long[] at = new long[2];
        StringWriter errText = new StringWriter() {
            @Override
            public void write(String s, int off, int len) {
                super.write(s, off, len);
                long now = System.nanoTime();
                if (at[0] == 0 && toString().contains("reached cycle 1")) {
                    at[0] = now;
                }
                if (at[1] == 0 && toString().contains("breakpoint hit(s)")) {
                    at[1] = now;
                }
            }
        };
        StringWriter out = new StringWriter();
        int code = WaferscopeCli.execute(new String[] {"run", "broadcast-chain", "--break", "cycle:1", "--break",
                "host-step:3", "--json"}, new PrintWriter(out), new PrintWriter(errText));
        assertEquals(0, code, out + errText.toString());
        assertTrue(at[0] > 0 && at[1] > at[0], errText.toString());
        double wall = new ObjectMapper().readTree(out.toString()).get("wallSeconds").asDouble();
        assertTrue(wall >= (at[1] - at[0]) / 1e9, "wall " + wall + " s, but cycles 1 to the end took "
                + (at[1] - at[0]) / 1e9 + " s");
    }

    @Test
    void gemvPassesAndPrintsASummary() {
        CliRun o = run("run", GEMV, "--param", "kernel_x_dim=2", "--param", "kernel_y_dim=8");
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
        assertEquals(1, two.get("workers").asInt(), "16 PEs are one 64-PE word, so one worker");
        assertEquals(one.get("cycles"), two.get("cycles"));
    }

    @Test
    void aClusterProgramPointsToTrain() {
        CliRun o = run("run", "cluster-digits");
        assertEquals(2, o.code(), o.out() + o.err());
        assertTrue(o.err().contains("cluster-digits is a cluster program (cluster.json): train it with `train cluster-digits`"),
                o.err());
    }

    @Test
    void aProgramWithoutChecksSaysSo(@TempDir Path dir) throws Exception {
        // game-of-life without its check (the bundled one has it since session 14)
        Path life = Path.of("..", "sample-programs", "src", "main", "resources", "org", "waferscope", "samples", "game-of-life");
        for (String f : new String[] {"layout.csl", "cell.csl", "run.json"}) {
            Files.copy(life.resolve(f), dir.resolve(f));
        }
        String json = Files.readString(dir.resolve("run.json"));
        Files.writeString(dir.resolve("run.json"), json.substring(0, json.indexOf(",\n    { \"check\""))
                + json.substring(json.indexOf("\n  ]", json.indexOf("{ \"check\""))));
        CliRun o = run("run", dir.toString());
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("no checks: this program's run.json checks nothing"), o.out());
        assertTrue(!run("run", GEMV).out().contains("no checks"), "a program with checks does not say it");
    }

    @Test
    void everyBundledWaferSampleChecksItsResult() {
        // the README calls each sample a golden test: `run` says so for each, not "no checks"
        for (String sample : new String[] {"game-of-life", "heat-diffusion", "mandelbrot"}) {
            CliRun o = run("run", sample);
            assertEquals(0, o.code(), sample + ": " + o.out() + o.err());
            assertTrue(o.out().contains("PASS check "), sample + ": " + o.out());
            assertTrue(!o.out().contains("no checks"), sample + ": " + o.out());
        }
    }

    @Test
    void anInternalErrorIsOneLineAndItsOwnExitCode() {
        StringWriter err = new StringWriter();
        int code = WaferscopeCli.internalError(new PrintWriter(err, true), "prog",
                org.waferscope.engine.api.Crash.describe(new IllegalStateException()));
        assertEquals(4, code);
        assertTrue(err.toString().startsWith("waferscope: internal error on prog: IllegalStateException at RunCommandTest"),
                err.toString());
        assertTrue(!err.toString().contains("\tat "), "no stack trace");
    }

    @Test
    void aRunThatStopsBeforeItsChecksSaysSoAndNotThatThereAreNone(@TempDir Path dir) throws Exception {
        Path gemv = Path.of("..", "sample-programs", "src", "main", "resources", "org", "waferscope", "samples", "gemv-one-pe");
        for (String f : new String[] {"layout.csl", "pe_program.csl", "run.json"}) {
            Files.copy(gemv.resolve(f), dir.resolve(f));
        }
        String pe = Files.readString(dir.resolve("pe_program.csl"));
        Files.writeString(dir.resolve("pe_program.csl"), pe.replace("fn compute() void {\n",
                "fn compute() void {\n  @activate(@get_local_task_id(12));\n"));
        CliRun o = run("run", dir.toString());
        assertEquals(3, o.code(), o.out() + o.err());
        assertTrue(!o.out().contains("no checks"), o.out());
        assertTrue(o.out().contains("checks not reached: 1 of 1 did not run"), o.out());
        assertTrue(o.out().contains("fault at PE (0, 0): task 12 was activated but is bound to nothing at pe_program.csl:"), o.out());
        assertTrue(o.out().contains("the host had reached step 4 of 6 (launch compute)"), o.out());
    }

    @Test
    void everyCommandKnowsTheVersion() {
        for (String cmd : new String[] {"run", "bench"}) {
            CliRun o = run(cmd, "-V");
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
        CliRun o = run("run", dir.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("layout.csl:2:23: error: expected ';'"), o.err());   // at the end of the line that lacks it
        assertTrue(o.err().contains("run.json:1:16: error: unknown key \"colour\""), o.err());
    }

    @Test
    void failedCheckExitsOne(@TempDir Path dir) throws Exception {
        for (String f : new String[] {"layout.csl", "pe_program.csl"}) {
            Files.copy(Path.of(GEMV, f), dir.resolve(f));
        }
        String run = Files.readString(Path.of(GEMV, "run.json")).replace("\"A @ x + b\"", "\"A @ x\"");
        Files.writeString(dir.resolve("run.json"), run);
        CliRun o = run("run", dir.toString());
        assertEquals(1, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("FAIL"), o.out());
    }

    @Test
    void aChecksVerdictIsSaidOnceOnItsLine(@TempDir Path dir) throws Exception {
        CliRun pass = run("run", GEMV);
        assertTrue(pass.out().lines().anyMatch(l -> l.startsWith("PASS check y = A x + b (max abs error ")), pass.out());
        assertTrue(pass.out().lines().noneMatch(l -> l.contains("passed")), pass.out());
        for (String f : new String[] {"layout.csl", "pe_program.csl"}) {
            Files.copy(Path.of(GEMV, f), dir.resolve(f));
        }
        Files.writeString(dir.resolve("run.json"),
                Files.readString(Path.of(GEMV, "run.json")).replace("\"A @ x + b\"", "\"A @ x\""));
        CliRun fail = run("run", dir.toString());
        assertTrue(fail.out().lines().anyMatch(l -> l.matches("FAIL check .*: \\d+ element\\(s\\) off, first at .*")),
                fail.out());
        assertTrue(fail.out().lines().noneMatch(l -> l.contains("FAILED")), fail.out());
    }

    @Test
    void aDeadlockAfterWaveletsLeftTheFabricSaysWhere(@TempDir Path dir) throws Exception {
        Path chain = Path.of("..", "sample-programs", "src", "main", "resources", "org", "waferscope", "samples",
                "broadcast-chain");
        for (String f : new String[] {"sender.csl", "receiver.csl", "run.json"}) {
            Files.copy(chain.resolve(f), dir.resolve(f));
        }
        // the sender's route WEST leads off the 5x1 rectangle: its three wavelets vanish, as in the SDK
        Files.writeString(dir.resolve("layout.csl"), Files.readString(chain.resolve("layout.csl"))
                .replace(".rx = .{ RAMP }, .tx = .{ EAST } }", ".rx = .{ RAMP }, .tx = .{ WEST } }"));
        CliRun o = run("run", dir.toString());
        assertEquals(3, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("wavelets left the fabric, so whoever waits for them waits forever:"), o.out());
        assertTrue(o.out().contains("PE (0, 0) sent 3 wavelets of color 0 WEST, off the fabric's edge"), o.out());
    }

    @Test
    void tinyCycleBudgetExitsThreeWithTheReport() {
        CliRun o = run("run", GEMV, "--max-cycles", "10");
        assertEquals(3, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("budget"), o.out());
        assertTrue(o.out().contains("checks not reached: 1 of 1 did not run"), o.out());
        assertTrue(!o.out().contains("checks nothing"), o.out());
    }

    @Test
    void benchPrintsThroughputPerThreadCount() {
        CliRun o = run("bench", "broadcast-chain", "--threads", "1,2", "--repeat", "1");
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("cycles/s"), o.out());
    }

    @Test
    void aDeadlockIsNamedOnceAtTheHeadOfItsReport() {
        CliRun o = run("run", "relay-deadlock");
        assertEquals(3, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("\ndeadlock at cycle 19: work remains but nothing can move\n  the host is waiting"), o.out());
        assertTrue(!o.out().contains("deadlock:\n  deadlock"), "said twice: " + o.out());
    }

    @Test
    void aLayoutFileGivenForItsFolderNamesTheFolder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        java.nio.file.Path layout = java.nio.file.Files.writeString(tmp.resolve("layout.csl"), "layout { }");
        CliRun o = run("run", layout.toString());
        assertEquals(2, o.code(), o.out() + o.err());
        assertTrue(o.err().contains("is a file, not a folder: give the program folder that holds it, "
                + tmp.toAbsolutePath().normalize()), o.err());
    }

    @Test
    void anErrorAboutAFolderOfProgramsHasNoLineOrColumn(@TempDir Path tmp) throws Exception {
        // a teacher runs the folder above the examples: "…:1:1: error:" put a line and a column on a folder
        for (String name : new String[] {"first", "second"}) {
            Files.createDirectories(tmp.resolve(name));
            Files.writeString(tmp.resolve(name).resolve("layout.csl"), "layout { }");
        }
        CliRun o = run("run", tmp.toString());
        assertEquals(2, o.code(), o.out() + o.err());
        assertTrue(o.err().startsWith(tmp + ": error: open one of the 2 program folders inside this one (first, second)"),
                o.err());
        assertTrue(!o.err().contains(":1:1:"), o.err());
        // a positioned error keeps its place
        CliRun bad = run("run", tmp.resolve("first").toString());
        assertTrue(bad.err().contains("layout.csl:1:"), bad.err());
    }

    @Test
    void anEmptyFolderIsNamedWithWhatAProgramFolderHolds(@TempDir Path tmp) {
        // "layout.csl:1:1: error: the program folder has no layout.csl": a line of a file that is not there, no folder
        CliRun o = run("run", tmp.toString());
        assertEquals(2, o.code(), o.out() + o.err());
        String folder = tmp.toAbsolutePath().normalize().toString();
        assertEquals(folder + ": error: the program folder has no layout.csl, which says which PE runs which .csl file:"
                + " a program folder holds a layout.csl, a run.json (the host's steps) and the .csl files its layout names\n"
                + folder + ": error: the program folder has no run.json\n", o.err().replace("\r\n", "\n"));
    }

    @Test
    void anErrorAboutASampleNameHasNoLineOrColumn() {
        // "mandelbrt:1:1: error: …" put a line and a column on a name that is no file
        CliRun o = run("run", "mandelbrt");
        assertEquals(2, o.code(), o.out() + o.err());
        assertTrue(o.err().contains("no program folder mandelbrt here, and no sample named mandelbrt; "), o.err());
        assertTrue(o.err().contains("did you mean 'mandelbrot'?"), o.err());
        String[][] asked = {{"run", "mandelbrt"}, {"run", "cluster-digits"}, {"bench", "mandelbrt"},
            {"export-trace", "mandelbrt", "--out", "unused.json"}};
        for (String[] args : asked) {
            String err = run(args).err();
            assertTrue(err.startsWith(args[1] + ": error: ") && !err.contains(":0:0") && !err.contains(":1:1:"), err);
        }
    }
}
