package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.csl.ProgramLoadException;

/** One load reports the CSL's mistakes and run.json's together: the CSL's first, in source order. */
class CslAndRunJsonErrorsTest {
    private static final String BAD_PE = """
            param memcpy_params: comptime_struct;
            const a: u16 = nope;
            fn f() void { var b: u16 = gone; }
            """;

    private static List<String> errors(Map<String, String> files) {
        ProgramLoadException e = assertThrows(ProgramLoadException.class,
                () -> ProgramLoader.load(new MemorySource("t", files), ProgramLoader.LoadOptions.DEFAULTS));
        return e.diagnostics().stream().map(Object::toString).toList();
    }

    @Test
    void aBadKeyInRunJsonIsReportedAfterTheCslErrors() {
        String run = "{ \"steps\": [],\n  \"titel\": \"x\" }";
        List<String> all = errors(Map.of("layout.csl", LanguageRunTest.ONE_PE_LAYOUT, "pe.csl", BAD_PE, "run.json", run));
        assertEquals(3, all.size(), String.join("\n", all));
        assertEquals("pe.csl:2:16: error: unknown name 'nope'", all.get(0));
        assertEquals("pe.csl:3:28: error: unknown name 'gone'", all.get(1));
        assertEquals("run.json:2:3", all.get(2).substring(0, 12), all.get(2));
    }

    @Test
    void runJsonThatIsNotJsonStillLetsTheCslBeChecked() {
        List<String> all = errors(Map.of("layout.csl", LanguageRunTest.ONE_PE_LAYOUT, "pe.csl", BAD_PE,
                "run.json", "{ \"steps\": [ }"));
        assertEquals(3, all.size(), String.join("\n", all));
        assertEquals("pe.csl:2:16: error: unknown name 'nope'", all.get(0));
        assertEquals("run.json", all.get(2).substring(0, 8), all.get(2));
    }

    @Test
    void aMissingRunJsonStillLetsTheCslBeChecked() {
        List<String> all = errors(Map.of("layout.csl", LanguageRunTest.ONE_PE_LAYOUT, "pe.csl", BAD_PE));
        assertEquals(List.of("pe.csl:2:16: error: unknown name 'nope'", "pe.csl:3:28: error: unknown name 'gone'",
                "run.json:1:1: error: the program folder has no run.json"), all);
    }

    @Test
    void aMisspeltNameIsAnsweredWithTheDeclaredNameItMostLikelyMeant() {
        // a student's commonest mistake; the seventh review's first malformed program was this one
        String pe = """
                param memcpy_params: comptime_struct;
                var received: [3]f32 = @zeros([3]f32);
                var seen: i16 = 0;
                fn f() void {
                  const local_count: i16 = 2;
                  recieved[0] = 1.0;
                  seen = locl_count;
                  seen = sene + 1;
                  received[1] = zzz;
                }
                """;
        List<String> all = errors(Map.of("layout.csl", LanguageRunTest.ONE_PE_LAYOUT, "pe.csl", pe,
                "run.json", "{ \"steps\": [] }"));
        assertEquals(List.of("pe.csl:6:3: error: unknown name 'recieved'; did you mean 'received'?",
                "pe.csl:7:10: error: unknown name 'locl_count'; did you mean 'local_count'?",
                "pe.csl:8:10: error: unknown name 'sene'; did you mean 'seen'?",
                "pe.csl:9:17: error: unknown name 'zzz'"), all, String.join("\n", all));
    }

    @Test
    void everyUnknownNameOfAStatementIsSaidNotOnlyItsFirst() {
        // the seventh review: "seen = locl_count + sene" named locl_count alone, sene at the next compile
        String pe = """
                param memcpy_params: comptime_struct;
                var seen: i16 = 0;
                var buf: [4]f32 = @zeros([4]f32);
                fn f() void {
                  const local_count: i16 = 2;
                  seen = locl_count + sene + local_count;
                  var t: i16 = @as(i16, nope) * sene + nope;
                  seen = t + zzz;
                  const d = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{4} -> buf[i] });
                  _ = d;
                  if (seen > 0) { seen = qqq; }
                }
                """;
        List<String> all = errors(Map.of("layout.csl", LanguageRunTest.ONE_PE_LAYOUT, "pe.csl", pe,
                "run.json", "{ \"steps\": [] }"));
        assertEquals(List.of("pe.csl:6:10: error: unknown name 'locl_count'; did you mean 'local_count'?",
                "pe.csl:6:23: error: unknown name 'sene'; did you mean 'seen'?",
                "pe.csl:7:25: error: unknown name 'nope'",
                "pe.csl:7:33: error: unknown name 'sene'; did you mean 'seen'?",
                "pe.csl:8:14: error: unknown name 'zzz'",
                "pe.csl:11:26: error: unknown name 'qqq'"), all, String.join("\n", all));
    }

