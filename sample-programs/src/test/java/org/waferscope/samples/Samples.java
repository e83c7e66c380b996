package org.waferscope.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.csl.ProgramLoadException;
import org.waferscope.engine.host.HostArray;
import org.waferscope.engine.program.ClasspathSource;
import org.waferscope.engine.program.ProgramLoader;
import org.waferscope.engine.program.WaferProgram;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.Wafer;
import org.waferscope.engine.sim.WaferStatus;

/**
 * Loads a bundled sample through the real front end, from the class path exactly as the
 * application does, and runs it on the engine to its end.
 */
final class Samples {
    static final String ROOT = "org/waferscope/samples/";
    /** Far more cycles than any sample needs at the sizes the tests use; a hang shows as BUDGET_EXHAUSTED. */
    static final long BUDGET = 20_000_000L;

    private Samples() {
    }

    static WaferProgram load(String sample, Map<String, String> params, String arch) throws ProgramLoadException {
        ProgramLoader.LoadOptions options = ProgramLoader.LoadOptions.DEFAULTS.withParams(params);
        if (arch != null) {
            options = options.withArch(ArchProfile.byName(arch));
        }
        return ProgramLoader.load(new ClasspathSource(Samples.class.getClassLoader(), ROOT + sample), options);
    }

    static RunResult run(String sample, Map<String, String> params) throws ProgramLoadException {
        return run(sample, params, null, 1);
    }

    static RunResult run(String sample, Map<String, String> params, String arch, int threads)
            throws ProgramLoadException {
        WaferProgram p = load(sample, params, arch);
        try (Wafer w = Wafer.load(p, threads)) {
            return w.runToCompletion(BUDGET);
        }
    }

    /** The run ended normally and every check in run.json passed. */
    static void assertHalted(RunResult r) {
        assertEquals(WaferStatus.HALTED, r.status(), () -> String.join("\n", r.report()));
        r.checks().forEach(c -> assertTrue(c.pass(), c.describe()));
    }

    /**
     * run.json's one check of {@code sample} run with {@code params}: its expected values (computed
     * by the loader from the inputs) and that the run passed it, so that `run` verifies the result
     * on its own, not only this test suite.
     */
    static double[] checkedAndPassed(String sample, Map<String, String> params, RunResult r) throws ProgramLoadException {
        List<org.waferscope.engine.host.HostStep.Check> checks = load(sample, params, null).steps().stream()
                .filter(org.waferscope.engine.host.HostStep.Check.class::isInstance)
                .map(org.waferscope.engine.host.HostStep.Check.class::cast).toList();
        assertEquals(1, checks.size(), sample + "'s run.json checks its result");
        assertEquals(1, r.checks().size());
        assertTrue(r.checks().get(0).pass(), r.checks().get(0).describe());
        return checks.get(0).expected();
    }

    static double[] doubles(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    static HostArray array(RunResult r, String name) {
        HostArray a = r.arrays().get(name);
        if (a == null) {
            throw new AssertionError("no host array " + name + "; the run has " + r.arrays().keySet());
        }
        return a;
    }

    static float[] floats(RunResult r, String name) {
        HostArray a = array(r, name);
        float[] out = new float[a.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) a.value(i);
        }
        return out;
    }

    static long[] ints(RunResult r, String name) {
        HostArray a = array(r, name);
        long[] out = new long[a.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (long) a.value(i);
        }
        return out;
    }

    static int param(WaferProgram p, String name) {
        return Integer.parseInt(p.params().get(name).trim());
    }

    /** Compares element by element within {@code tol}, relative to magnitudes above 1; names the first difference. */
    static void assertClose(float[] expected, float[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(expected[i] - actual[i]);
            if (!(err <= tol * Math.max(1.0, Math.abs(expected[i])))) {
                throw new AssertionError(what + ": element " + i + " is " + actual[i] + ", expected " + expected[i]
                        + " (first of " + countOff(expected, actual, tol) + " off)");
            }
        }
    }

    private static int countOff(float[] e, float[] a, double tol) {
        int n = 0;
        for (int i = 0; i < e.length; i++) {
            if (!(Math.abs(e[i] - a[i]) <= tol * Math.max(1.0, Math.abs(e[i])))) {
                n++;
            }
        }
        return n;
    }

    /** A file of a sample, as text. */
    static String text(String sample, String file) throws IOException {
        try (InputStream in = Samples.class.getClassLoader().getResourceAsStream(ROOT + sample + "/" + file)) {
            if (in == null) {
                throw new IOException("no " + file + " in sample " + sample);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Runs a variant of a sample held in memory: its files, with some replaced. */
    static RunResult runVariant(String sample, Map<String, String> replaced, Map<String, String> params, String arch,
                                String... files) throws IOException, ProgramLoadException {
        Map<String, String> all = new java.util.HashMap<>();
        for (String f : files) {
            all.put(f, text(sample, f));
        }
        all.putAll(replaced);
        ProgramLoader.LoadOptions options = ProgramLoader.LoadOptions.DEFAULTS.withParams(params);
        if (arch != null) {
            options = options.withArch(ArchProfile.byName(arch));
        }
        WaferProgram p = ProgramLoader.load(new org.waferscope.engine.program.MemorySource(sample, all), options);
        try (Wafer w = Wafer.load(p, 1)) {
            return w.runToCompletion(BUDGET);
        }
    }

    /** The sample folder names in teaching order, from index.txt. */
    static List<String> index() throws IOException {
        try (InputStream in = Samples.class.getClassLoader().getResourceAsStream(ROOT + "index.txt")) {
            if (in == null) {
                throw new IOException("no " + ROOT + "index.txt on the class path");
            }
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::trim).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        }
    }
}
