package org.waferscope.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.csl.Diagnostic;
import org.waferscope.engine.csl.ProgramLoadException;
import org.waferscope.engine.program.ClasspathSource;
import org.waferscope.engine.program.ProgramLoader;
import org.waferscope.engine.program.ProgramSource;
import org.waferscope.engine.program.WaferProgram;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.Wafer;
import org.waferscope.engine.sim.WaferStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code run PROGRAM_DIR}: loads a program folder, runs its host steps to the end and
 * reports checks, cycles, simulated time, throughput and simprint output. Exit codes: 0 all
 * checks pass, 1 a check failed, 2 invalid program, 3 deadlock, fault or cycle budget
 * exhausted, 4 an internal error (a bug in Waferscope, reported in one line).
 */
@Command(name = "run", mixinStandardHelpOptions = true, version = WaferscopeCli.VERSION,
        description = "Run a program folder (layout.csl, PE programs, run.json) to the end.")
final class RunCommand implements Callable<Integer> {
    static final String SAMPLES = "org/waferscope/samples/";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PROGRAM_DIR", description = "the program folder, or the name of a bundled sample")
    String program;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: ${DEFAULT-VALUE})")
    int threads = 1;

    @Option(names = "--arch", paramLabel = "wse2|wse3", description = "architecture (default: run.json's, else wse2)")
    String arch;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "set a layout param (repeatable)")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--max-cycles", paramLabel = "N", description = "cycle budget (default: ${DEFAULT-VALUE})")
    long maxCycles = 100_000_000L;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Override
    public Integer call() {
        java.io.PrintWriter out = spec.commandLine().getOut();
        java.io.PrintWriter err = spec.commandLine().getErr();
        if (threads < 1 || threads > 256) {
            err.println("waferscope: --threads must be 1..256");
            return WaferscopeCli.INVALID_PROGRAM;
        }
        if (maxCycles < 1) {
            err.println("waferscope: --max-cycles must be positive");
            return WaferscopeCli.INVALID_PROGRAM;
        }
        ProgramLoader.LoadOptions options = ProgramLoader.LoadOptions.DEFAULTS.withParams(params);
        if (arch != null) {
            try {
                options = options.withArch(ArchProfile.byName(arch));
            } catch (IllegalArgumentException e) {
                err.println("waferscope: " + e.getMessage());
                return WaferscopeCli.INVALID_PROGRAM;
            }
        }
        WaferProgram p;
        try {
            p = load(options);
        } catch (ProgramLoadException e) {
            if (e.isInternal()) {
                return WaferscopeCli.internalError(err, program, e.diagnostics().get(0).message());
            }
            for (Diagnostic d : e.diagnostics()) {
                err.println(d);
            }
            if (e.dropped() > 0) {
                err.println("... and " + e.dropped() + " more errors");
            }
            return WaferscopeCli.INVALID_PROGRAM;
        }
        RunResult r;
        int workers;
        try (Wafer w = Wafer.load(p, threads)) {
            workers = w.workers();
            r = w.runToCompletion(maxCycles);
        } catch (org.waferscope.engine.fabric.FabricException | IllegalArgumentException e) {
            err.println(program + ": error: the machine cannot run this program: " + e.getMessage());
            return WaferscopeCli.INVALID_PROGRAM;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return WaferscopeCli.internalError(err, program, org.waferscope.engine.api.Crash.describe(e));
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

    private WaferProgram load(ProgramLoader.LoadOptions options) throws ProgramLoadException {
        Path dir = Path.of(program);
        if (!Files.exists(dir) && program.matches("[A-Za-z0-9_-]+")
                && RunCommand.class.getClassLoader().getResource(SAMPLES + program + "/run.json") != null) {
            ProgramSource bundled = new ClasspathSource(RunCommand.class.getClassLoader(), SAMPLES + program);
            return ProgramLoader.load(bundled, options);
        }
        return ProgramLoader.load(dir, options);
    }
}