    @Test
    void aHintIsGivenOnlyForOneClearlyClosestName() {
        java.util.function.BiFunction<String, List<String>, String> hint = (wrote, names) -> {
            // through the language, as a student meets it
            StringBuilder vars = new StringBuilder("param memcpy_params: comptime_struct;\n");
            names.forEach(n -> vars.append("var ").append(n).append(": i16 = 0;\n"));
            vars.append("fn f() void { var t: i16 = ").append(wrote).append("; }\n");
            String e = errors(Map.of("layout.csl", LanguageRunTest.ONE_PE_LAYOUT, "pe.csl", vars.toString(),
                    "run.json", "{ \"steps\": [] }")).get(0);
            return e.substring(e.indexOf("unknown name"));
        };
        assertEquals("unknown name 'cout'; did you mean 'count'?", hint.apply("cout", List.of("count", "total")));
        assertEquals("unknown name 'tb1'", hint.apply("tb1", List.of("ta1", "tc1")), "two as close: no guess");
        assertEquals("unknown name 'bq'", hint.apply("bq", List.of("q")), "too short a name to guess at");
        assertEquals("unknown name 'abcd'", hint.apply("abcd", List.of("axyd")), "two edits in four letters is no typo");
        assertEquals("unknown name 'totla'; did you mean 'total'?", hint.apply("totla", List.of("total")), "a swap is one edit");
    }

    @Test
    void aJsonSyntaxErrorIsSaidInOurWordsAtItsPlace() {
        java.util.function.Function<String, String> said = run -> errors(Map.of("layout.csl",
                LanguageRunTest.ONE_PE_LAYOUT, "pe.csl", BAD_PE, "run.json", run)).get(2);
        assertEquals("run.json:3:5: error: expected a key in double quotes (\"name\": value), found '{'",
                said.apply("{\n  \"steps\": [],\n    {\"title\": \"x\"}\n}"));
        assertEquals("run.json:3:1: error: a ',' before '}': JSON allows no comma after an object's last entry",
                said.apply("{\n  \"steps\": [],\n}"));
        assertEquals("run.json:1:10: error: expected ':' after the key, found '['", said.apply("{\"steps\" []}"));
        assertEquals("run.json:1:13: error: the file ends before the '[' at line 1, column 11 is closed: a ']' is missing",
                said.apply("{\"steps\": [1"));
        assertEquals("run.json:1:11: error: expected a value (a string in double quotes, a number, true, false, null, "
                + "[ or {), found a single quote: JSON strings take double quotes", said.apply("{\"title\": 'x'}"));
    }

    @Test
    void aByteThatIsNotUtf8IsNamedWhereItIs() {
        // the lenient decode said "unexpected character U+FFFD", a character the file does not hold
        byte[] pe = "// caf\u00e9 \u00e0 la ligne\nvar x: i16 = #;\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        pe[pe.length - 3] = (byte) 0xFF;
        assertEquals(List.of("pe.csl:2:14: error: byte 0xFF is not UTF-8 text (save the file as UTF-8)"),
                notUtf8("pe.csl", pe));
        byte[] cut = {'/', '/', ' ', (byte) 0xC3, (byte) 0xA9, ' ', (byte) 0xE2, (byte) 0x82};
        assertEquals(List.of("pe.csl:1:6: error: bytes 0xE2 0x82 are not UTF-8 text (save the file as UTF-8)"),
                notUtf8("pe.csl", cut));
        assertEquals(List.of("run.json:1:3: error: byte 0x80 is not UTF-8 text (save the file as UTF-8)"),
                notUtf8("run.json", new byte[] {'{', ' ', (byte) 0x80, '}'}));
    }

    private static List<String> notUtf8(String file, byte[] bytes) {
        MemorySource src = new MemorySource("t", Map.of("layout.csl", LanguageRunTest.ONE_PE_LAYOUT,
                "pe.csl", "param memcpy_params: comptime_struct;\n", "run.json", "{ \"steps\": [] }")).withBytes(file, bytes);
        ProgramLoadException e = assertThrows(ProgramLoadException.class,
                () -> ProgramLoader.load(src, ProgramLoader.LoadOptions.DEFAULTS));
        return e.diagnostics().stream().map(Object::toString).toList();
    }
}
