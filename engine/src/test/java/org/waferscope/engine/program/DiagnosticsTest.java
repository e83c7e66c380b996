package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.csl.ProgramLoadException;

/** Every problem is reported as file:line:col: error: message, several per load, naming what was expected. */
class DiagnosticsTest {
    private static final String LAYOUT = LanguageRunTest.ONE_PE_LAYOUT;

    private static String errors(Map<String, String> files) {
        Map<String, String> all = new HashMap<>(Map.of("layout.csl", LAYOUT, "run.json", "{ \"steps\": [] }"));
        all.putAll(files);
        ProgramLoadException e = assertThrows(ProgramLoadException.class,
                () -> ProgramLoader.load(new MemorySource("t", all), ProgramLoader.LoadOptions.DEFAULTS));
        return e.diagnostics().stream().map(Object::toString).collect(Collectors.joining("\n"));
    }

    private static String pe(String body) {
        return "param memcpy_params: comptime_struct;\n" + body;
    }

    private static void assertHas(String all, String... parts) {
        for (String p : parts) {
            assertTrue(all.contains(p), () -> "missing <" + p + "> in:\n" + all);
        }
    }

    @Test
    void severalErrorsInOneLoadWithPositions() {
        String all = errors(Map.of("pe.csl", pe("""
                fn a() void {
                  var x: u16 = nope;
                }
                fn b() void {
                  var y: f32 = 1.0;
                  y = @rpc(y);
                }
                """)));
        assertHas(all, "pe.csl:3:16: error: unknown name 'nope'", "pe.csl:7:7: error: `@rpc` is not in Waferscope's CSL subset");
    }

    @Test
    void syntaxErrorsRecoverAndNameWhatWasExpected() {
        String all = errors(Map.of("pe.csl", pe("""
                const a: u16 = 3
                fn f() void {
                  defer (a) {}
                  var q: u16 = (1 + ;
                }
                """)));
        assertHas(all, "pe.csl:2:17: error: expected ';' after the declaration but found 'fn' on line 3",
                "pe.csl:4:3: error: 'defer' is not in Waferscope's CSL subset",
                "pe.csl:5:21: error: expected an expression but found ';'");
    }

    @Test
    void typeMismatchNamesTheConversion() {
        String all = errors(Map.of("pe.csl", pe("""
                var a: u16 = 1;
                var b: i16 = 2;
                fn f() void { a = a + b; }
                """)));
        assertHas(all, "mismatched integer types u16 and i16; convert one with @as");
    }

    @Test
    void missingParamAndUnknownParam() {
        String layout = LAYOUT.replace(".memcpy_params = memcpy.get_params(0)", ".memcpy_params = memcpy.get_params(0), .zz = 1");
        String all = errors(Map.of("layout.csl", layout, "pe.csl", pe("param n: u16;\nparam unused: u16;\nconst m = n + 1;\n")));
        // As in the SDK, a param given no value is an error only where it is used.
        assertHas(all, "pe.csl declares no param 'zz'", "pe.csl:4:11: error: param 'n' is used here but the layout's "
                + "@set_tile_code (at layout.csl:4:3) gives it no value and it has no default");
        org.junit.jupiter.api.Assertions.assertFalse(all.contains("unused"), all);
    }

    @Test
    void programTooLargeForSram() {
        String all = errors(Map.of("pe.csl", pe("var small: [100]i16;\nvar big: [13000]f32;\n")));
        // at the largest global, where the user can shrink it, with the sizes and the layout's placement
        assertHas(all, "pe.csl:3:5: error: big [13000]f32, 52,000 bytes, is the largest global of pe.csl, which does "
                + "not fit in a PE's SRAM: it needs ", "(code ", "data 52,", "but a PE has 49,152; next largest: "
                + "small [100]i16 200 bytes (2:5) (placed by layout.csl:4:3)");
        org.junit.jupiter.api.Assertions.assertFalse(all.contains("layout.csl:4:3: error"), all);
    }

