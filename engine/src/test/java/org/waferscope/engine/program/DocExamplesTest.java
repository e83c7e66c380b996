package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.Wafer;
import org.waferscope.engine.sim.WaferStatus;

/** The layout and PE program shown in docs/csl-subset.md load and run as a program. */
class DocExamplesTest {
    private static String firstCslBlockAfter(String doc, String heading) {
        int h = doc.indexOf(heading);
        int start = doc.indexOf("```csl\n", h) + 7;
        return doc.substring(start, doc.indexOf("```", start));
    }

    @Test
    void readmeExampleRuns() throws Exception {
        String doc = Files.readString(Path.of("..", "README.md"));
        String layout = firstCslBlockAfter(doc, "## Programs");
        String pe = firstCslBlockAfter(doc, "its PE program");
        int start = doc.indexOf("```json\n") + 8;
        String run = doc.substring(start, doc.indexOf("```", start));
        WaferProgram p = ProgramLoader.load(new MemorySource("readme", Map.of("layout.csl", layout,
                "pe_program.csl", pe, "run.json", run)), ProgramLoader.LoadOptions.DEFAULTS);
        try (Wafer w = Wafer.load(p, 1)) {
            LanguageRunTest.assertPasses(w.runToCompletion(100_000));
        }
    }

    @Test
    void runJsonGuideExampleRuns() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "run-json.md"));
        int start = doc.indexOf("```json\n") + 8;
        String run = doc.substring(start, doc.indexOf("```", start));
        Path gemv = org.waferscope.engine.csl.CslFixture.sampleFolder("gemv-checkerboard");
        WaferProgram p = ProgramLoader.load(new MemorySource("doc", Map.of(
                "layout.csl", Files.readString(gemv.resolve("layout.csl")),
                "pe_program.csl", Files.readString(gemv.resolve("pe_program.csl")), "run.json", run)),
                ProgramLoader.LoadOptions.DEFAULTS);
        try (Wafer w = Wafer.load(p, 1)) {
            LanguageRunTest.assertPasses(w.runToCompletion(1_000_000));
        }
    }

    @Test
    void subsetGuideExamplesRun() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "csl-subset.md"));
        String layout = firstCslBlockAfter(doc, "## The layout file");
        String pe = firstCslBlockAfter(doc, "## PE programs");
        String run = """
                { "params": { "size": 3 },
                  "arrays": { "d": { "shape": [48], "arange": { "start": 1 } } },
                  "steps": [
                    { "copy_in": { "array": "d", "symbol": "data", "rect": { "width": "size", "height": 1 }, "per_pe": 16 } },
                    { "launch": "start" },
                    { "copy_out": { "symbol": "data", "array": "r", "rect": { "width": "size", "height": 1 }, "per_pe": 16 } },
                    { "check": { "array": "r", "expected": "2 * d" } }
                  ] }
                """;
        WaferProgram p = ProgramLoader.load(new MemorySource("doc", Map.of("layout.csl", layout, "pe_program.csl", pe,
                "run.json", run)), ProgramLoader.LoadOptions.DEFAULTS);
        try (Wafer w = Wafer.load(p, 1)) {
            RunResult r = w.runToCompletion(100_000);
            assertEquals(WaferStatus.HALTED, r.status(), () -> String.join("\n", r.report()));
            LanguageRunTest.assertPasses(r);
        }
    }

    /** The two blocks of "User modules": a module and a PE program importing it twice. */
    @Test
    void userModuleExampleRuns() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "csl-subset.md"));
        String module = firstCslBlockAfter(doc, "## User modules");
        String pe = firstCslBlockAfter(doc, "// lib/scaler.csl\nparam factor");
        String layout = """
                const memcpy = @import_module("<memcpy/get_params>", .{ .width = 2, .height = 1 });
                layout {
                  @set_rectangle(2, 1);
                  for (@range(i16, 2)) |x| {
                    @set_tile_code(x, 0, "pe_program.csl", .{ .memcpy_params = memcpy.get_params(x) });
                  }
                  @export_name("data", [*]f32, true);
                  @export_name("start", fn()void);
                }
                """;
        String run = """
                { "arrays": { "d": { "shape": [8], "arange": { "start": 1 } } },
                  "steps": [
                    { "copy_in": { "array": "d", "symbol": "data", "rect": { "width": 2, "height": 1 }, "per_pe": 4 } },
                    { "launch": "start" },
                    { "copy_out": { "symbol": "data", "array": "out", "rect": { "width": 2, "height": 1 }, "per_pe": 4 } },
                    { "check": { "array": "out", "expected": "2 * d + 10", "tolerance": 0 } } ] }
                """;
        WaferProgram p = ProgramLoader.load(new MemorySource("modules-doc", Map.of("layout.csl", layout,
                "pe_program.csl", pe, "lib/scaler.csl", module, "run.json", run)), ProgramLoader.LoadOptions.DEFAULTS);
        try (Wafer w = Wafer.load(p, 1)) {
            LanguageRunTest.assertPasses(w.runToCompletion(100_000));
        }
    }
}
