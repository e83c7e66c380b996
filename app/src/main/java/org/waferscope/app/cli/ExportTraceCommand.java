package org.waferscope.app.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.waferscope.engine.program.WaferProgram;
import org.waferscope.engine.trace.PeRect;
import org.waferscope.engine.trace.TraceExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code export-trace PROGRAM_DIR --out FILE.json}: replays a program and writes its per-PE
 * history as Chrome/Perfetto trace-event JSON (open it at ui.perfetto.dev or
 * chrome://tracing). Exit codes: 0 written, 2 invalid program or options.
 */
@Command(name = "export-trace", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Write a program's run as Chrome/Perfetto trace-event JSON: per-PE task slices and stalls, "
                + "wavelet flows between PEs, fabric counters.", "1 us of trace time = 1 cycle."})
final class ExportTraceCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PROGRAM_DIR", description = "the program folder, or the name of a bundled sample")
    String program;

    @Option(names = "--out", required = true, paramLabel = "FILE.json", description = "where to write the trace")
    Path out;

    @Option(names = "--cycles", paramLabel = "N", description = "trace the first N cycles (default: the whole run)")
    long cycles = -1;

    @Option(names = "--rect", paramLabel = "X,Y,W,H",
            description = "trace only these PEs (default: the whole fabric, up to " + TraceExport.WHOLE_FABRIC_PES + " PEs)")
    String rect;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "set a layout param (repeatable)")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--arch", paramLabel = "wse2|wse3", description = "architecture (default: run.json's, else wse2)")
    String arch;

    @Mixin
    BuildOption build = new BuildOption();

    @Option(names = "--max-cycles", paramLabel = "N", description = "cycle budget of a whole run (default: ${DEFAULT-VALUE})")
    long maxCycles = 10_000_000L;

    @Override
    public Integer call() {
        java.io.PrintWriter err = spec.commandLine().getErr();
        PeRect r;
        try {
            r = rect == null ? null : PeRect.parse(rect);
        } catch (IllegalArgumentException e) {
            err.println("waferscope: --rect: " + e.getMessage());
            return WaferscopeCli.INVALID_PROGRAM;
        }
        if (cycles == 0 || cycles < -1) {
            err.println("waferscope: --cycles wants 1 or more cycles (a trace of " + cycles + " would be empty)");
            return WaferscopeCli.INVALID_PROGRAM;
        }
        WaferProgram p = ProgramArgs.load(program, params, arch, build, err);
        if (p == null) {
            return WaferscopeCli.INVALID_PROGRAM;
        }
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out))) {
            TraceExport.Result res = TraceExport.write(p, r, cycles, maxCycles, o);
            spec.commandLine().getOut().printf("%s: %d cycles (%s) of %d PE(s) at (%d, %d) %d × %d: %d task slices, "
                            + "%d stalls, %d link slices, %d flows%s%n", out, res.cycles(), res.status(), res.rect().count(),
                    res.rect().x(), res.rect().y(), res.rect().width(), res.rect().height(), res.written().taskSlices(),
                    res.written().stalls(), res.written().linkSlices(), res.written().flows(),
                    res.written().flowsCut() ? " (flows cut at the limit)" : "");
            return WaferscopeCli.OK;
        } catch (IllegalArgumentException e) {
            err.println("waferscope: " + e.getMessage());
        } catch (IOException e) {
            err.println("waferscope: cannot write " + out + ": " + whyNot(e));
        } catch (RuntimeException e) {
            err.println(program + ": error: the machine cannot run this program: " + e.getMessage());
        }
        return WaferscopeCli.INVALID_PROGRAM;
    }

    /** The reason an output file cannot be written, in words (the exception's message is often the bare path). */
    static String whyNot(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException n) {
            Path parent = Path.of(n.getFile()).toAbsolutePath().getParent();
            return parent != null && !Files.isDirectory(parent) ? "there is no folder " + parent : "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
