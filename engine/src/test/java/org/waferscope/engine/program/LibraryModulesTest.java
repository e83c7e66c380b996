package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waferscope.engine.program.LanguageRunTest.assertPasses;
import static org.waferscope.engine.program.LanguageRunTest.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.csl.ProgramLoadException;

/**
 * {@code <math>}, {@code @map} and {@code <random>} in programs of our own (test resources
 * under {@code org/waferscope/engine/libs}), each result checked against the same computation
 * written here in plain Java.
 */
class LibraryModulesTest {
    static String resource(String name) {
        return resource("libs", name);
    }

    /** A test resource under {@code org/waferscope/engine/FOLDER}, as text. */
    static String resource(String folder, String name) {
        try (InputStream in = LibraryModulesTest.class.getResourceAsStream("/org/waferscope/engine/" + folder + "/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(float[] values) {
        return IntStream.range(0, values.length).mapToObj(i -> Double.toString(values[i]))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    static String json(long[] values) {
        return java.util.Arrays.stream(values).mapToObj(Long::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Runs {@code program} and checks {@code out} and {@code words} exactly. */
    static void runAndCheck(String program, float[] out, long[] words) throws Exception {
        String runJson = """
                { "steps": [ { "launch": "compute" },
                  { "copy_out": { "symbol": "out", "array": "out", "rect": { "width": 1, "height": 1 }, "per_pe": %d } },
                  { "copy_out": { "symbol": "words", "array": "words", "type": "u32", "rect": { "width": 1, "height": 1 }, "per_pe": %d } },
                  { "check": { "array": "out", "expected": %s, "tolerance": 0 } },
                  { "check": { "array": "words", "expected": %s, "tolerance": 0 } } ] }
                """.formatted(out.length, words.length, json(out), json(words));
        assertPasses(run(Map.of("layout.csl", resource("layout.csl"), "pe.csl", resource(program),
                "run.json", runJson), "wse2"));
    }

    private static float f(double v) {
        return (float) v;
    }

    @Test
    void mathFunctionsMatchJava() throws Exception {
        float[] samples = {0.25f, 1f, 2f, 3.5f, 9f, 100f};
        int n = samples.length;
        float[] out = new float[16 * n + 4];
        for (int i = 0; i < n; i++) {
            float v = samples[i];
            out[i] = f(Math.sqrt(v));
            out[n + i] = f(1 / Math.sqrt(v));
            out[2 * n + i] = f(1.0 / v);
            out[3 * n + i] = f(StrictMath.exp(v / 10f));
            out[4 * n + i] = f(StrictMath.log(v));
            out[5 * n + i] = f(StrictMath.sin(v));
            out[6 * n + i] = f(StrictMath.cos(v));
            out[7 * n + i] = f(StrictMath.tanh(v - 2f));
            out[8 * n + i] = f(StrictMath.pow(v, 1.5));
            out[9 * n + i] = v;
            out[10 * n + i] = (float) Math.ceil(v) + (float) Math.floor(-v);
            out[11 * n + i] = Math.max(v, 3f) - Math.min(v, 3f);
            out[12 * n + i] = Math.signum(v - 2f);
            out[13 * n + i] = v * 8;
            out[14 * n + i] = v;
            out[15 * n + i] = 1 + 2 + 4;
        }
        out[16 * n] = 3.5f;
        out[16 * n + 1] = 7f;
        out[16 * n + 2] = 2f;
        out[16 * n + 3] = (float) Math.PI;
        runAndCheck("math.csl", out, new long[] {7, 40});
    }

    @Test
    void mapCallsItsFunctionOncePerElement() throws Exception {
        float[] src = {1, 4, 9, 16, 25};
        int[] counts = {3, -1, 4, -1, 5};
        int n = src.length;
        float[] out = new float[3 * n + 3];
        for (int i = 0; i < n; i++) {
            out[i] = f(Math.sqrt(src[i]));
            out[n + i] = out[i] * 0.5f + src[i];
        }
        for (int i = 0; i < 3; i++) {
            out[3 * n + i] = Math.max(src[2 * i], 10f);
        }
        long total = 0;
        for (int c : counts) {
            total += (long) c * c;
        }
        runAndCheck("map.csl", out, new long[] {total, 0});
    }

    /** The generator as RandomCalls documents it: a 32-bit LCG, floats from its top 24 bits. */
    static final class Lcg {
        int state;

        Lcg(int seed) {
            state = seed;
        }

        int next() {
            state = state * 1664525 + 1013904223;
            return state;
        }

        float unit() {
            return (next() >>> 8) * 0x1p-24f;
        }

        float uniform(float lo, float hi) {
            return lo + (hi - lo) * unit();
        }

        float normal() {
            float u1 = unit() + 0x1p-24f;
            float u2 = unit();
            float radius = f(Math.sqrt(f(StrictMath.log(u1)) * -2f));
            float angle = f(StrictMath.cos((float) (2 * Math.PI) * u2));
            return radius * angle;
        }
    }

    @Test
    void randomDrawsFollowTheDocumentedGenerator() throws Exception {
        Lcg g = new Lcg(0x2545F491);
        float[] out = new float[14];
        long[] words = new long[4];
        for (int i = 0; i < 8; i++) {
            out[i] = g.uniform(-2f, 3f);
            assertTrue(out[i] >= -2f && out[i] < 3f);
        }
        for (int i = 0; i < 4; i++) {
            words[i] = g.next() >>> 22;
        }
        g = new Lcg(12345);
        for (int i = 0; i < 4; i++) {
            out[8 + i] = g.uniform(0f, 1f);
        }
        out[12] = g.normal();
        out[13] = g.normal();
        runAndCheck("random.csl", out, words);
    }

    @Test
    void debugTracesKeepTheirNumbersAndPrintEveryEntry() throws Exception {
        long[] kept = {-5 & 0xFFFFFFFFL, 65535, Float.floatToRawIntBits(1.5f), 1, 45, 46};
        String runJson = """
                { "steps": [ { "launch": "compute" },
                  { "copy_out": { "symbol": "debug:values", "array": "values", "type": "u32", "rect": { "width": 1, "height": 1 }, "per_pe": 6 } },
                  { "copy_out": { "symbol": "debug:clock", "array": "clock", "type": "u32", "rect": { "width": 1, "height": 1 }, "per_pe": 4 } },
                  { "check": { "array": "values", "expected": %s, "tolerance": 0 } } ] }
                """.formatted(json(kept));
        org.waferscope.engine.sim.RunResult r = run(Map.of("layout.csl", resource("layout.csl"), "pe.csl",
                resource("debug.csl"), "run.json", runJson), "wse2");
        assertPasses(r);
        java.util.List<String> lines = r.console().stream()
                .filter(l -> l.kind() == org.waferscope.engine.api.ConsoleLine.Kind.PRINT)
                .map(l -> l.text().strip()).toList();
        assertEquals(java.util.List.of("[values] numbers {d} follow", "[values] -5", "[values] 65535", "[values] 1.5",
                "[values] 1", "[values] 45", "[values] 46", "[values] 999"),
                lines.stream().filter(l -> l.startsWith("[values]")).toList());
        long[] stamps = lines.stream().filter(l -> l.startsWith("[clock] timestamp "))
                .mapToLong(l -> Long.parseLong(l.substring("[clock] timestamp ".length()))).toArray();
        assertEquals(2, stamps.length, lines::toString);
        assertTrue(stamps[1] > stamps[0] + 10, () -> java.util.Arrays.toString(stamps));
    }

    /** The example of docs/csl-subset.md's section on the libraries runs, and traces as it says. */
    @Test
    void theGuidesLibraryExampleRuns() throws Exception {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "csl-subset.md"));
        int at = doc.indexOf("```csl\n", doc.indexOf("### The math, random and debug libraries")) + 7;
        String pe = """
                param memcpy_params: comptime_struct;
                const sys_mod = @import_module("<memcpy/memcpy>", memcpy_params);
                var out = @zeros([1]f32);
                var out_ptr: [*]f32 = &out;
                var words = @zeros([1]u32);
                var words_ptr: [*]u32 = &words;
                fn compute() void { wander(); out[0] = pos[0]; sys_mod.unblock_cmd_stream(); }
                comptime { @export_symbol(out_ptr, "out"); @export_symbol(words_ptr, "words"); @export_symbol(compute); }
                """ + doc.substring(at, doc.indexOf("```", at));
        String runJson = """
                { "steps": [ { "launch": "compute" },
                  { "copy_out": { "symbol": "out", "array": "out", "rect": { "width": 1, "height": 1 }, "per_pe": 1 } },
                  { "check": { "array": "out", "expected": [0], "atol": 4, "rtol": 0 } } ] }
                """;
        org.waferscope.engine.sim.RunResult r = run(Map.of("layout.csl", resource("layout.csl"), "pe.csl", pe,
                "run.json", runJson), "wse2");
        assertPasses(r);
        assertTrue(r.console().stream().anyMatch(l -> l.text().contains("[walk] done")), () -> r.console().toString());
    }

    @Test
    void aRunTimeOnlyFunctionCannotBeFoldedIntoAConstant() {
        String pe = resource("math.csl").replace("const folded = [4]f32 { math.abs(-3.5),",
                "const folded = [4]f32 { math.sqrt_f32(2.0),");
        ProgramLoadException e = assertThrows(ProgramLoadException.class, () -> run(Map.of("layout.csl",
                resource("layout.csl"), "pe.csl", pe, "run.json", "{ \"steps\": [] }"), "wse2"));
        assertTrue(e.getMessage().contains("sqrt_f32() of <math> runs on the PE"), e.getMessage());
    }

    @Test
    void mapRefusesAFunctionOfTheWrongArity() {
        String pe = resource("map.csl").replace("@map(math.sqrt_f32, src_dsd, roots_dsd);",
                "@map(blend, src_dsd, roots_dsd);");
        ProgramLoadException e = assertThrows(ProgramLoadException.class, () -> run(Map.of("layout.csl",
                resource("layout.csl"), "pe.csl", pe, "run.json", "{ \"steps\": [] }"), "wse2"));
        assertEquals(1, e.diagnostics().size(), e.getMessage());
        assertTrue(e.getMessage().contains("blend takes 3 arguments, but @map gives it 1 inputs"), e.getMessage());
    }
}
