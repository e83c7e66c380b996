package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.csl.CslFixture;
import org.waferscope.engine.csl.ProgramLoadException;

/**
 * Feeds thousands of mutated and truncated program folders (seeded, so failures repeat) to
 * the loader: each must load or fail with a clean {@link ProgramLoadException}, never
 * crash or hang.
 */
class FuzzLoadTest {
    /** Programs that load are also run briefly: what the loader accepts, the engine must be able to take. */
    private static final boolean RUN = true;
    private static final int CASES = 3000;
    private static final String[] POOL = {"{", "}", "(", ")", ";", ",", ".{", ".", "@", "\"", "|", "->", "&", "*",
        "[", "]", "999999999999", "-1", "0", "65536", "1e40", "while (true) {}", "@map(", "for (@range(u16, 65535)) |i| {}",
        "var", "const", "\"../x.csl\"", "@set_rectangle(1000, 1000);", "[*]", "fn", "task", "comptime", "if", "else",
        "@get_color(99)", "@get_local_task_id(22)", "@fmacs(", ".{ .async = true }", "\u00e9", "\u0000", "\t", "\n",
        "[100000]f32", "@increment_dsd_offset(", "return", "break;", "null", "{ \"x\": 1 }", "[", "]", "\"M * N * 1000\""};

    private static Map<String, String> gemv() {
        Map<String, String> m = new HashMap<>();
        for (String f : new String[] {"layout.csl", "pe_program.csl", "run.json"}) {
            m.put(f, CslFixture.sample("gemv-checkerboard", f));
        }
        return m;
    }

    private static List<Map<String, String>> corpus() {
        return List.of(gemv(),
                Map.of("layout.csl", LanguageRunTest.ONE_PE_LAYOUT, "pe.csl", LanguageRunTest.SCALARS,
                        "run.json", LanguageRunTest.SCALARS_RUN),
                Map.of("layout.csl", LanguageRunTest.CHAIN_LAYOUT, "first.csl", LanguageRunTest.FIRST,
                        "second.csl", LanguageRunTest.SECOND, "run.json", LanguageRunTest.CHAIN_RUN));
    }

    static String mutate(String s, Random r) {
        if (s.isEmpty()) {
            return POOL[r.nextInt(POOL.length)];
        }
        int at = r.nextInt(s.length());
        switch (r.nextInt(6)) {
            case 0 -> {
                return s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + r.nextInt(20)));
            }
            case 1 -> {
                return s.substring(0, at) + POOL[r.nextInt(POOL.length)] + s.substring(at);
            }
            case 2 -> {
                return s.substring(0, at);
            }
            case 3 -> {
                List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
                int i = r.nextInt(lines.size());
                lines.add(r.nextInt(lines.size()), lines.get(i));
                return String.join("\n", lines);
            }
            case 4 -> {
                List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
                java.util.Collections.swap(lines, r.nextInt(lines.size()), r.nextInt(lines.size()));
                return String.join("\n", lines);
            }
            default -> {
                return s.replaceFirst("\\d+", Integer.toString(r.nextInt(3) == 0 ? -r.nextInt(100) : r.nextInt(100_000)));
            }
        }
    }

    @Test
    void mutatedProgramsLoadOrFailCleanly() {
        Random r = new Random(20_261_125L);
        List<Map<String, String>> corpus = corpus();
        ProgramLoader.LoadOptions options = new ProgramLoader.LoadOptions(null, Map.of(), 2_000_000);
        long start = System.nanoTime();
        int loaded = 0;
        for (int i = 0; i < CASES; i++) {
            Map<String, String> files = new HashMap<>(corpus.get(r.nextInt(corpus.size())));
            List<String> names = new ArrayList<>(files.keySet());
            java.util.Collections.sort(names);
            int mutations = 1 + r.nextInt(3);
            for (int k = 0; k < mutations; k++) {
                String f = names.get(r.nextInt(names.size()));
                files.put(f, mutate(files.get(f), r));
            }
            long t0 = System.nanoTime();
            try {
                WaferProgram p = ProgramLoader.load(new MemorySource("fuzz", files), options);
                loaded++;
                if (RUN && p.layout().peCount() <= 64) {
                    try (org.waferscope.engine.sim.Wafer w = org.waferscope.engine.sim.Wafer.load(p, 1)) {
                        w.runToCompletion(20_000);
                    } catch (org.waferscope.engine.fabric.FabricException e) {
                        // the machine refusing a program is a clean outcome too
                    }
                }
            } catch (ProgramLoadException e) {
                assertTrue(!e.diagnostics().isEmpty(), "a failed load must say why");
                e.diagnostics().forEach(d -> assertTrue(d.pos() != null && d.message() != null && !d.message().isBlank()));
                if (e.getMessage().contains("internal error")) {
                    fail("case " + i + " hit an internal error: " + e.getMessage() + "\nfiles: " + files);
                }
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                throw new AssertionError("case " + i + " crashed the loader; files: " + files, e);
            }
            double caseSeconds = (System.nanoTime() - t0) / 1e9;
            assertTrue(caseSeconds < 5, "case " + i + " took " + caseSeconds + " s");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(loaded > 0, "no mutation at all loaded; the corpus itself may be broken");
        assertTrue(seconds < 40, "fuzzing took " + seconds + " s");
    }
}
