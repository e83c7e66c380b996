package org.waferscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --build N[:VARIANT]} on every command that opens a program folder: the build named
 * is the one loaded, and one the script does not have is refused at the script, exit code 2.
 * The folder is an SDK-style example of our own whose two builds differ in width (1 and 3 PEs);
 * its PE program and host steps are the checker test's.
 */
class BuildOptionCommandsTest {
    private static final String LAYOUT = """
            param w: i16;
            const memcpy = @import_module("<memcpy/get_params>", .{ .width = w, .height = 1 });
            layout {
              @set_rectangle(w, 1);
              var x: i16 = 0;
              while (x < w) : (x += 1) {
                @set_tile_code(x, 0, "pe.csl", .{ .memcpy_params = memcpy.get_params(x) });
              }
              @export_name("v", [*]f32, true);
              @export_name("go", fn()void);
            }
            """;

    private static String twoBuilds(Path tmp) throws Exception {
        Path dir = tmp.resolve("two-builds");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("commands_wse2.sh"), "cslc ./layout.csl --fabric-dims=10,3 --fabric-offsets=4,1 "
                + "--params=w:1 -o a --memcpy --channels 1\ncs_python run.py --name a\n"
                + "cslc ./layout.csl --fabric-dims=10,3 --fabric-offsets=4,1 --params=w:3 -o b --memcpy --channels 1\n"
                + "cs_python run.py --name b\n");
        Files.writeString(dir.resolve("layout.csl"), LAYOUT);
        Files.writeString(dir.resolve("pe.csl"), SdkExamplesCheckCommandTest.PE);
        Files.writeString(dir.resolve("run.json"), SdkExamplesCheckCommandTest.RUN);
        return dir.toString();
    }

    private static void refusedAtTheScript(CliRun o) {
        assertEquals(WaferscopeCli.INVALID_PROGRAM, o.code(), o.out() + o.err());
        assertTrue(o.err().contains("commands_wse2.sh:1:1: error: the build script has 2 builds (cslc commands); "
                + "--build 3 names none"), o.err());
    }

    @Test
    void benchMeasuresTheBuildNamed(@TempDir Path tmp) throws Exception {
        String dir = twoBuilds(tmp);
        CliRun first = CliRun.of("bench", dir, "--threads", "1", "--repeat", "1");
        CliRun second = CliRun.of("bench", dir, "--threads", "1", "--repeat", "1", "--build", "2");
        assertEquals(0, second.code(), second.out() + second.err());
        assertTrue(first.out().contains("[wse2, 1 × 1 PEs]"), first.out());
        assertTrue(second.out().contains("[wse2, 3 × 1 PEs]"), second.out());
        CliRun load = CliRun.of("bench", dir, "--load", "--repeat", "1", "--build", "2");
        assertTrue(load.out().contains("[wse2, 3 × 1 PEs]"), load.out());
    }

    @Test
    void exportTraceTracesTheBuildNamed(@TempDir Path tmp) throws Exception {
        String dir = twoBuilds(tmp);
        Path trace = tmp.resolve("t.json");
        CliRun o = CliRun.of("export-trace", dir, "--out", trace.toString(), "--build", "2");
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("of 3 PE(s) at (0, 0) 3 × 1"), o.out());
    }

    @Test
    void compareSetsTwoBuildsSideBySide(@TempDir Path tmp) throws Exception {
        String dir = twoBuilds(tmp);
        CliRun o = CliRun.of("compare", dir, "--build-a", "1", "--build-b", "2");
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("A: " + dir + " --build 1"), o.out());
        assertTrue(o.out().contains("B: " + dir + " --build 2"), o.out());
    }

    @Test
    void aBuildTheScriptHasNotIsRefusedAtTheScriptByEveryCommand(@TempDir Path tmp) throws Exception {
        String dir = twoBuilds(tmp);
        refusedAtTheScript(CliRun.of("run", dir, "--build", "3"));
        refusedAtTheScript(CliRun.of("bench", dir, "--build", "3", "--threads", "1", "--repeat", "1"));
        refusedAtTheScript(CliRun.of("bench", dir, "--build", "3", "--load", "--repeat", "1"));
        refusedAtTheScript(CliRun.of("export-trace", dir, "--out", tmp.resolve("t.json").toString(), "--build", "3"));
        CliRun compare = CliRun.of("compare", dir, "--build-b", "3");
        refusedAtTheScript(compare);
        assertTrue(compare.err().contains("run B (" + dir + " --build 3) does not load"), compare.err());
        assertTrue(Files.notExists(tmp.resolve("t.json")));
    }

    @Test
    void aMalformedBuildIsAUsageErrorNamingTheOption(@TempDir Path tmp) throws Exception {
        String dir = twoBuilds(tmp);
        for (String[] args : new String[][] {{"run", dir, "--build", "two"}, {"bench", dir, "--build", "two"},
                {"export-trace", dir, "--out", tmp.resolve("t.json").toString(), "--build", "two"},
                {"compare", dir, "--build", "two"}}) {
            CliRun o = CliRun.of(args);
            assertEquals(WaferscopeCli.INVALID_PROGRAM, o.code(), args[0] + ": " + o.err());
            assertTrue(o.err().contains("waferscope: --build: a build is chosen as N or N:VARIANT"), args[0] + ": " + o.err());
        }
        CliRun b = CliRun.of("compare", dir, "--build-b", "0");
        assertTrue(b.err().contains("waferscope: run B: --build-b: a build is chosen as N or N:VARIANT"), b.err());
    }

    @Test
    void aBundledSampleRefusesABuildAsAFolderWithoutAScriptDoes(@TempDir Path tmp) throws Exception {
        Path plain = tmp.resolve("plain");
        Files.createDirectories(plain);
        Files.writeString(plain.resolve("layout.csl"), LAYOUT);
        Files.writeString(plain.resolve("pe.csl"), SdkExamplesCheckCommandTest.PE);
        Files.writeString(plain.resolve("run.json"), SdkExamplesCheckCommandTest.RUN);
        CliRun folder = CliRun.of("run", plain.toString(), "--build", "2");
        assertEquals(WaferscopeCli.INVALID_PROGRAM, folder.code(), folder.out() + folder.err());
        for (String command : new String[] {"run", "export-trace"}) {
            CliRun o = command.equals("run") ? CliRun.of("run", "broadcast-chain", "--build", "2")
                    : CliRun.of("export-trace", "broadcast-chain", "--out", tmp.resolve("t.json").toString(), "--build", "2");
            assertEquals(folder.code(), o.code(), command + ": " + o.out() + o.err());
            assertTrue(o.err().contains("broadcast-chain:1:1: error: --build 2 chooses a build of an SDK example's build "
                    + "script, and the bundled sample broadcast-chain has none"), o.err());
            assertTrue(!o.out().contains("cycles"), "nothing ran: " + o.out());
        }
    }
}
