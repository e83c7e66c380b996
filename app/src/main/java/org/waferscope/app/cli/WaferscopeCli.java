package org.waferscope.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless command line: {@code waferscope run PROGRAM_DIR ...}. The launcher hands it
 * the whole argument list when the first argument names a command.
 */
@Command(name = "waferscope", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Runs wafer programs without the explorer window.",
        subcommands = {RunCommand.class, CheckCommand.class, BenchCommand.class, ExportTraceCommand.class, CompareCommand.class,
                TrainCommand.class, SdkExamplesCheckCommand.class})
public final class WaferscopeCli {
    /** What {@code -V} prints, on every command: "Waferscope " and the POM's version. */
    public static final String VERSION = org.waferscope.app.about.AboutText.nameAndVersion();

    /** Exit codes of {@code run}. */
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int INVALID_PROGRAM = 2;
    public static final int STALLED = 3;
    /** Waferscope itself broke on the input: a bug to report, printed as one line, never a stack. */
    public static final int INTERNAL_ERROR = 4;

    private WaferscopeCli() {
    }

    /** Runs the command line with the process's standard streams; returns the exit code. */
    public static int execute(String[] args) {
        // as new PrintWriter(System.out) did, in the default encoding, which under LANG=C has no ×
        java.nio.charset.Charset encoding = java.nio.charset.Charset.defaultCharset();
        return execute(args, TerminalText.writer(System.out, encoding), TerminalText.writer(System.err, encoding));
    }

    /** Runs the command line writing to the given streams (for tests and embedding). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new WaferscopeCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> INVALID_PROGRAM);
        boolean json = java.util.Arrays.asList(args).contains("--json");
        CommandLine.IParameterExceptionHandler usage = cl.getParameterExceptionHandler();
        cl.setParameterExceptionHandler((e, a) -> {
            if (e.getMessage() != null && e.getMessage().contains("option option")) {
                // picocli's own wording of a map option's bad value says "option" twice
                CommandLine.ParameterException said = new CommandLine.ParameterException(e.getCommandLine(),
                        e.getMessage().replace("option option", "option"), e);
                e = said;
            }
            int code = usage.handleParseException(e, a);
            if (json) {
                // stdout holds one JSON object on every exit code, a wrong option included
                out.println(RunReport.failed(null, "INVALID", java.util.List.of(new org.waferscope.engine.csl.Diagnostic(
                        new org.waferscope.engine.ir.SourcePos("command line", 1, 1), e.getMessage())), 0));
            }
            return code;
        });
        cl.setExecutionExceptionHandler((e, c, parsed) -> internalError(out, err, json, String.join(" ", args),
                org.waferscope.engine.api.Crash.describe(e)));
        int code;
        try {
            code = cl.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            code = internalError(out, err, json, String.join(" ", args), org.waferscope.engine.api.Crash.describe(e));
        }
        out.flush();
        err.flush();
        return code;
    }

    private static int internalError(PrintWriter out, PrintWriter err, boolean json, String program, String cause) {
        if (json) {
            out.println(RunReport.failed(program, "INTERNAL_ERROR", java.util.List.of(new org.waferscope.engine.csl.Diagnostic(
                    new org.waferscope.engine.ir.SourcePos("command line", 1, 1), "internal error: " + cause)), 0));
        }
        return internalError(err, program, cause);
    }

    /** Reports a bug in Waferscope on {@code program} as one line; returns {@link #INTERNAL_ERROR}. */
    static int internalError(PrintWriter err, String program, String cause) {
        err.println("waferscope: internal error on " + program + ": " + cause);
        err.println("waferscope: this is a bug in Waferscope, not in the program; please report it with the program");
        return INTERNAL_ERROR;
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
