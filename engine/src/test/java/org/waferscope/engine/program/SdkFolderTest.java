package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waferscope.engine.csl.ProgramLoadException;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.Wafer;

/** A folder laid out as the SDK's examples are (a build script, the layout under src/) opens as it is. */
class SdkFolderTest {
    static final String SCRIPT = """
            #!/usr/bin/env bash
            set -e
            cslc ./src/scale_layout.csl --arch wse2 --fabric-dims=9,4 --fabric-offsets=4,1 \\
            --params=count:3 --params=factor:5 -o=out \\
            --memcpy --channels=1
            cs_python run.py --name out
            """;

    static final String LAYOUT = """
            param count: i16;
            param factor: i16;
            const memcpy = @import_module("<memcpy/get_params>", .{ .width = count, .height = 1 });
            layout {
              @set_rectangle(count, 1);
              for (@range(i16, count)) |x| {
                @set_tile_code(x, 0, "scale.csl", .{ .memcpy_params = memcpy.get_params(x), .factor = factor });
              }
              @export_name("v", [*]i32, true);
              @export_name("go", fn()void);
            }
            """;

    static final String PE = """
            param memcpy_params: comptime_struct;
            param factor: i16;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);
            var v: [2]i32;
            var v_ptr: [*]i32 = &v;
            fn go() void {
              v[0] = v[0] * @as(i32, factor);
              v[1] = v[1] * @as(i32, factor);
              sys.unblock_cmd_stream();
            }
            comptime {
              @export_symbol(v_ptr, "v");
              @export_symbol(go);
            }
            """;

    static final String RUN = """
            { "sdk_layout": "src/scale_layout.csl",
              "arrays": { "a": { "type": "i32", "shape": ["2 * count"], "arange": { "start": 1 } } },
              "steps": [
                { "copy_in": { "array": "a", "symbol": "v", "rect": { "width": "count", "height": 1 } } },
                { "launch": "go" },
                { "copy_out": { "symbol": "v", "array": "out", "type": "i32", "rect": { "width": "count", "height": 1 }, "per_pe": 2 } },
                { "check": { "array": "out", "expected": "a * factor" } }
              ] }
            """;

