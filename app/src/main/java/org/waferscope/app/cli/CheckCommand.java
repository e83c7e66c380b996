package org.waferscope.app.cli;

import java.io.PrintWriter;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.waferscope.engine.csl.ProgramLoadException;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.program.ProgramLoader;
import org.waferscope.engine.program.WaferProgram;
import org.waferscope.engine.sim.Wafer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code check PROGRAM_DIR}: everything {@code run} does before cycle 0 (the CSL parsed and
 * compiled, the layout evaluated and its routes checked, run.json read, the program placed
 * on a fabric), and nothing after: a student editing a copy of a sample asks "does it
 * load?" without running it. Exit codes as {@code run}'s: 0 it loads, 2 it does not (each
 * error as {@code file:line:col: error: message} on standard error), 4 an internal error.
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Load a program folder and say every error it has, without running it: the CSL, the layout "
                + "and its routes, run.json, and whether the machine can hold it. Exit code 0 when it loads, "
                + "2 when it does not.")
final class CheckCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PROGRAM_DIR", description = "the program folder, or the name of a bundled sample")
    String program;

    @Mixin
    LoadParams loadParams = new LoadParams();

    @Mixin
    BuildOption build = new BuildOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProgramLoader.LoadOptions options;
        try {
            options = ProgramArgs.options(loadParams.params, loadParams.arch, build);
        } catch (IllegalArgumentException e) {
            err.println("waferscope: " + e.getMessage());
            return WaferscopeCli.INVALID_PROGRAM;
        }
        WaferProgram p;
        try {
            p = ProgramArgs.load(program, options);
        } catch (ProgramLoadException e) {
            if (e.isInternal()) {
                return WaferscopeCli.internalError(err, program, e.diagnostics().get(0).message());
            }
            ProgramArgs.sayErrors(err, e);
            int errors = e.diagnostics().size() + e.dropped();
            err.println(program + ": " + errors + (errors == 1 ? " error" : " errors") + "; nothing was run");
            return WaferscopeCli.INVALID_PROGRAM;
        }
        ProgramArgs.sayFirstOfSeveral(err, program, build, "checks");
        try (Wafer w = Wafer.load(p, 1)) {
            out.println(program + ": no errors. " + summary(p));
        } catch (org.waferscope.engine.fabric.FabricException | IllegalArgumentException e) {
            err.println(program + ": error: the machine cannot run this program: " + e.getMessage());
            return WaferscopeCli.INVALID_PROGRAM;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return WaferscopeCli.internalError(err, program, org.waferscope.engine.api.Crash.describe(e));
        }
        return WaferscopeCli.OK;
    }

    /** What loaded: "Broadcast chain on a 5 × 1 wse2 fabric: 5 PEs run receiver.csl, sender.csl; 6 host steps." */
    static String summary(WaferProgram p) {
        FabricLayout l = p.layout();
        long withCode = 0;
        for (int pe = 0; pe < l.peCount(); pe++) {
            if (l.programOf(pe) >= 0) {
                withCode++;
            }
        }
        TreeSet<String> files = new TreeSet<>();
        l.programs().forEach(pe -> files.add(pe.name()));
        int steps = p.steps().size();
        return String.format(java.util.Locale.ROOT, "%s on a %d × %d %s fabric: %,d PE%s run %s; %d host step%s.",
                p.title(), l.width(), l.height(), p.profile().name(), withCode, withCode == 1 ? "" : "s",
                files.isEmpty() ? "no code" : String.join(", ", files), steps, steps == 1 ? "" : "s");
    }
}
