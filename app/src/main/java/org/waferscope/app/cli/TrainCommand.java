package org.waferscope.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.waferscope.engine.cluster.ClusterProgram;
import org.waferscope.engine.cluster.ClusterTraining;
import org.waferscope.engine.cluster.LayerPipelined;
import org.waferscope.engine.cluster.ReferenceTraining;
import org.waferscope.engine.csl.Diagnostic;
import org.waferscope.engine.csl.ProgramLoadException;
import org.waferscope.engine.program.ClasspathSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code train CLUSTER_DIR}: trains a cluster program by weight streaming on N simulated CS
 * systems, beside the plain Java reference, and reports the loss per step, the test
 * accuracy, the simulated time and samples per second. Exit codes: 0 the wafers agree
 * with the reference, 1 they do not, 2 the program is invalid, 3 a kernel stopped.
 */
// the synopsis says [OPTIONS]: written out, it broke "[--plot=FILE." / "png]" across lines; they are listed below
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, abbreviateSynopsis = true,
        description = "Train a cluster program (cluster.json) by weight streaming on simulated CS systems.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "CLUSTER_DIR", description = "the cluster folder, or the name of a bundled one")
    String program;

    @Option(names = "--systems", paramLabel = "N", description = "CS systems, 1-16 (default: cluster.json's)")
    Integer systems;

    @Option(names = "--steps", paramLabel = "S", description = "training steps (default: cluster.json's)")
    Integer steps;

    @Option(names = "--batch", paramLabel = "B", description = "global batch, split over the systems (default: cluster.json's)")
    Integer batch;

    @Option(names = "--mode", paramLabel = "MODE", description = "weight-streaming (default) or layer-pipelined")
    String mode = "weight-streaming";

    @Option(names = "--scaling", paramLabel = "N,N,...", split = ",",
            description = "instead of training: time --steps steps (default 1) on each number of systems")
    List<Integer> scaling;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "with --scaling: draw samples/s against systems")
    Path plot;

    @Option(names = "--threads", paramLabel = "N", description = "engine threads per wafer (default: ${DEFAULT-VALUE})")
    int threads = 1;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!mode.equals("weight-streaming") && !mode.equals("layer-pipelined")) {
            err.println("waferscope: --mode must be weight-streaming or layer-pipelined");
            return WaferscopeCli.INVALID_PROGRAM;
        }
        if ((systems != null && (systems < 1 || systems > 16)) || (steps != null && steps < 0)
                || (batch != null && (batch < 1 || batch > 4096)) || threads < 1 || threads > 64) {
            err.println("waferscope: --systems must be 1..16, --steps 0 or more, --batch 1..4096, --threads 1..64");
            return WaferscopeCli.INVALID_PROGRAM;
        }
        ClusterProgram p;
        try {
            p = load();
            if (systems != null) {
                p = p.with(p.spec().withSystems(systems));
            }
            if (steps != null) {
                p = p.with(p.spec().withSteps(steps));
            }
            if (batch != null) {
                p = p.with(p.spec().withBatch(batch));
            }
        } catch (ProgramLoadException e) {
            e.diagnostics().forEach(d -> err.println(ProgramArgs.said(d)));
            return WaferscopeCli.INVALID_PROGRAM;
        }
        TrainReport report = new TrainReport(program, json, out);
        try {
            if (scaling != null) {
                return scaling(p, report, err);
            }
            if (mode.equals("layer-pipelined")) {
                return pipelined(p.with(p.spec().withSystems(1)), report);
            }
            try (ClusterTraining t = new ClusterTraining(p, threads)) {
                long start = System.nanoTime();
                for (int s = 0; s < p.spec().training().steps(); s++) {
                    report.step(t.step());
                }
                report.finish(t, (System.nanoTime() - start) / 1e9);
                return t.referenceCheckPasses() ? WaferscopeCli.OK : WaferscopeCli.CHECK_FAILED;
            }
        } catch (ProgramLoadException e) {
            e.diagnostics().forEach(d -> err.println(ProgramArgs.said(d)));
            return WaferscopeCli.INVALID_PROGRAM;
        } catch (IllegalArgumentException e) {
            err.println(program + ": error: " + e.getMessage());
            return WaferscopeCli.INVALID_PROGRAM;
        } catch (IllegalStateException e) {
            err.println(program + ": " + e.getMessage());
            return WaferscopeCli.STALLED;
        }
    }

    /** Trains on one wafer, layer-pipelined, beside the reference; one weight-streaming step on one system for the comparison. */
    private int pipelined(ClusterProgram p, TrainReport report) throws ProgramLoadException {
        long start = System.nanoTime();
        TrainReport.Streaming ws;
        try (ClusterTraining t = new ClusterTraining(p.with(p.spec().withSteps(1)), threads)) {
            t.step();
            ws = new TrainReport.Streaming(t.simulatedSeconds(), t.cluster().sramBytesPerPe());
        }
        ReferenceTraining ref = new ReferenceTraining(p.spec(), p.data());
        try (LayerPipelined lp = new LayerPipelined(p, threads)) {
            for (int s = 0; s < p.spec().training().steps(); s++) {
                LayerPipelined.Step step = lp.step();
                report.step(s + 1, step.loss(), ref.step(), step.seconds());
            }
            double max = 0;
            for (int l = 1; l <= p.spec().layers().size(); l++) {
                float[] a = lp.weights(l);
                float[] b = ref.weights(l);
                for (int i = 0; i < a.length; i++) {
                    max = Math.max(max, Math.abs(a[i] - b[i]));
                }
            }
            report.finishPipelined(p.spec(), lp, ref, max, ws, (System.nanoTime() - start) / 1e9);
            return max <= ClusterTraining.TOLERANCE ? WaferscopeCli.OK : WaferscopeCli.CHECK_FAILED;
        }
    }

    private int scaling(ClusterProgram p, TrainReport report, PrintWriter err) throws ProgramLoadException {
        int s = steps == null ? 1 : steps;
        List<TrainReport.ScalingRow> rows = new ArrayList<>();
        for (int n : scaling) {
            if (n < 1 || n > 16) {
                err.println("waferscope: --scaling takes numbers of systems from 1 to 16");
                return WaferscopeCli.INVALID_PROGRAM;
            }
            try (ClusterTraining t = new ClusterTraining(p.with(p.spec().withSystems(n).withSteps(s)), threads)) {
                for (int i = 0; i < s; i++) {
                    t.step();
                }
                rows.add(TrainReport.ScalingRow.of(n, t));
            }
        }
        report.scaling(p.spec(), rows);
        if (plot != null) {
            ScalingPlot.write(plot, p.spec().title() + ", global batch " + p.spec().training().batch() + ", "
                    + p.spec().arch().name() + ", " + s + " step(s) each", rows);
        }
        return WaferscopeCli.OK;
    }

    private ClusterProgram load() throws ProgramLoadException {
        Path dir = Path.of(program);
        String bundled = RunCommand.SAMPLES + program;
        if (!Files.exists(dir) && program.matches("[A-Za-z0-9_-]+")
                && TrainCommand.class.getClassLoader().getResource(bundled + "/cluster.json") != null) {
            return ClusterProgram.load(new ClasspathSource(TrainCommand.class.getClassLoader(), bundled));
        }
        if (!Files.isRegularFile(dir.resolve("cluster.json"))) {
            boolean wafer = !Files.exists(dir) && program.matches("[A-Za-z0-9_-]+")
                    && TrainCommand.class.getClassLoader().getResource(bundled + "/run.json") != null;
            throw new ProgramLoadException(new Diagnostic(new org.waferscope.engine.ir.SourcePos(program, 1, 1), wafer
                    ? "not a cluster program: " + program + " is a bundled wafer sample (one wafer, no cluster.json); "
                    + "run it with: run " + program
                    : "not a cluster program: no cluster.json in this folder (and no bundled program of that name)"));
        }
        return ClusterProgram.load(dir);
    }
}
