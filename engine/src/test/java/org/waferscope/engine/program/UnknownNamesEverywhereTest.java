package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.csl.ProgramLoadException;

/**
 * The eighth review's note: a PE program's globals and a layout's code stopped at their first
 * unknown name, where a function's statements already said them all. Now each says all of its
 * own, each with its place, and one stopped by another error says no more.
 */
class UnknownNamesEverywhereTest {
    private static final String PE = """
            param memcpy_params: comptime_struct;
            fn compute() void { }
            """;

    private static List<String> errors(Map<String, String> files) {
        ProgramLoadException e = assertThrows(ProgramLoadException.class,
                () -> ProgramLoader.load(new MemorySource("t", files), ProgramLoader.LoadOptions.DEFAULTS));
        return e.diagnostics().stream().map(Object::toString).toList();
    }

    @Test
    void aGlobalsInitializerAndAComptimeBlockSayEveryUnknownName() {
        String pe = """
                param memcpy_params: comptime_struct;
                const count: i16 = 4;
                const a: i16 = cout + nope + cout;
                const b: i16 = a + zzz;
                var data: [4]f32 = @zeros([4]f32);
                var data_ptr: [*]f32 = &data;
                const c: i16 = @as(i16, 1) / 0 + www;
                comptime {
                  const n = count;
                  @comptime_assert(nn == n);
                  @export_symbol(dta_ptr, "out");
                }
                """;
        List<String> all = errors(Map.of("layout.csl", LanguageRunTest.ONE_PE_LAYOUT, "pe.csl", pe,
                "run.json", "{ \"steps\": [] }"));
        assertEquals(List.of("pe.csl:3:16: error: unknown name 'cout'; did you mean 'count'?",
                "pe.csl:3:23: error: unknown name 'nope'",
                // b is abandoned at a, which failed and was said: its own unknown name is said too
                "pe.csl:4:20: error: unknown name 'zzz'",
                // c is abandoned at another error: www waits for the next load
                "pe.csl:7:28: error: division by zero",
                "pe.csl:10:20: error: unknown name 'nn'",
                "pe.csl:11:18: error: unknown name 'dta_ptr'; did you mean 'data_ptr'?"), all, String.join("\n", all));
    }

    @Test
    void aLayoutsStatementsAndGlobalsSayEveryUnknownName() {
        String layout = """
                param w: i16 = 2;
                const memcpy = @import_module("<memcpy/get_params>", .{ .width = w, .height = 1 });
                const h: i16 = hieght + wdth;
                const flag: bool = true;
                layout {
                  @set_rectangle(w, 1);
                  for (@range(i16, w)) |x| {
                    const col = x;
                    @set_tile_code(colm, 0, "pe.csl", .{ .memcpy_params = memcpy.get_params(col), .k = kk, .j = clo });
                  }
                  const hh = h;
                  @export_name("out", [*]i32, flga);
                  @export_name(cmpute, fn()void);
                }
                """;
        List<String> all = errors(Map.of("layout.csl", layout, "pe.csl", PE, "run.json", "{ \"steps\": [] }"));
        assertEquals(List.of("layout.csl:3:16: error: unknown name 'hieght'",
                "layout.csl:3:25: error: unknown name 'wdth'",
                "layout.csl:9:20: error: unknown name 'colm'; did you mean 'col'?",
                "layout.csl:9:88: error: unknown name 'kk'",
                "layout.csl:9:97: error: unknown name 'clo'; did you mean 'col'?",
                // the layout's own globals are among the hints
                "layout.csl:12:31: error: unknown name 'flga'; did you mean 'flag'?",
                "layout.csl:13:16: error: unknown name 'cmpute'"), all, String.join("\n", all));
    }

    @Test
    void aLayoutStoppedBeforeItsRectangleStillSaysTheUnknownNamesOfWhatItDidNotRun() {
        String layout = """
                const memcpy = @import_module("<memcpy/get_params>", .{ .width = 1, .height = 1 });
                layout {
                  const width: i16 = 1;
                  @set_rectangle(widht, 1);
                  @set_tile_code(0, 0, "pe.csl", .{ .memcpy_params = memcpy.get_params(xx) });
                  for (@range(i16, width)) |x| {
                    @set_tile_code(x, 0, "pe.csl", .{ .memcpy_params = memcpy.get_params(y) });
                  }
                }
                """;
        List<String> all = errors(Map.of("layout.csl", layout, "pe.csl", PE, "run.json", "{ \"steps\": [] }"));
        assertEquals(List.of("layout.csl:4:18: error: unknown name 'widht'; did you mean 'width'?",
                "layout.csl:5:72: error: unknown name 'xx'",
                "layout.csl:7:74: error: unknown name 'y'"), all, String.join("\n", all));
    }

    @Test
    void aLayoutStatementStoppedByAnotherErrorSaysNoMore() {
        String layout = """
                const memcpy = @import_module("<memcpy/get_params>", .{ .width = 2, .height = 1 });
                layout {
                  @set_rectangle(2, 1);
                  for (@range(i16, 2)) |x| {
                    @set_tile_code(x, 0, "pe.csl", .{ .memcpy_params = memcpy.get_params(x) });
                    @set_tile_code(x + 5, 0, "pe.csl", .{ .memcpy_params = memcpy.get_params(x) });
                    @set_tile_code(x, 0, "pe.csl", .{ .k = later_name });
                  }
                }
                """;
        List<String> all = errors(Map.of("layout.csl", layout, "pe.csl", PE, "run.json", "{ \"steps\": [] }"));
        assertEquals(1, all.size(), String.join("\n", all));
        assertEquals("layout.csl:6:", all.get(0).substring(0, 13), all.get(0));
    }
}
