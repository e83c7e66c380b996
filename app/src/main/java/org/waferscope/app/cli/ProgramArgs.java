package org.waferscope.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.csl.Diagnostic;
import org.waferscope.engine.csl.ProgramLoadException;
import org.waferscope.engine.program.ClasspathSource;
import org.waferscope.engine.program.ProgramLoader;
import org.waferscope.engine.program.WaferProgram;

/** Loads the program a command names: a folder, or a bundled sample by name, with params and an architecture. */
final class ProgramArgs {
    private ProgramArgs() {
    }

    /**
     * One load error as compilers print it, {@code file:line:col: error: message}; an error about
     * the program folder as a whole ("open one of the 32 program folders inside this one") is
     * positioned at the folder, where a line and a column mean nothing: {@code folder: error: message}.
     */
    static String said(Diagnostic d) {
        boolean folder = d.pos().line() == 1 && d.pos().column() == 1 && Files.isDirectory(Path.of(d.pos().file()));
        boolean name = d.pos().line() == AT_THE_NAME.line() && d.pos().column() == AT_THE_NAME.column();
        return folder || name ? d.pos().file() + ": error: " + d.message() : d.toString();
    }

    /**
     * Where an error about the name a command was given is placed, a name that is neither a
     * folder nor a file ("mandelbrt"): no line and no column, which {@link #said} leaves out.
     */
    private static final org.waferscope.engine.ir.SourcePos AT_THE_NAME = new org.waferscope.engine.ir.SourcePos("", 0, 0);

    private static org.waferscope.engine.ir.SourcePos atTheName(String program) {
        return new org.waferscope.engine.ir.SourcePos(program, AT_THE_NAME.line(), AT_THE_NAME.column());
    }

    /** Loads {@code program} or prints why not (positioned diagnostics) and returns null. */
    static WaferProgram load(String program, Map<String, String> params, String arch, PrintWriter err) {
        return load(program, params, arch, new BuildOption(), err);
    }

    /** As above, opening the build of an SDK example's script that {@code build} names (the first without it). */
    static WaferProgram load(String program, Map<String, String> params, String arch, BuildOption build, PrintWriter err) {
        ProgramLoader.LoadOptions options;
        try {
            options = options(params, arch, build);
        } catch (IllegalArgumentException e) {
            err.println("waferscope: " + e.getMessage());
            return null;
        }
        return load(program, options, err);
    }

    /** Loads {@code program} with {@code options} or prints why not (positioned diagnostics) and returns null. */
    static WaferProgram load(String program, ProgramLoader.LoadOptions options, PrintWriter err) {
        return load(program, options, err, null);
    }

    /** As above; {@code heading} (null: none) is said first when the load fails (compare's "run B ..."). */
    static WaferProgram load(String program, ProgramLoader.LoadOptions options, PrintWriter err, String heading) {
        try {
            return load(program, options);
        } catch (IllegalArgumentException e) {
            if (heading != null) {
                err.println(heading);
            }
            err.println("waferscope: " + e.getMessage());
        } catch (ProgramLoadException e) {
            if (heading != null) {
                err.println(heading);
            }
            sayErrors(err, e);
        }
        return null;
    }

    /** Prints a failed load's errors, each where it is ({@link #said}), and how many more were dropped. */
    static void sayErrors(PrintWriter err, ProgramLoadException e) {
        for (Diagnostic d : e.diagnostics()) {
            err.println(said(d));
        }
        if (e.dropped() > 0) {
            err.println("... and " + e.dropped() + " more errors");
        }
    }

    /**
     * As the explorer's console says it: that a program folder whose build script compiles several
     * programs was opened at its first, so that what a command {@code does} with it ("runs",
     * "checks") does not pass for the whole example's. Nothing when {@code build} names one.
     */
    static void sayFirstOfSeveral(PrintWriter err, String program, BuildOption build, String does) {
        if (build.build == null && Files.isDirectory(Path.of(program))) {
            String others = org.waferscope.engine.program.SdkFolderSource.firstOfSeveral(Path.of(program), does);
            if (others != null) {
                err.println("waferscope: " + others + " --build N " + does + " another.");
            }
        }
    }

    /**
     * The load options of a command's {@code --param}, {@code --arch} and {@code --build}.
     *
     * @throws IllegalArgumentException naming what is wrong, for an unknown architecture or a malformed build
     */
    static ProgramLoader.LoadOptions options(Map<String, String> params, String arch, BuildOption build) {
        ProgramLoader.LoadOptions options = build.apply(ProgramLoader.LoadOptions.DEFAULTS.withParams(params));
        return arch == null ? options : options.withArch(ArchProfile.byName(arch));
    }

    private static boolean isCluster(String program) {
        Path dir = Path.of(program);
        if (Files.isDirectory(dir)) {
            return Files.exists(dir.resolve("cluster.json")) && !Files.exists(dir.resolve("run.json"));
        }
        return program.matches("[A-Za-z0-9_-]+")
                && ProgramArgs.class.getClassLoader().getResource(RunCommand.SAMPLES + program + "/cluster.json") != null;
    }

    static WaferProgram load(String program, ProgramLoader.LoadOptions options) throws ProgramLoadException {
        return load(program, options, org.waferscope.engine.csl.PhaseClock.OFF);
    }

    /** As above, charging each phase of the load to {@code clock}. */
    static WaferProgram load(String program, ProgramLoader.LoadOptions options, org.waferscope.engine.csl.PhaseClock clock)
            throws ProgramLoadException {
        if (isCluster(program)) {
            // A cluster folder has a layout but no run.json; loading it as a wafer program only said "not a folder".
            throw new ProgramLoadException(new Diagnostic(atTheName(program),
                    program + " is a cluster program (cluster.json): train it with `train " + program + "`"));
        }
        Path dir = Path.of(program);
        if (!Files.exists(dir) && program.matches("[A-Za-z0-9_-]+")
                && ProgramArgs.class.getClassLoader().getResource(RunCommand.SAMPLES + program + "/run.json") != null) {
            if (options.build() != null) {
                // a folder without a build script refuses --build (ProgramLoader); a bundled sample has none either
                throw new ProgramLoadException(new Diagnostic(new org.waferscope.engine.ir.SourcePos(program, 1, 1),
                        "--build " + options.build().spec() + " chooses a build of an SDK example's build script, and "
                                + "the bundled sample " + program + " has none (it is one program: leave --build out)"));
            }
            return ProgramLoader.load(new ClasspathSource(ProgramArgs.class.getClassLoader(),
                    RunCommand.SAMPLES + program), options, clock);
        }
        if (!Files.exists(dir) && program.matches("[A-Za-z0-9_-]+")) {
            // a mistyped sample name: say which names there are, not only that no such folder exists
            throw new ProgramLoadException(new Diagnostic(atTheName(program),
                    "no program folder " + program + " here, and "
                            + new org.waferscope.app.samples.SampleCatalog(ProgramArgs.class.getClassLoader()).unknownOnTheWafer(program)));
        }
        return ProgramLoader.load(dir, options, clock);
    }
}
