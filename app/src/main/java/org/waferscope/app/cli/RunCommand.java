package org.waferscope.app.cli;

import java.io.PrintWriter;

import java.util.concurrent.Callable;
import org.waferscope.engine.csl.Diagnostic;
import org.waferscope.engine.csl.ProgramLoadException;
import org.waferscope.engine.program.ProgramLoader;
import org.waferscope.engine.program.WaferProgram;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.Wafer;
import org.waferscope.engine.sim.WaferStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code run PROGRAM_DIR}: loads a program folder, runs its host steps to the end and
 * reports checks, cycles, simulated time, throughput and simprint output. Exit codes: 0 all
 * checks pass, 1 a check failed, 2 invalid program, 3 deadlock, fault or cycle budget
 * exhausted, 4 an internal error (a bug in Waferscope, reported in one line).
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run a program folder (layout.csl, PE programs, run.json) to the end.")
final class RunCommand implements Callable<Integer> {
    static final String SAMPLES = "org/waferscope/samples/";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PROGRAM_DIR", description = "the program folder, or the name of a bundled sample")
    String program;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: ${DEFAULT-VALUE})")
    int threads = 1;

    @Mixin
    LoadParams loadParams = new LoadParams();

    @Mixin
    BuildOption build = new BuildOption();

    @Option(names = "--max-cycles", paramLabel = "N", description = "cycle budget (default: ${DEFAULT-VALUE})")
    long maxCycles = 100_000_000L;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Option(names = "--break", paramLabel = "SPEC", description = "report every time this breakpoint fires, and go on "
            + "(repeatable): FILE:LINE[@X,Y][ if COND][ hit N], task[:ID][@X,Y], wavelet:COLOR[@X,Y], "
            + "write:SYMBOL[@X,Y][ if COND], queue-full[@X,Y], host-step:N, cycle:N")
    java.util.List<String> breaks = new java.util.ArrayList<>();

    @Override
    public Integer call() {
        java.io.PrintWriter out = spec.commandLine().getOut();
        java.io.PrintWriter err = spec.commandLine().getErr();
        if (threads < 1 || threads > 256) {
            return refuse("--threads must be 1..256");
        }
        if (maxCycles < 1) {
            return refuse("--max-cycles must be positive");
        }
        ProgramLoader.LoadOptions options;
        try {
            options = ProgramArgs.options(loadParams.params, loadParams.arch, build);
        } catch (IllegalArgumentException e) {
            return refuse(e.getMessage());
        }
        java.util.List<org.waferscope.engine.api.Breakpoint> bps = new java.util.ArrayList<>();
        for (String b : breaks) {
            try {
                bps.add(org.waferscope.engine.api.BreakSpec.parse(b));
            } catch (IllegalArgumentException e) {
                return refuse("--break: " + e.getMessage());
            }
        }
        WaferProgram p;
        try {
            p = load(options);
        } catch (ProgramLoadException e) {
            if (e.isInternal()) {
                return internal(e.diagnostics().get(0).message());
            }
            ProgramArgs.sayErrors(err, e);
            if (json) {
                out.println(RunReport.invalid(program, e.diagnostics(), e.dropped()));
            }
            return WaferscopeCli.INVALID_PROGRAM;
        }
        ProgramArgs.sayFirstOfSeveral(err, program, build, "runs");
        RunResult r;
        int workers;
        try (Wafer w = Wafer.load(p, threads)) {
            workers = w.workers();
            java.util.List<String> never = org.waferscope.engine.sim.BreakRun.problems(w, bps);
            if (!never.isEmpty()) {
                // a usage error, as a --break the parser does not read: the run would say "0 hit(s)" and prove nothing
                return refuse("--break: " + String.join(System.lineSeparator() + "waferscope: --break: ", never));
            }
            long start = System.nanoTime();
            if (!bps.isEmpty()) {
                // With --json, stdout holds the one JSON object and nothing else; the hits go to stderr.
                PrintWriter hitsTo = json ? err : out;
                int hits = org.waferscope.engine.sim.BreakRun.untilTheEnd(w, bps, maxCycles,
                        warning -> err.println("waferscope: " + warning),
                        // the run goes on at each hit: the explorer's "paused at" is not said here
                        h -> hitsTo.printf(java.util.Locale.ROOT, "%,10d  %s%n", h.cycle(), h.event()));
                hitsTo.println(hits + " breakpoint hit(s)");
            }
            r = w.runToCompletion(Math.max(1, maxCycles - w.cycle()));
            // the breakpoints' part ran most cycles (runToCompletion timed only the rest): the report times the whole run
            r = r.withWallSeconds((System.nanoTime() - start) / 1e9);
        } catch (org.waferscope.engine.fabric.FabricException | IllegalArgumentException e) {
            err.println(program + ": error: the machine cannot run this program: " + e.getMessage());
            if (json) {
                out.println(RunReport.invalid(program, java.util.List.of(new Diagnostic(
                        new org.waferscope.engine.ir.SourcePos(program, 1, 1), "the machine cannot run this program: "
                        + e.getMessage())), 0));
            }
            return WaferscopeCli.INVALID_PROGRAM;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return internal(org.waferscope.engine.api.Crash.describe(e));
        }
        RunReport report = new RunReport(program, p, r, threads, workers);
        if (json) {
            out.println(report.json());
        } else {
            report.text(out);
        }
        if (r.status() != WaferStatus.HALTED) {
            if (json) {
                r.report().forEach(err::println);
            }
            return WaferscopeCli.STALLED;
        }
        return r.allChecksPass() ? WaferscopeCli.OK : WaferscopeCli.CHECK_FAILED;
    }

    /** A bad option: said on standard error, and with --json also as an object with one error. */
    private int refuse(String message) {
        spec.commandLine().getErr().println("waferscope: " + message);
        if (json) {
            spec.commandLine().getOut().println(RunReport.invalid(program, java.util.List.of(new Diagnostic(
                    new org.waferscope.engine.ir.SourcePos("command line", 1, 1), message)), 0));
        }
        return WaferscopeCli.INVALID_PROGRAM;
    }

    /** A bug in Waferscope: one line on standard error, and with --json an object saying so. */
    private int internal(String cause) {
        if (json) {
            spec.commandLine().getOut().println(RunReport.failed(program, "INTERNAL_ERROR", java.util.List.of(
                    new Diagnostic(new org.waferscope.engine.ir.SourcePos(program, 1, 1),
                            "internal error: " + cause)), 0));
        }
        return WaferscopeCli.internalError(spec.commandLine().getErr(), program, cause);
    }

    private WaferProgram load(ProgramLoader.LoadOptions options) throws ProgramLoadException {
        return ProgramArgs.load(program, options);
    }
}