    static Path folder(Path dir, String run) throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("commands_wse2.sh"), SCRIPT);
        Files.writeString(dir.resolve("src/scale_layout.csl"), LAYOUT);
        Files.writeString(dir.resolve("src/scale.csl"), PE);
        if (run != null) {
            Files.writeString(dir.resolve("run.json"), run);
        }
        return dir;
    }

    @Test
    void buildScriptOptionsAreRead() {
        SdkCommands c = SdkCommands.parse(SCRIPT);
        assertEquals("src/scale_layout.csl", c.layout());
        assertEquals(Map.of("count", "3", "factor", "5"), c.params());
        assertEquals(9, c.fabricWidth());
        assertEquals(4, c.fabricHeight());
        assertEquals(4, c.offsetX());
        assertEquals(1, c.offsetY());
        assertEquals("wse2", c.arch());
        assertNull(SdkCommands.parse("cs_python run.py --arch=wse2\n"));
        SdkCommands colors = SdkCommands.parse("cslc --arch=wse3 ./code.csl --colors=c_in:4 --params=n:2,m:3\n");
        assertEquals("code.csl", colors.layout());
        assertEquals(Map.of("c_in", "4", "n", "2", "m", "3"), colors.params());
        assertEquals("wse3", colors.arch());
    }

    @Test
    void aFolderWithABuildScriptRunsWithItsParamsAndCslBesideTheLayout(@TempDir Path tmp) throws Exception {
        WaferProgram p = ProgramLoader.load(folder(tmp.resolve("scale-example"), RUN), ProgramLoader.LoadOptions.DEFAULTS);
        assertEquals(3, p.layout().width());
        assertEquals("5", p.params().get("factor"));
        try (Wafer w = Wafer.load(p, 1)) {
            RunResult r = w.runToCompletion(100_000);
            assertTrue(r.allChecksPass() && !r.checks().isEmpty(), () -> r.checks().toString());
        }
        WaferProgram more = ProgramLoader.load(tmp.resolve("scale-example"),
                ProgramLoader.LoadOptions.DEFAULTS.withParams(Map.of("count", "4")));
        assertEquals(4, more.layout().width(), "--param overrides the build script");
    }

    @Test
    void stepsForAnotherLayoutAndARectangleOffTheFabricAreRefused(@TempDir Path tmp) throws Exception {
        String other = RUN.replace("src/scale_layout.csl", "layout.csl");
        ProgramLoadException e = assertThrows(ProgramLoadException.class,
                () -> ProgramLoader.load(folder(tmp.resolve("a"), other), ProgramLoader.LoadOptions.DEFAULTS));
        assertTrue(e.getMessage().contains("run.json:1:3: error: these host steps were written for an example whose layout is layout.csl"),
                e.getMessage());
        ProgramLoadException wide = assertThrows(ProgramLoadException.class, () -> ProgramLoader.load(tmp.resolve("a"),
                ProgramLoader.LoadOptions.DEFAULTS.withParams(Map.of("count", "6"))));
        assertTrue(wide.getMessage().contains("does not fit the 9x4 fabric"), wide.getMessage());
    }

    @Test
    void withoutHostStepsTheCslIsStillCheckedAndTheReasonGiven(@TempDir Path tmp) throws Exception {
        Path dir = folder(tmp.resolve("not-bundled"), null);
        Files.writeString(dir.resolve("src/scale.csl"), PE.replace("v[1] * ", "v[1] * nope * "));
        ProgramLoadException e = assertThrows(ProgramLoadException.class,
                () -> ProgramLoader.load(dir, ProgramLoader.LoadOptions.DEFAULTS));
        assertEquals(2, e.diagnostics().size(), e.getMessage());
        assertTrue(e.diagnostics().get(0).toString().startsWith("scale.csl:"), e.getMessage());
        assertTrue(e.diagnostics().get(1).message().contains("Waferscope bundles no host steps for an example named \"not-bundled\""));
    }

    static final String TWO_BUILDS = """
            #!/usr/bin/env bash
            set -e
            cslc ./src/scale_layout.csl --arch wse2 --fabric-dims=9,4 --fabric-offsets=4,1 \\
            --params=count:3,factor:5 -o out-a --memcpy --channels=1
            cs_python run.py --name out-a
            cs_python run.py --name out-a --inverse
            # the second build
            cslc ./src/scale_layout.csl --arch wse2 --fabric-dims=9,4 --fabric-offsets=4,1 \\
            --params=count:4,factor:7 -o out-b --memcpy --channels=1
            cs_python run.py --name out-b --cmaddr 1.2.3.4:9000
            cs_python run.py --inverse --name out-b
            """;

    @Test
    void everyCslcCommandIsABuildWithTheRunsThatFollowIt() {
        java.util.List<SdkBuild> builds = SdkBuild.parseAll(TWO_BUILDS);
        assertEquals(2, builds.size());
        assertEquals(1, builds.get(0).number());
        assertEquals("[count:3,factor:5]", builds.get(0).label());
        assertEquals(java.util.List.of("", "--inverse"), builds.get(0).variants());
        assertEquals(Map.of("count", "4", "factor", "7"), builds.get(1).commands().params());
        assertEquals(java.util.List.of("", "--inverse"), builds.get(1).variants(), "--name and --cmaddr say only where");
        assertEquals("inverse", SdkChoice.key("--inverse"));
        assertEquals("real-norm-1", SdkChoice.key("--real --norm 1"));
        assertEquals(new SdkChoice(2, "inverse"), SdkChoice.parse("2:inverse"));
        assertThrows(IllegalArgumentException.class, () -> SdkChoice.parse("second"));
        assertThrows(IllegalArgumentException.class, () -> SdkChoice.parse("0"));
    }

    @Test
    void buildChoosesTheCslcCommandAndAMissingOneIsRefusedAtTheScript(@TempDir Path tmp) throws Exception {
        Path dir = folder(tmp.resolve("two"), RUN);
        Files.writeString(dir.resolve("commands_wse2.sh"), TWO_BUILDS);
        WaferProgram first = ProgramLoader.load(dir, ProgramLoader.LoadOptions.DEFAULTS);
        assertEquals(3, first.layout().width());
        WaferProgram second = ProgramLoader.load(dir, ProgramLoader.LoadOptions.DEFAULTS.withBuild(new SdkChoice(2, "")));
        assertEquals(4, second.layout().width());
        assertEquals("7", second.params().get("factor"));
        try (Wafer w = Wafer.load(second, 1)) {
            RunResult r = w.runToCompletion(100_000);
            assertTrue(r.allChecksPass() && !r.checks().isEmpty(), () -> r.checks().toString());
        }
        ProgramLoadException none = assertThrows(ProgramLoadException.class, () -> ProgramLoader.load(dir,
                ProgramLoader.LoadOptions.DEFAULTS.withBuild(new SdkChoice(3, ""))));
        assertEquals("commands_wse2.sh:1:1: error: the build script has 2 builds (cslc commands); --build 3 names none",
                none.diagnostics().get(0).toString());
        ProgramLoadException variant = assertThrows(ProgramLoadException.class, () -> ProgramLoader.load(dir,
                ProgramLoader.LoadOptions.DEFAULTS.withBuild(new SdkChoice(2, "real"))));
        assertTrue(variant.getMessage().contains("--build 2:real names no run of it"), variant.getMessage());
        // the folder's own run.json serves every build: no variant has host steps of its own
        assertEquals(java.util.List.of("[count:3,factor:5]", "[count:4,factor:7]"),
                SdkFolderSource.choices(dir, false).stream().map(SdkFolderSource.Choice::label).toList());
        Files.createDirectories(tmp.resolve("plain"));
        Files.writeString(tmp.resolve("plain/layout.csl"), "layout { @set_rectangle(1, 1); }");
        ProgramLoadException notSdk = assertThrows(ProgramLoadException.class, () -> ProgramLoader.load(tmp.resolve("plain"),
                ProgramLoader.LoadOptions.DEFAULTS.withBuild(new SdkChoice(2, ""))));
        assertTrue(notSdk.getMessage().contains("--build 2 chooses a build of an SDK example's build script"),
                notSdk.getMessage());
    }

    /** fft-1d-2d's bundled steps: the 2-D build and its --inverse run are choices of their own. */
    @Test
    void bundledVariantsAreChoices(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("fft-1d-2d");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("commands_wse2.sh"), TWO_BUILDS.replace("./src/scale_layout.csl", "./layout.csl"));
        assertEquals(java.util.List.of("1", "2", "2:inverse"),
                SdkFolderSource.choices(dir, false).stream().map(c -> c.choice().spec()).toList());
        assertEquals("[count:4,factor:7] --inverse", SdkFolderSource.choices(dir, false).get(2).label());
    }
}
