package org.waferscope.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.waferscope.engine.csl.ProgramLoadException;
import org.waferscope.engine.program.ProgramLoader;
import org.waferscope.engine.program.WaferProgram;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.Wafer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bench PROGRAM_DIR}: runs a program to its end with each thread count asked for,
 * a few times each, and prints simulation throughput. The first run of each count warms up
 * the JIT and is not counted.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Measure simulation throughput of a program folder for several thread counts.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PROGRAM_DIR", description = "the program folder, or the name of a bundled sample")
    String program;

    @Option(names = "--threads", split = ",", paramLabel = "N[,N...]", description = "thread counts (default: 1,2)")
    List<Integer> threads = new ArrayList<>(List.of(1, 2));

    @Mixin
    LoadParams loadParams = new LoadParams();

    @Mixin
    BuildOption build = new BuildOption();

    @Option(names = "--repeat", paramLabel = "N", description = "measured runs per thread count (default: ${DEFAULT-VALUE})")
    int repeat = 3;

    @Option(names = "--max-cycles", paramLabel = "N", description = "cycle budget per run (default: ${DEFAULT-VALUE})")
    long maxCycles = 100_000_000L;

    @Option(names = "--load", description = "time the load instead, phase by phase (parse, layout block, compile, "
            + "fabric build, ...), --repeat times; the first is a cold JVM's")
    boolean load;

    @Option(names = "--cycles", paramLabel = "N", description = "run N cycles (not to the end) with the first thread "
            + "count, once, and print cycles/s and memory")
    long cycles;

    @Option(names = "--explorer", description = "with --cycles: run as the explorer does (snapshots for step back, "
            + "frames at the display rate), then time stepping back")
    boolean explorer;

    @Option(names = "--with-run", description = "with --explorer: run as `run` does first, in the same process, and print "
            + "the explorer's speed against it")
    boolean withRun;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (repeat < 1 || repeat > 100 || threads.stream().anyMatch(t -> t < 1 || t > 256)) {
            err.println("waferscope: --repeat must be 1..100 and thread counts 1..256");
            return WaferscopeCli.INVALID_PROGRAM;
        }
        out.println("cpu: " + org.waferscope.engine.api.HostMachine.cpu());
        if (load || cycles > 0) {
            return measure(out, err);
        }
        WaferProgram p;
        try {
            p = ProgramArgs.load(program, ProgramArgs.options(loadParams.params, loadParams.arch, build));
        } catch (ProgramLoadException e) {
            if (e.isInternal()) {
                return WaferscopeCli.internalError(err, program, e.diagnostics().get(0).message());
            }
            e.diagnostics().stream().map(ProgramArgs::said).forEach(err::println);
            return WaferscopeCli.INVALID_PROGRAM;
        } catch (IllegalArgumentException e) {
            err.println("waferscope: " + e.getMessage());
            return WaferscopeCli.INVALID_PROGRAM;
        }
        out.printf(Locale.ROOT, "%s  [%s, %d × %d PEs]%n", p.title(), p.profile().name(), p.layout().width(),
                p.layout().height());
        out.printf(Locale.ROOT, "%8s %12s %12s %16s %18s%n", "threads", "cycles", "wall s", "cycles/s", "PE-cycles/s");
        for (int t : threads) {
            run(p, t, maxCycles);
            double best = Double.MAX_VALUE;
            long cycles = 0;
            for (int i = 0; i < repeat; i++) {
                RunResult r = run(p, t, maxCycles);
                cycles = r.cycles();
                best = Math.min(best, r.wallSeconds());
            }
            double cps = best > 0 ? cycles / best : 0;
            out.printf(Locale.ROOT, "%8d %12d %12.4f %16.0f %18.0f%n", t, cycles, best, cps, cps * p.layout().peCount());
        }
        out.println("PE-cycles/s counts every PE of the fabric every cycle, busy, waiting or empty. PEs that wait");
        out.println("or have nothing to do cost almost nothing, so it can be far above the engine's rate for busy");
        out.println("PEs (docs/benchmarks.md).");
        return WaferscopeCli.OK;
    }

    /** The --load and --cycles modes. */
    private int measure(PrintWriter out, PrintWriter err) {
        try {
            ProgramLoader.LoadOptions o = ProgramArgs.options(loadParams.params, loadParams.arch, build);
            if (load) {
                LoadBench.run(program, o, threads.get(0), repeat, out);
                return WaferscopeCli.OK;
            }
            WaferProgram p = ProgramArgs.load(program, o);
            out.printf(Locale.ROOT, "%s  [%s, %d × %d PEs]%n", p.title(), p.profile().name(), p.layout().width(),
                    p.layout().height());
            if (explorer && withRun) {
                ExplorerBench.both(p, threads.get(0), cycles, out);
            } else if (explorer) {
                ExplorerBench.explorer(p, threads.get(0), cycles, out);
            } else {
                ExplorerBench.cli(p, threads.get(0), cycles, out);
            }
            return WaferscopeCli.OK;
        } catch (ProgramLoadException e) {
            e.diagnostics().stream().map(ProgramArgs::said).forEach(err::println);
            return WaferscopeCli.INVALID_PROGRAM;
        } catch (IllegalArgumentException e) {
            err.println("waferscope: " + e.getMessage());
            return WaferscopeCli.INVALID_PROGRAM;
        }
    }

    private static RunResult run(WaferProgram p, int threads, long maxCycles) {
        try (Wafer w = Wafer.load(p, threads)) {
            return w.runToCompletion(maxCycles);
        }
    }
}
