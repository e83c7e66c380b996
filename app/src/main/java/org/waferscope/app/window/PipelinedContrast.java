package org.waferscope.app.window;

import java.util.List;
import java.util.Locale;
import org.waferscope.engine.cluster.ClusterProgram;
import org.waferscope.engine.cluster.ClusterTraining;
import org.waferscope.engine.cluster.LayerPipelined;
import org.waferscope.engine.csl.ProgramLoadException;

/** The Cluster window's contrast: one layer-pipelined step on one wafer, on the engine, beside weight streaming's figures. */
final class PipelinedContrast {
    private PipelinedContrast() {
    }

    /** Trains one step layer-pipelined (on a wafer of its own) and says what it cost beside {@code t}'s weight streaming. */
    static String measure(ClusterProgram program, ClusterTraining t) throws ProgramLoadException {
        LayerPipelined.Result r;
        try (LayerPipelined lp = new LayerPipelined(program.with(program.spec().withSystems(1)), 1)) {
            lp.step();
            r = lp.result();
        }
        int n = t.spec().systems();
        List<ClusterTraining.Step> steps = t.steps();
        String streaming = steps.isEmpty() ? "train a step to time it"
                : String.format(Locale.ROOT, "%.1f us a step, %,.0f samples/s", steps.get(steps.size() - 1).schedule()
                        .seconds() * 1e6, t.samplesPerSecond());
        int batch = program.spec().training().batch();
        return String.format(Locale.ROOT, "Layer-pipelined, one wafer (measured on the engine): %d regions on %d PEs, "
                        + "%d micro-batches of %d; %.1f us a step, %,.0f samples/s; weights resident %,d B, the fullest PE "
                        + "%,d B.%nWeight streaming here, %d system(s) of %d PEs each, batch %d: %s; no weights "
                        + "resident, %,d B of data per layer PE.",
                program.spec().layers().size(), r.pes(), r.microBatches(), r.microBatch(), r.stepSeconds() * 1e6,
                r.samplesPerSecond(), r.residentWeightBytes(), r.peakPeBytes(), n, t.cluster().systems().get(0)
                        .fabric().n, batch, streaming, t.cluster().sramBytesPerPe());
    }
}
