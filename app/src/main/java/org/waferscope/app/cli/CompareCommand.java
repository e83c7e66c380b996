package org.waferscope.app.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.waferscope.engine.program.ProgramLoader;
import org.waferscope.engine.program.WaferProgram;
import org.waferscope.engine.trace.RunComparison;
import org.waferscope.engine.trace.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code compare A [B]}: runs two programs (or one program twice with different params) and
 * prints how their cycles, checks and layers differ. Exit codes: 0 compared, 2 invalid
 * program or options.
 */
// the synopsis says [OPTIONS]: written out, it broke "[--build=N[:" / "VARIANT]]" across lines; they are listed below
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, abbreviateSynopsis = true,
        description = {"Run two programs, or one program with two sets of params, and compare cycles, checks "
                + "and the whole-run layers (utilization, SRAM, traffic, back-pressure) PE by PE.",
                "Example: compare fifo-pipeline --param-a use_fifo=true --param-b use_fifo=false"})
final class CompareCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "the first program folder or bundled sample")
    String programA;

    @Parameters(index = "1", arity = "0..1", paramLabel = "B", description = "the second (default: A again)")
    String programB;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "a layout param for both runs (repeatable)")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--param-a", paramLabel = "NAME=VALUE", description = "a layout param for run A only (repeatable)")
    Map<String, String> paramsA = new LinkedHashMap<>();

    @Option(names = "--param-b", paramLabel = "NAME=VALUE", description = "a layout param for run B only (repeatable)")
    Map<String, String> paramsB = new LinkedHashMap<>();

    @Mixin
    BuildOption build = new BuildOption();

    @Option(names = "--build-a", paramLabel = "N[:VARIANT]", description = "the build of A only, as --build")
    String buildA;

    @Option(names = "--build-b", paramLabel = "N[:VARIANT]", description = "the build of B only, as --build (compare "
            + "DIR --build-a 1 --build-b 2 sets two builds of one SDK example side by side)")
    String buildB;

    @Option(names = "--arch", paramLabel = "wse2|wse3", description = "architecture of both runs")
    String arch;

    @Option(names = "--cycles", paramLabel = "N", description = "compare after N cycles (default: each run to its end)")
    long cycles = -1;

    @Option(names = "--max-cycles", paramLabel = "N", description = "cycle budget of each run (default: ${DEFAULT-VALUE})")
    long maxCycles = 100_000_000L;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads per run (default: ${DEFAULT-VALUE})")
    int threads = 1;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (threads < 1 || threads > 256) {
            err.println("waferscope: --threads must be 1..256");
            return WaferscopeCli.INVALID_PROGRAM;
        }
        String nameB = programB == null ? programA : programB;
        ProgramLoader.LoadOptions optionsA;
        ProgramLoader.LoadOptions optionsB;
        try {
            optionsA = BuildOption.apply(ProgramArgs.options(merged(paramsA), arch, build), "run A: --build-a", buildA);
            optionsB = BuildOption.apply(ProgramArgs.options(merged(paramsB), arch, build), "run B: --build-b", buildB);
        } catch (IllegalArgumentException e) {
            err.println("waferscope: " + e.getMessage());
            return WaferscopeCli.INVALID_PROGRAM;
        }
        WaferProgram a = ProgramArgs.load(programA, optionsA, err,
                heading("A", label(programA, optionsA, merged(paramsA)), paramsA));
        WaferProgram b = a == null ? null : ProgramArgs.load(nameB, optionsB, err,
                heading("B", label(nameB, optionsB, merged(paramsB)), paramsB));
        if (a == null || b == null) {
            return WaferscopeCli.INVALID_PROGRAM;
        }
        RunComparison c;
        try {
            c = RunComparison.of(RunSummary.run(a, cycles, maxCycles, threads),
                    RunSummary.run(b, cycles, maxCycles, threads));
        } catch (RuntimeException e) {
            err.println("waferscope: the machine cannot run this program: " + e.getMessage());
            return WaferscopeCli.INVALID_PROGRAM;
        }
        CompareReport report = new CompareReport(label(programA, optionsA, merged(paramsA)),
                label(nameB, optionsB, merged(paramsB)), c);
        if (json) {
            out.println(report.json());
        } else {
            report.text(out);
        }
        return WaferscopeCli.OK;
    }

    private Map<String, String> merged(Map<String, String> own) {
        Map<String, String> m = new LinkedHashMap<>(params);
        m.putAll(own);
        return m;
    }

    /**
     * The line said before a run's load errors: the diagnostics name a file and line of the
     * program, never which of the two runs, nor the option a refused value came from.
     */
    private String heading(String side, String label, Map<String, String> own) {
        String lower = side.toLowerCase(java.util.Locale.ROOT);
        String from = own.isEmpty() ? (params.isEmpty() ? "" : "; its params come from --param")
                : params.isEmpty() ? "; its own params come from --param-" + lower
                : "; its params come from --param and --param-" + lower;
        return "waferscope: run " + side + " (" + label + ") does not load" + from + ":";
    }

    /** The run's name in the report; params in the order given (the load options' map has none). */
    private static String label(String program, ProgramLoader.LoadOptions options, Map<String, String> params) {
        StringBuilder b = new StringBuilder(program);
        if (options.build() != null) {
            b.append(" --build ").append(options.build().spec());
        }
        params.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        return b.toString();
    }
}