    @Test
    void reservedTaskIdsAreRefused() {
        String all = errors(Map.of("pe.csl", pe("""
                task t() void { }
                comptime { @bind_local_task(t, @get_local_task_id(22)); }
                """)));
        assertHas(all, "pe.csl:3:12: error: task id 22 is reserved");
    }

    @Test
    void routeConflictsAndEdges() {
        String layout = """
                const c: color = @get_color(1);
                layout {
                  @set_rectangle(3, 1);
                  @set_color_config(0, 0, c, .{ .routes = .{ .rx = .{ RAMP }, .tx = .{ EAST } } });
                  @set_color_config(1, 0, c, .{ .routes = .{ .rx = .{ NORTH }, .tx = .{ RAMP } } });
                  @set_color_config(2, 0, c, .{ .routes = .{ .rx = .{ RAMP }, .tx = .{ EAST } } });
                }
                """;
        String all = errors(Map.of("layout.csl", layout));
        assertHas(all, "layout.csl:4:3: error: PE (0, 0) forwards color 1 EAST but PE (1, 0) never accepts color 1 from WEST");
        // As in the SDK, an edge PE's route may point out of the rectangle (the direction is dropped).
        org.junit.jupiter.api.Assertions.assertFalse(all.contains("PE (2, 0)"), all);
    }

    @Test
    void everySwitchPositionsForwardingIsChecked() {
        String layout = """
                const c: color = @get_color(1);
                layout {
                  @set_rectangle(2, 2);
                  @set_color_config(0, 0, c, .{ .routes = .{ .rx = .{ RAMP }, .tx = .{ EAST } },
                                                .switches = .{ .pos1 = .{ .tx = SOUTH } } });
                  @set_color_config(1, 0, c, .{ .routes = .{ .rx = .{ WEST }, .tx = .{ RAMP } } });
                  @set_color_config(0, 1, c, .{ .routes = .{ .rx = .{ EAST }, .tx = .{ RAMP } } });
                }
                """;
        // position 0 forwards east, which PE (1, 0) accepts; position 1 forwards south, which PE (0, 1) does not
        assertEquals(List.of("layout.csl:4:3: error: PE (0, 0) forwards color 1 SOUTH but PE (0, 1) never accepts color 1 "
                + "from NORTH"), errors(Map.of("layout.csl", layout)).lines().filter(l -> l.contains(" forwards ")).toList());
    }

    @Test
    void aLayoutReportsEachOfItsMistakesInSourceOrder() {
        String layout = """
                const c: color = @get_color(1);
                layout {
                  @set_rectangle(2, 1);
                  @set_color_config(5, 0, c, .{ .routes = .{ .rx = .{ RAMP }, .tx = .{ EAST } } });
                  @export_name("x", [*]f32);
                  @set_color_config(0, 9, c, .{ .routes = .{ .rx = .{ RAMP }, .tx = .{ EAST } } });
                }
                """;
        String[] lines = errors(Map.of("layout.csl", layout)).split("\n");
        assertEquals(2, lines.length, String.join("\n", lines));
        assertTrue(lines[0].startsWith("layout.csl:4:3: error: x (inside the rectangle)"), lines[0]);
        assertTrue(lines[1].startsWith("layout.csl:6:3: error: y (inside the rectangle)"), lines[1]);
    }

    @Test
    void aLayoutWithErrorsStillReportsThoseOfTheProgramsItPlaced() {
        String layout = """
                layout {
                  @set_rectangle(2, 1);
                  @set_tile_code(0, 0, "pe.csl", .{ .n = 1 });
                  @set_tile_code(7, 0, "pe.csl", .{ .n = 2 });
                }
                """;
        String[] lines = errors(Map.of("layout.csl", layout, "pe.csl", "param n: u16;\nconst bad = n + nope;\n"))
                .split("\n");
        assertEquals(2, lines.length, String.join("\n", lines));
        assertTrue(lines[0].startsWith("layout.csl:4:3: error:"), lines[0]);
        assertTrue(lines[1].startsWith("pe.csl:2:17: error: unknown name 'nope'"), lines[1]);
    }

