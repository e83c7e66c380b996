package org.waferscope.app.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.waferscope.engine.csl.PhaseClock;
import org.waferscope.engine.csl.ProgramLoadException;
import org.waferscope.engine.program.ProgramLoader;
import org.waferscope.engine.program.WaferProgram;
import org.waferscope.engine.sim.ConsoleLog;
import org.waferscope.engine.sim.Wafer;

/**
 * {@code bench --load}: where the time of loading a program goes, phase by phase (parse,
 * layout block, compile, route check, host arrays, fabric build, host copies) to the wafer on
 * show, and then the cycle-0 snapshot the explorer takes for stepping back once its first
 * frame is out (not in the total). The first load runs on a cold JVM,
 * as a user's does. Each phase shows wall time and the CPU time of the loading thread and of
 * the fabric build's helper threads (the GC's and the compiler's threads are not in it; on a
 * shared machine it is the steadier figure).
 */
final class LoadBench {
    private LoadBench() {
    }

    /** The row of the helper threads' CPU seconds, part of the phases' CPU above it. */
    static final String HELPERS = "of which helpers";
    /** The row of the explorer's cycle-0 snapshot, taken once the loaded wafer is on show: after the total. */
    static final String SNAPSHOT = "then cycle-0 snapshot";

    static void run(String program, ProgramLoader.LoadOptions options, int threads, int repeat, PrintWriter out)
            throws ProgramLoadException {
        Map<String, double[]> table = new LinkedHashMap<>();
        for (int i = 0; i < repeat; i++) {
            PhaseClock clock = PhaseClock.started();
            long t0 = System.nanoTime();
            WaferProgram p = ProgramArgs.load(program, options, clock);
            try (Wafer w = Wafer.load(p, threads, new ConsoleLog(), clock)) {
                double total = ExplorerBench.seconds(t0);
                double cpuTotal = 0;
                for (Map.Entry<String, Long> e : clock.nanos().entrySet()) {
                    double[] row = table.computeIfAbsent(e.getKey(), k -> new double[2 * repeat]);
                    row[2 * i] = e.getValue() / 1e9;
                    row[2 * i + 1] = clock.cpuNanos().get(e.getKey()) / 1e9;
                    cpuTotal += row[2 * i + 1];
                }
                double[] row = table.computeIfAbsent("total", k -> new double[2 * repeat]);
                row[2 * i] = total;
                row[2 * i + 1] = cpuTotal;
                // the fabric build's helper threads: their share of the CPU column (no wall of their own)
                double helpers = clock.helperCpuNanos().values().stream().mapToLong(Long::longValue).sum() / 1e9;
                table.computeIfAbsent(HELPERS, k -> new double[2 * repeat])[2 * i + 1] = helpers;
                // the explorer shows the wafer first and takes its cycle-0 snapshot after (Simulator, History#startOwing)
                PhaseClock after = PhaseClock.started();
                w.snapshot();
                after.lap(SNAPSHOT);
                double[] snap = table.computeIfAbsent(SNAPSHOT, k -> new double[2 * repeat]);
                snap[2 * i] = after.nanos().get(SNAPSHOT) / 1e9;
                snap[2 * i + 1] = after.cpuNanos().get(SNAPSHOT) / 1e9;
                if (i == 0) {
                    out.printf(Locale.ROOT, "%s  [%s, %d × %d PEs]%n", p.title(), p.profile().name(), p.layout().width(),
                            p.layout().height());
                }
            }
        }
        out.printf(Locale.ROOT, "%-22s", "seconds per phase");
        for (int i = 0; i < repeat; i++) {
            String run = i == 0 ? "cold" : "run " + (i + 1);
            out.printf(Locale.ROOT, "%12s%8s", run + " wall", "cpu");
        }
        out.println();
        table.forEach((phase, s) -> {
            out.printf(Locale.ROOT, "%-22s", phase);
            for (int i = 0; i < s.length; i += 2) {
                if (phase.equals(HELPERS)) {
                    out.printf(Locale.ROOT, "%12s%8.3f", "", s[i + 1]);
                } else {
                    out.printf(Locale.ROOT, "%12.3f%8.3f", s[i], s[i + 1]);
                }
            }
            out.println();
        });
        long[] rss = org.waferscope.engine.api.HostMachine.residentMb();
        out.printf(Locale.ROOT, "resident memory %d MB, peak %d MB%n", rss[0], rss[1]);
    }
}
