package org.waferscope.engine.program;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.Diagnostics;
import org.waferscope.engine.csl.PhaseClock;
import org.waferscope.engine.csl.ProgramLoadException;
import org.waferscope.engine.csl.eval.Budget;
import org.waferscope.engine.csl.layout.LayoutEvaluator;
import org.waferscope.engine.csl.layout.LayoutResult;
import org.waferscope.engine.csl.syntax.SourceFile;
import org.waferscope.engine.ir.SourcePos;

/**
 * Loads a program folder ({@code layout.csl}, its PE programs, {@code run.json}) into a
 * {@link WaferProgram}, or fails with every problem found, each as
 * {@code file:line:col: error: message}.
 *
 * <pre>{@code
 * WaferProgram p = ProgramLoader.load(Path.of("gemv-checkerboard"), LoadOptions.DEFAULTS);
 * }</pre>
 */
public final class ProgramLoader {
    static final String LAYOUT = "layout.csl";
    /** CSL files larger than this are refused. */
    static final int MAX_CSL_BYTES = 1 << 20;
    static final int MAX_RUN_JSON_BYTES = 16 << 20;

    /**
     * How to load.
     *
     * @param arch   architecture, or null for run.json's "arch" (default wse2)
     * @param params layout params that override run.json's "params", as text
     * @param budget compile-time steps allowed (layout loops and all)
     */
    /**
     * How to load a folder.
     *
     * @param build for an SDK example folder, which build of its script (and run variant) to open;
     *              null for the first ({@code --build})
     */
    public record LoadOptions(ArchProfile arch, Map<String, String> params, long budget, SdkChoice build) {
        public static final LoadOptions DEFAULTS = new LoadOptions(null, Map.of(), Budget.DEFAULT_STEPS);

        public LoadOptions {
            params = Map.copyOf(params);
        }

        public LoadOptions(ArchProfile arch, Map<String, String> params, long budget) {
            this(arch, params, budget, null);
        }

        public LoadOptions withArch(ArchProfile a) {
            return new LoadOptions(a, params, budget, build);
        }

        public LoadOptions withParams(Map<String, String> p) {
            return new LoadOptions(arch, p, budget, build);
        }

        public LoadOptions withBuild(SdkChoice b) {
            return new LoadOptions(arch, params, budget, b);
        }
    }

    private ProgramLoader() {
    }

    /**
     * Starts reading a small run.json on a daemon thread, so that the JSON mapper a load's
     * first step needs is made and warmed on the other core while a launcher parses its
     * command line. Harmless if no load follows; a load that comes first waits for the
     * mapper's class to be initialised, as it would have made it itself.
     */
    public static void warmUpAhead() {
        Thread t = new Thread(RunJson::warmUp, "load warm-up");
        t.setDaemon(true);
        t.start();
    }

    public static WaferProgram load(Path folder, LoadOptions options) throws ProgramLoadException {
        return load(folder, options, PhaseClock.OFF);
    }

    /** As {@link #load(Path, LoadOptions)}, charging the time of each phase to {@code clock}. */
    public static WaferProgram load(Path folder, LoadOptions options, PhaseClock clock) throws ProgramLoadException {
        ProgramSource src;
        try {
            boolean wse3 = options.arch() != null && options.arch().name().equalsIgnoreCase("wse3");
            ProgramSource sdk = SdkFolderSource.open(folder, wse3, options.build() == null ? SdkChoice.FIRST : options.build());
            if (sdk == null && options.build() != null) {
                throw new ProgramLoadException(new org.waferscope.engine.csl.Diagnostic(new SourcePos(String.valueOf(folder), 1, 1),
                        "--build " + options.build().spec() + " chooses a build of an SDK example's build script, and this "
                        + "folder has none (no commands_wse2.sh with a cslc command)"));
            }
            src = sdk != null ? sdk : new FolderSource(folder);
            String hint = sdk == null ? SdkLayoutFolder.hint(folder) : null;
            hint = hint == null && sdk == null ? FolderOfPrograms.hint(folder) : hint;
            if (hint != null) {
                throw new ProgramLoadException(new org.waferscope.engine.csl.Diagnostic(
                        new SourcePos(String.valueOf(folder), 1, 1), hint));
            }
            if (sdk == null) {
                Diagnostics partial = PartialFolder.check(folder, src);
                if (partial != null) {
                    partial.throwIfAny();
                }
            }
        } catch (IOException e) {
            throw new ProgramLoadException(new org.waferscope.engine.csl.Diagnostic(new SourcePos(String.valueOf(folder), 1, 1),
                    "cannot open the program folder: " + e.getMessage()));
        }
        return load(src, options, clock);
    }

    public static WaferProgram load(ProgramSource src, LoadOptions options) throws ProgramLoadException {
        return load(src, options, PhaseClock.OFF);
    }

    /** As {@link #load(ProgramSource, LoadOptions)}, charging the time of each phase to {@code clock}. */
    public static WaferProgram load(ProgramSource src, LoadOptions options, PhaseClock clock)
            throws ProgramLoadException {
        Diagnostics diags = new Diagnostics();
        Map<String, String> sources = new LinkedHashMap<>();
        WaferProgram p;
        try {
            p = load(src, options, diags, sources, clock);
        } catch (CslError e) {
            diags.error(e.pos(), e.getMessage());
            p = null;
        } catch (RuntimeException | StackOverflowError e) {
            // Never let a malformed folder crash the caller; say it is the loader that broke.
            throw ProgramLoadException.internal(new org.waferscope.engine.csl.Diagnostic(new SourcePos(src.name(), 1, 1),
                    "internal error while loading: " + org.waferscope.engine.api.Crash.describe(e)));
        }
        diags.throwIfAny();
        return p;
    }