    @Test
    void aProgramCompiledForTwoParamSetsReportsItsErrorOnce() {
        String layout = """
                layout {
                  @set_rectangle(2, 1);
                  @set_tile_code(0, 0, "pe.csl", .{ .n = 1 });
                  @set_tile_code(1, 0, "pe.csl", .{ .n = 2 });
                }
                """;
        String all = errors(Map.of("layout.csl", layout, "pe.csl", "param n: u16;\nconst bad = n + nope;\n"));
        assertEquals(1, all.split("\n").length, all);
        assertHas(all, "pe.csl:2:17: error: unknown name 'nope'");
    }

    @Test
    void filesOutsideTheFolderAreRefused() {
        String layout = "layout { @set_rectangle(1, 1); @set_tile_code(0, 0, \"../secret.csl\", .{}); }";
        assertHas(errors(Map.of("layout.csl", layout)), "layout.csl:1:32: error:", "leaves the program folder");
        String run = "{ \"arrays\": { \"a\": { \"file\": \"/etc/passwd\" } }, \"steps\": [] }";
        assertHas(errors(Map.of("pe.csl", pe(""), "run.json", run)), "run.json:1:22: error:", "not a relative path");
    }

    @Test
    void layoutLoopsAreBounded() {
        String layout = "layout { @set_rectangle(1, 1); var i: u32 = 0; while (true) { i += 1; } }";
        ProgramLoadException e = assertThrows(ProgramLoadException.class, () -> ProgramLoader.load(
                new MemorySource("t", Map.of("layout.csl", layout, "run.json", "{ \"steps\": [] }")),
                new ProgramLoader.LoadOptions(null, Map.of(), 100_000)));
        assertTrue(e.getMessage().contains("took more than 100,000 steps"), e.getMessage());
    }

    @Test
    void fabricMustFitTheProfile() {
        String layout = "layout { @set_rectangle(800, 10); }";
        assertHas(errors(Map.of("layout.csl", layout)), "the width (the wse2 fabric is 757 wide) must be in 1..757, not 800");
    }

    @Test
    void runJsonErrorsAreStrictAndPositioned() {
        String run = """
                {
                  "title": "t",
                  "arrays": { "a": { "shape": [4], "fil": 1 } },
                  "steps": [
                    { "launch": "compute", "copy_in": { "array": "a", "symbol": "out", "rect": { "width": 1, "height": 1 } } },
                    { "copy_out": { "symbol": "out", "array": "y", "rect": { "width": 2, "height": 1 }, "per_pe": 8 } },
                    { "check": { "array": "y", "expected": "a @ @" } },
                    { "chek": { } }
                  ]
                }
                """;
        String all = errors(Map.of("pe.csl", LanguageRunTest.SCALARS, "run.json", run));
        assertHas(all, "run.json:3:36: error: unknown key \"fil\" in array a; expected one of",
                "run.json:5:5: error: a step is exactly one of copy_in, stream_in, launch",
                "run.json:6:62: error: width (the fabric is 1 wide) must be in 1..1, not 2",
                "run.json:8:7: error: unknown key \"chek\" in step 4");
    }

    @Test
    void missingLayoutFile() {
        ProgramLoadException e = assertThrows(ProgramLoadException.class, () -> ProgramLoader.load(
                new MemorySource("t", Map.of("run.json", "{ \"steps\": [] }")), ProgramLoader.LoadOptions.DEFAULTS));
        assertTrue(e.getMessage().contains("layout.csl:1:1: error: the program folder has no layout.csl"), e.getMessage());
    }

    @Test
    void aWatchedLayerMustParseAndItsVariableExist() {
        String body = LanguageRunTest.SCALARS;
        assertHas(errors(Map.of("pe.csl", body, "run.json", "{ \"watch\": \"value:sum(grid\", \"steps\": [] }")),
                "run.json:1:3: error: \"watch\": value:sum(grid:8: expected a closing ')'");
        assertHas(errors(Map.of("pe.csl", body, "run.json", "{ \"watch\": \"value:board\", \"steps\": [] }")),
                "run.json:1:3: error: \"watch\" names board, which no PE program declares");
    }
}
