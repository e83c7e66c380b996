package org.waferscope.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.waferscope.engine.csl.ProgramLoadException;
import org.waferscope.engine.host.CheckResult;
import org.waferscope.engine.program.ProgramLoader;
import org.waferscope.engine.program.SdkChoice;
import org.waferscope.engine.program.SdkFolderSource;
import org.waferscope.engine.program.WaferProgram;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.Wafer;
import org.waferscope.engine.sim.WaferStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sdk-examples-check DIR}: opens every example of a checkout of the public Cerebras
 * SDK examples exactly as {@code run DIR} would, runs it and prints one line each (PASS, FAIL
 * or REFUSED with the first reason) and a total, so anyone with the examples can repeat the
 * check. An example whose build script compiles several programs gets a line for each build
 * (and for each run variant with host steps of its own), named by its params as
 * {@code run DIR --build N} opens it: the total counts builds. The {@code sdklayout-*}
 * tutorials (a Python layout API) and folders without a build script are listed as skipped.
 * Exit codes: 0 every build passes, 1 any fails or is refused (a refusal is a build this
 * Waferscope cannot run: a check of the whole checkout is a yes only when all of it runs;
 * standard error says how many did not), 2 invalid options.
 */
@Command(name = "sdk-examples-check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run every example of a csl-examples checkout (tutorials/*, benchmarks/*) and print a total.",
                "Exit codes: 0 every build passes; 1 any build fails or is refused (standard error names how many "
                        + "of each); 2 invalid options."})
final class SdkExamplesCheckCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "a checkout of the csl-examples repository")
    Path dir;

    @Option(names = "--max-cycles", paramLabel = "N", description = "cycle budget per example (default: ${DEFAULT-VALUE})")
    long maxCycles = 20_000_000L;

    @Option(names = "--only", paramLabel = "NAME", description = "run only examples whose folder name contains NAME")
    String only;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> examples = new ArrayList<>();
        for (String group : new String[] {"tutorials", "benchmarks"}) {
            Path g = dir.resolve(group);
            if (Files.isDirectory(g)) {
                try (Stream<Path> s = Files.list(g)) {
                    s.filter(Files::isDirectory).sorted().forEach(examples::add);
                }
            }
        }
        if (examples.isEmpty()) {
            spec.commandLine().getErr().println("waferscope: " + dir + " has no tutorials/ or benchmarks/ folder");
            return WaferscopeCli.INVALID_PROGRAM;
        }
        int pass = 0;
        int refused = 0;
        int total = 0;
        int skipped = 0;
        for (Path ex : examples) {
            String name = ex.getParent().getFileName() + "/" + ex.getFileName();
            if (only != null && !name.contains(only)) {
                continue;
            }
            String skip = skipReason(ex);
            if (skip != null) {
                out.printf(Locale.ROOT, "%-52s SKIP     %s%n", name, skip);
                skipped++;
                continue;
            }
            List<SdkFolderSource.Choice> builds = SdkFolderSource.choices(ex, false);
            for (SdkFolderSource.Choice c : builds.size() > 1 ? builds : List.<SdkFolderSource.Choice>of(FIRST)) {
                total++;
                String[] verdict = run(ex, c.choice());
                if (verdict[0].equals("PASS")) {
                    pass++;
                } else if (verdict[0].equals("REFUSED")) {
                    refused++;
                }
                String row = c == FIRST ? name : name + " " + c.label();
                out.printf(Locale.ROOT, "%-52s %-8s %s%n", row, verdict[0], verdict[1]);
                out.flush();
            }
        }
        if (only != null && total + skipped == 0) {
            spec.commandLine().getErr().println("waferscope: --only " + only + ": no example's folder name contains it ("
                    + examples.size() + " examples in " + dir + ")");
            return WaferscopeCli.INVALID_PROGRAM;
        }
        out.printf(Locale.ROOT, "total: %d of %d pass (%d skipped)%n", pass, total, skipped);
        if (pass == total) {
            return WaferscopeCli.OK;
        }
        // the exit code is 1 for a refusal as for a wrong answer: say which, so that a script's reader knows
        spec.commandLine().getErr().printf(Locale.ROOT, "waferscope: exit code 1: %d build%s did not pass (%d refused, "
                + "%d failed)%n", total - pass, total - pass == 1 ? "" : "s", refused, total - pass - refused);
        return WaferscopeCli.CHECK_FAILED;
    }

    private static String skipReason(Path ex) {
        String layoutApi = org.waferscope.engine.program.SdkLayoutFolder.hint(ex);
        if (layoutApi != null || ex.getFileName().toString().startsWith("sdklayout-")) {
            return layoutApi != null ? layoutApi : "uses the SDK's Python layout API, not a layout file";
        }
        if (!Files.isRegularFile(ex.resolve("commands_wse2.sh")) && !Files.isRegularFile(ex.resolve("commands_wse3.sh"))) {
            return "no build script (commands_wse2.sh): nothing to run";
        }
        return null;
    }

    /** The one row of an example with a single build. */
    private static final SdkFolderSource.Choice FIRST = new SdkFolderSource.Choice(SdkChoice.FIRST, "");

    /** {verdict, first reason}. */
    private String[] run(Path ex, SdkChoice build) {
        WaferProgram p;
        try {
            p = ProgramLoader.load(ex, ProgramLoader.LoadOptions.DEFAULTS.withBuild(build));
        } catch (ProgramLoadException e) {
            return new String[] {"REFUSED", e.diagnostics().isEmpty() ? "" : e.diagnostics().get(0).toString()};
        }
        RunResult r;
        try (Wafer w = Wafer.load(p, 1)) {
            r = w.runToCompletion(maxCycles);
        } catch (RuntimeException e) {
            return new String[] {"REFUSED", "the machine cannot run it: " + e.getMessage()};
        }
        if (r.status() != WaferStatus.HALTED) {
            return new String[] {"FAIL", r.status() + (r.report().isEmpty() ? "" : ": " + r.report().get(0))
                    + " after " + r.cycles() + " cycles"};
        }
        for (CheckResult c : r.checks()) {
            if (!c.pass()) {
                return new String[] {"FAIL", c.describe()};
            }
        }
        if (r.checks().isEmpty()) {
            return new String[] {"FAIL", "its host steps check nothing"};
        }
        return new String[] {"PASS", r.checks().size() + " check" + (r.checks().size() == 1 ? "" : "s") + ", "
                + r.cycles() + " cycles"};
    }
}