    private static WaferProgram load(ProgramSource src, LoadOptions options, Diagnostics diags,
                                     Map<String, String> sources, PhaseClock clock) {
        // run.json's own mistakes are kept apart and reported after the CSL's, so that one
        // load lists both: the CSL's in source order first, then the host steps'.
        Diagnostics host = new Diagnostics();
        String runText = null;
        try {
            runText = text(src, RunJson.FILE, MAX_RUN_JSON_BYTES, wholeFile(src, RunJson.FILE), sources);
        } catch (CslError e) {
            host.error(e.pos(), e.getMessage());
        }
        RunPlan plan = runText == null ? null : RunJson.read(runText, host);
        SdkCommands sdk = src.sdkCommands();
        if (sdk != null && plan != null) {
            SdkExamples.checkBelongs(plan, sdk, host);
        }
        ArchProfile arch = options.arch();
        if (arch == null) {
            arch = ArchProfile.WSE2;
            String named = plan != null && plan.arch() != null ? plan.arch() : sdk != null ? sdk.arch() : null;
            if (named != null) {
                try {
                    arch = ArchProfile.byName(named);
                } catch (IllegalArgumentException e) {
                    host.error(plan != null && plan.arch() != null ? plan.locator().at("/arch")
                            : new SourcePos(SdkExamples.script(sdk), 1, 1), e.getMessage());
                }
            }
        }
        Map<String, String> params = new HashMap<>(sdk == null ? Map.of() : sdk.params());
        params.putAll(plan == null ? Map.of() : plan.params());
        params.putAll(options.params());
        LayoutResult layout;
        try {
            // A run.json that is not JSON may still have held params the layout needs: checking
            // the CSL without them would only report params missing that are not.
            boolean paramsLost = plan == null && runText != null && runText.contains("\"params\"");
            layout = paramsLost ? null : csl(src, options, arch, params, diags, sources, clock);
        } catch (CslError e) {
            diags.error(e.pos(), e.getMessage());
            layout = null;
        }
        diags.addAll(host.all());
        if (plan == null) {
            return null;
        }
        if (src.missingHostSteps() != null) {
            diags.error(new SourcePos(RunJson.FILE, 1, 1), src.missingHostSteps());
        }
        if (layout == null) {
            return null;
        }
        if (sdk != null) {
            SdkExamples.checkFits(layout.layout(), sdk, diags);
        }
        // run.json's own errors skipped only the pieces they were in; check the rest too.
        PlanContext ctx = new PlanContext(plan, layout.params(), layout.layout(), src, diags);
        HostArrays arrays = new HostArrays(ctx);
        arrays.build();
        HostSteps steps = new HostSteps(ctx, arrays);
        steps.build();
        checkWatch(plan, layout.layout(), diags);
        clock.lap("host arrays");
        if (diags.hasErrors()) {
            return null;
        }
        String title = plan.title() != null ? plan.title() : src.name();
        return new WaferProgram(title, plan.summary() == null ? "" : plan.summary(), plan.lesson(), src.folder(), arch,
                layout.layout(), arrays.arrays, steps.steps, sources, layout.params(), plan.watch());
    }

    /** Parses the layout and its modules and evaluates it, compiling the PE programs it places; null on errors. */
    private static LayoutResult csl(ProgramSource src, LoadOptions options, ArchProfile arch, Map<String, String> params,
                                    Diagnostics diags, Map<String, String> sources, PhaseClock clock) {
        CslFiles files = new CslFiles(src, src.layoutFile(), arch.name(), diags, sources);
        SourceFile layoutFile = files.layout();
        clock.lap("parse");   // the layout and its modules; PE programs are parsed as the compiles reach them
        if (layoutFile == null) {
            return null;
        }
        return LayoutEvaluator.evaluate(layoutFile, params, arch, files, new Budget(options.budget()), diags, clock);
    }

    /** A watched variable must be a global of some PE program, or the lesson points at nothing. */
    private static void checkWatch(RunPlan plan, org.waferscope.engine.fabric.FabricLayout layout, Diagnostics diags) {
        if (!plan.watch().startsWith("value:")) {
            return;
        }
        String name = org.waferscope.engine.api.LayerChoice.parse(plan.watch()).value().symbol();
        if (layout.programs().stream().noneMatch(p -> p.symbol(name).isPresent())) {
            diags.error(plan.locator().at("/watch"), "\"watch\" names " + name + ", which no PE program declares");
        }
    }

    /**
     * Where a problem with a whole file the loader looks for (layout.csl, run.json) is placed: the
     * folder, as the command line and the explorer say an error about a folder, for a file that is
     * not there has no line 1; a source with no folder on disk (memory, class path) names the file.
     */
    static SourcePos wholeFile(ProgramSource src, String name) {
        return src.folder() != null ? new SourcePos(String.valueOf(src.folder()), 1, 1) : new SourcePos(name, 1, 1);
    }

    static String text(ProgramSource src, String name, int max, SourcePos at, Map<String, String> sources) {
        try {
            String t = SourceBytes.text(name, src.read(name, max));
            sources.put(name, t);
            return t;
        } catch (NoSuchFileException e) {
            throw new CslError(at, "the program folder has no " + name + (name.equals(LAYOUT)
                    ? ", which says which PE runs which .csl file: a program folder holds a layout.csl, a run.json"
                    + " (the host's steps) and the .csl files its layout names" : ""));
        } catch (IOException e) {
            throw new CslError(at, "cannot read " + name + ": " + e.getMessage());
        }
    }
}
