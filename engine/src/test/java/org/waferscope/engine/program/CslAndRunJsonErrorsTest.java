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
}
