package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waferscope.engine.program.LanguageRunTest.assertPasses;
import static org.waferscope.engine.program.LanguageRunTest.run;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.csl.ProgramLoadException;

/**
 * Constructs the SDK's stencil and allreduce libraries use (asynchronous {@code @load_to_dsr}, a
 * module path computed with {@code @is_arch}, an untyped param, a dummy DSD rebased at run time
 * onto f32 data), in programs of our own checked against plain Java.
 */
class StencilLibraryConstructsTest {
    private static String resource(String name) {
        return RouteAndDsdConstructsTest.resource(name);
    }

    private static String outCheck(int perPe, int width, float[] expected) {
        return """
                { "params": { "width": %d },
                  "arrays": { "own": { "shape": ["width * 4"], "arange": { "start": 1, "step": 1.5 } } },
                  "steps": [
                  { "copy_in": { "array": "own", "symbol": "own", "rect": { "width": "width", "height": 1 }, "per_pe": 4 } },
                  { "launch": "start" },
                  { "copy_out": { "symbol": "out", "array": "out", "rect": { "width": "width", "height": 1 }, "per_pe": %d } },
                  { "check": { "array": "out", "expected": %s, "tolerance": 0 } } ] }
                """.formatted(width, perPe, Arrays.toString(expected));
    }

    /** Host steps for one PE: launch compute, then check its four values of out exactly. */
    private static String computeThenCheckOut(float[] out) {
        return "{ \"steps\": [ { \"launch\": \"compute\" }, { \"copy_out\": { \"symbol\": \"out\", \"array\": \"out\", "
                + "\"rect\": { \"width\": 1, \"height\": 1 }, \"per_pe\": 4 } }, { \"check\": { \"array\": \"out\", "
                + "\"expected\": " + Arrays.toString(out) + ", \"tolerance\": 0 } } ] }";
    }

    @Test
    void registersLoadedAsynchronouslyActivateAndUnblockWhenTheirOperationEnds() throws Exception {
        int width = 4;
        int n = 4;
        float[] own = new float[width * n];
        for (int i = 0; i < own.length; i++) {
            own[i] = 1 + 1.5f * i;
        }
        float[] out = new float[width * n];
        for (int x = 0; x < width; x++) {
            for (int k = 0; k < n; k++) {
                out[x * n + k] = own[x * n + k] + (x > 0 ? own[(x - 1) * n + k] : 0);
            }
        }
        Map<String, String> files = Map.of("layout.csl", resource("async_dsr_layout.csl"),
                "async_dsr_pe.csl", resource("async_dsr_pe.csl"), "run.json", outCheck(n, width, out));
        assertPasses(run(files, "wse2"));
    }

    @Test
    void anAsynchronousLoadNeedsAFabricDsdAndSaysWhatItRuns() {
        String pe = resource("async_dsr_pe.csl");
        for (String[] c : new String[][] {
                {".{ .async = true, .activate = sent }", ".{ .activate = sent }", "need .async = true"},
                {"@load_to_dsr(own_src, own_dsd);", "@load_to_dsr(own_src, own_dsd, .{ .async = true });",
                        "loads a fabin_dsd or fabout_dsd"}}) {
            Map<String, String> files = Map.of("layout.csl", resource("async_dsr_layout.csl"),
                    "async_dsr_pe.csl", pe.replace(c[0], c[1]), "run.json", outCheck(4, 2, new float[8]));
            ProgramLoadException e = assertThrows(ProgramLoadException.class, () -> run(files, "wse2"));
            assertTrue(e.getMessage().contains(c[2]), e.getMessage());
            assertTrue(e.getMessage().contains("async_dsr_pe.csl:"), e.getMessage());
        }
    }

    @Test
    void aModulePathComputedWithIsArchPicksEachArchitecturesFile() throws Exception {
        for (String arch : new String[] {"wse2", "wse3"}) {
            float[] out = new float[4];
            for (int i = 0; i < 4; i++) {
                out[i] = i * 3f + (arch.equals("wse3") ? 3 : 2);
            }
            Map<String, String> files = new HashMap<>(Map.of("layout.csl", resource("one_pe_layout.csl"),
                    "pe.csl", resource("arch_pick_pe.csl"), "arch_pick_wse2.csl", resource("arch_pick_wse2.csl"),
                    "arch_pick_wse3.csl", resource("arch_pick_wse3.csl")));
            files.put("run.json", computeThenCheckOut(out));
            assertPasses(run(files, arch));
        }
    }

    @Test
    void aModulePathMayDependOnlyOnTheArchitecture() {
        Map<String, String> files = new HashMap<>(Map.of("layout.csl", resource("one_pe_layout.csl"),
                "pe.csl", resource("arch_pick_pe.csl").replace("const on_wse3 = @is_arch(\"wse3\");",
                        "const on_wse3 = 1 > 2;"),
                "arch_pick_wse2.csl", resource("arch_pick_wse2.csl"),
                "run.json", "{ \"steps\": [ { \"launch\": \"compute\" } ] }"));
        ProgramLoadException e = assertThrows(ProgramLoadException.class, () -> run(files, "wse2"));
        assertTrue(e.getMessage().contains("pe.csl:5:") && e.getMessage().contains("@is_arch"), e.getMessage());
    }

    @Test
    void aTemplateDsdRebasedOntoF32DataCountsItsStrideInF32Elements() throws Exception {
        float[] data = {1, 2, 4, 8, 16, 32, 64, 128};
        float[] out = new float[4];
        int[] counts = {4, 2, 3};
        for (int c = 0; c < counts.length; c++) {
            for (int k = 0; k < counts[c]; k++) {
                out[c] += data[2 * k];
            }
        }
        assertPasses(run(Map.of("layout.csl", resource("one_pe_layout.csl"), "pe.csl", resource("retype_pe.csl"),
                "run.json", computeThenCheckOut(out)), "wse2"));
    }
}
