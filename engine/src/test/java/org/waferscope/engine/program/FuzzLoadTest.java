package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.Crash;
import org.waferscope.engine.csl.CslFixture;
import org.waferscope.engine.csl.Diagnostic;
import org.waferscope.engine.csl.ProgramLoadException;
import org.waferscope.engine.fabric.FabricException;
import org.waferscope.engine.sim.Wafer;

/**
 * Feeds mutated sample folders ({@link FuzzMutator}) through the command line's path:
 * {@link ProgramLoader#load} with the default options, then, for a program that loads,
 * {@link Wafer#load} on one thread and {@link Wafer#runToCompletion} with a cycle budget.
 * A clean outcome is a positioned error, the machine refusing the layout (as {@code run}
 * reports it), or a run report of any status; anything else (an internal load error, an
 * exception or error out of the engine) is a crash. Hangs are bounded by the loader's
 * compile-time budget and the cycle budget.
 *
 * <p>{@code verify} runs 2,000 cases. By hand, with a report of every crash signature in
 * {@code engine/target/fuzz-report.txt}:
 * {@code ./mvnw -B -o -Pfuzz -pl engine test} (100,000 cases; {@code -Dfuzz.cases=N
 * -Dfuzz.from=K} replays cases K..K+N-1, each from its own seed).
 */
class FuzzLoadTest {
    private static final long SEED = 20_261_206L;
    /** Programs bigger than this load but are not run: memory and time, not correctness, would limit them. */
    private static final int MAX_RUN_PES = 1_024;
    private static final int MAX_CYCLES = 20_000;

    /** Every sample's text files, by sample name then file name. */
    static Map<String, Map<String, String>> samples() throws IOException {
        Map<String, Map<String, String>> all = new TreeMap<>();
        Path root = CslFixture.sampleFolder("x").getParent();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.filter(p -> Files.exists(p.resolve(RunJson.FILE))).sorted().toList()) {
                Map<String, String> files = new TreeMap<>();
                try (Stream<Path> fs = Files.list(d)) {
                    for (Path f : fs.sorted().toList()) {
                        files.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
                    }
                }
                all.put(d.getFileName().toString(), files);
            }
        }
        return all;
    }

    /** Case {@code i}: a sample picked and mutated by a generator seeded from {@code i} alone. */
    static Map<String, String> folder(int i, List<Map<String, String>> samples, List<String> donors) {
        Random r = new Random(SEED * 1_000_003L + i);
        Map<String, String> files = new LinkedHashMap<>(samples.get(r.nextInt(samples.size())));
        new FuzzMutator(r, donors).mutate(files);
        return files;
    }

    /** What one case did: {@code crash} is null for a clean outcome, else the crash's signature. */
    record Outcome(boolean loaded, boolean ran, String crash) {
    }

    static Outcome outcome(Map<String, String> files) {
        WaferProgram p;
        try {
            p = ProgramLoader.load(new MemorySource("fuzz", files), ProgramLoader.LoadOptions.DEFAULTS);
        } catch (ProgramLoadException e) {
            if (e.isInternal()) {
                return new Outcome(false, false, e.diagnostics().get(0).message());
            }
            for (Diagnostic d : e.diagnostics()) {
                if (d.pos() == null || d.message() == null || d.message().isBlank()) {
                    return new Outcome(false, false, "an error without position or message: " + d);
                }
            }
            return new Outcome(false, false, null);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return new Outcome(false, false, "escaped the loader: " + Crash.describe(e));
        }
        if (p.layout().peCount() > MAX_RUN_PES) {
            return new Outcome(true, false, null);
        }
        try (Wafer w = Wafer.load(p, 1)) {
            w.runToCompletion(MAX_CYCLES);
            return new Outcome(true, true, null);
        } catch (FabricException | IllegalArgumentException e) {
            return new Outcome(true, false, null);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return new Outcome(true, true, "run: " + Crash.describe(e));
        }
    }

    @Test
    void mutatedSampleFoldersLoadAndRunOrFailCleanly() throws IOException {
        int from = Integer.getInteger("fuzz.from", 0);
        int cases = Integer.getInteger("fuzz.cases", 2_000);
        Map<String, Map<String, String>> bySample = samples();
        List<Map<String, String>> samples = new ArrayList<>(bySample.values());
        List<String> donors = samples.stream().flatMap(m -> m.values().stream()).toList();
        assertTrue(samples.size() >= 14, "samples found: " + bySample.keySet());
        Map<String, List<Integer>> crashes = new TreeMap<>();
        int loaded = 0;
        int ran = 0;
        for (int i = from; i < from + cases; i++) {
            Outcome o = outcome(folder(i, samples, donors));
            loaded += o.loaded() ? 1 : 0;
            ran += o.ran() ? 1 : 0;
            if (o.crash() != null) {
                crashes.computeIfAbsent(o.crash(), k -> new ArrayList<>()).add(i);
            }
        }
        int total = crashes.values().stream().mapToInt(List::size).sum();
        StringBuilder report = new StringBuilder(String.format("%,d cases from %d: %,d loaded, %,d ran; %d crashes, %d signatures%n",
                cases, from, loaded, ran, total, crashes.size()));
        crashes.forEach((sig, at) -> report.append(String.format("%5d  %s  (cases %s)%n", at.size(), sig,
                at.subList(0, Math.min(5, at.size())))));
        Files.writeString(Path.of("target", "fuzz-report.txt"), report);
        assertTrue(total == 0, report.toString());
        assertTrue(loaded > cases / 20 && ran > cases / 20, "most mutations should not be fatal: " + report);
    }
}
