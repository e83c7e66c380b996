package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.csl.Diagnostic;
import org.waferscope.engine.csl.ProgramLoadException;

/**
 * Compile-time work and host memory are bounded before they cost much: a loop that never
 * ends stops after a million trips (a fraction of a second), and host arrays are refused
 * from their shape, before any values are made.
 */
class CompileBudgetTest {
    private static Diagnostic firstError(Map<String, String> files) {
        ProgramLoadException e = assertThrows(ProgramLoadException.class,
                () -> ProgramLoader.load(new MemorySource("budget", files), ProgramLoader.LoadOptions.DEFAULTS));
        return e.diagnostics().get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"var i: u32 = 0;\n  while (true) { i += 1; }", "for (@range(u32, 4000000000)) |i| {}"})
    void aLayoutLoopThatNeverEndsStopsAtItsMillionthTrip(String loop) {
        Map<String, String> f = CrashReproducerTest.gemvOnePe();
        f.put("layout.csl", f.get("layout.csl").replace("layout {\n", "layout {\n  " + loop + "\n"));
        Diagnostic d = firstError(f);
        assertEquals("layout.csl", d.pos().file());
        assertTrue(d.message().contains("went round more than 1,048,576 times"), d.toString());
    }

    @Test
    void hostArraysAreRefusedFromTheirShapeBeforeTheirValuesAreMade() {
        Map<String, String> f = CrashReproducerTest.gemvOnePe();
        String big = "{ \"type\": \"f32\", \"shape\": [16777216], \"fill\": 1.0 }";
        f.put("run.json", f.get("run.json").replace("\"arrays\": {",
                "\"arrays\": {\n    \"p\": " + big + ",\n    \"q\": " + big + ",\n    \"r\": " + big + ","));
        Diagnostic d = firstError(f);
        assertEquals("run.json", d.pos().file());
        assertTrue(d.message().contains("host arrays together would hold more than"), d.toString());
    }
}
