package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.csl.ProgramLoadException;

/**
 * A declaration that fails is reported once; the name stays known but poisoned, so its uses
 * add nothing (in PE programs, modules and layouts alike).
 */
class PoisonedNameTest {
    /** The diagnostics of a load that must fail: {@code files} over a one-PE layout and an empty run.json. */
    static List<String> errors(Map<String, String> files) {
        Map<String, String> all = new HashMap<>(Map.of("layout.csl", LanguageRunTest.ONE_PE_LAYOUT,
                "run.json", "{ \"steps\": [] }"));
        all.putAll(files);
        ProgramLoadException e = assertThrows(ProgramLoadException.class,
                () -> ProgramLoader.load(new MemorySource("t", all), ProgramLoader.LoadOptions.DEFAULTS));
        return e.diagnostics().stream().map(Object::toString).toList();
    }

    @Test
    void usesOfAFailedPeDeclarationAreSilent() {
        String pe = """
                param memcpy_params: comptime_struct;
                var buf: [4]f32;
                const src = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{4} -> buf[i], .nope = 1 });
                const twice = src;
                fn f() void {
                  @fmovs(src, src);
                  @fadds(src, src, src);
                }
                """;
        List<String> all = errors(Map.of("pe.csl", pe));
        assertEquals(1, all.size(), String.join("\n", all));
        assertEquals("pe.csl:3", all.get(0).substring(0, 8), all.get(0));
    }

    @Test
    void aFailedConstUsedInAnotherConstIsReportedOnce() {
        String pe = """
                param memcpy_params: comptime_struct;
                const a: u16 = nope;
                const b: u16 = a + 1;
                var c: u16 = a + b;
                fn f() void { c = a; }
                """;
        assertEquals(List.of("pe.csl:2:16: error: unknown name 'nope'"), errors(Map.of("pe.csl", pe)));
    }

    @Test
    void usesOfAFailedLayoutConstAreSilent() {
        String layout = """
                const w: u16 = nope;
                layout {
                  @set_rectangle(w, 1);
                  @set_tile_code(w, 0, "pe.csl", .{});
                }
                """;
        assertEquals(List.of("layout.csl:1:16: error: unknown name 'nope'"),
                errors(Map.of("layout.csl", layout, "pe.csl", "fn f() void {}\n")));
    }

    @Test
    void usesOfAFailedModuleConstAreSilent() {
        String module = """
                const k: u16 = nope;
                fn get() u16 { return k + k; }
                """;
        String pe = """
                param memcpy_params: comptime_struct;
                const m = @import_module("m.csl");
                var x: u16 = 0;
                fn f() void { x = m.get(); }
                """;
        List<String> all = errors(Map.of("pe.csl", pe, "m.csl", module));
        assertEquals(List.of("m.csl:1:16: error: unknown name 'nope'"), all);
    }

    @Test
    void theAddressOfAnUnknownNameSaysSo() {
        String pe = """
                param memcpy_params: comptime_struct;
                const p = &bq;
                var q: *u16 = &bq;
                fn f() void { var r = &bq; }
                """;
        List<String> all = errors(Map.of("pe.csl", pe));
        assertEquals(List.of("pe.csl:2:12: error: unknown name 'bq'", "pe.csl:3:16: error: unknown name 'bq'",
                "pe.csl:4:24: error: unknown name 'bq'"), all);
    }

    @Test
    void usesOfAFailedLocalDeclarationAreSilent() {
        String pe = """
                param memcpy_params: comptime_struct;
                var buf: [4]f32;
                fn f() void {
                  const src = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{4} -> buf[i], .nope = 1 });
                  var n: u16 = nope;
                  @fmovs(src, src);
                  @fadds(src, src, src);
                  n += 1;
                }
                """;
        List<String> all = errors(Map.of("pe.csl", pe));
        assertEquals(2, all.size(), String.join("\n", all));
        assertEquals("pe.csl:4", all.get(0).substring(0, 8), all.get(0));
        assertEquals("pe.csl:5:16: error: unknown name 'nope'", all.get(1));
    }

    @Test
    void usesOfAFailedLayoutLocalAreSilent() {
        String layout = """
                layout {
                  @set_rectangle(2, 1);
                  const w: u16 = nope;
                  @set_tile_code(w, 0, "pe.csl", .{});
                  @set_tile_code(w + 1, 0, "pe.csl", .{});
                  @set_tile_code(0, 0, "pe.csl", .{ .k = missing });
                }
                """;
        List<String> all = errors(Map.of("layout.csl", layout, "pe.csl", "fn f() void {}\n"));
        assertEquals(List.of("layout.csl:3:18: error: unknown name 'nope'", "layout.csl:6:42: error: unknown name 'missing'"),
                all);
    }

    @Test
    void theAddressOfAnUnknownNameInALayoutSaysSo() {
        String layout = """
                layout {
                  @set_rectangle(1, 1);
                  const p = &bq;
                }
                """;
        assertEquals(List.of("layout.csl:3:14: error: unknown name 'bq'"), errors(Map.of("layout.csl", layout)));
    }
}
