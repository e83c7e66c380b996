package org.waferscope.engine.cluster;

import java.util.ArrayList;
import java.util.List;
import org.waferscope.engine.csl.ProgramLoadException;

/**
 * A weight-streaming training run beside its reference: each step runs on the systems'
 * wafers, is timed as a {@link StepSchedule}, and is repeated by the plain Java reference,
 * so the run can say at any step whether the wafers still agree with it.
 *
 * <p>Threads: one at a time.
 */
public final class ClusterTraining implements AutoCloseable {
    /** Largest difference allowed between a wafer-trained weight and the reference's (f32 sums in another order). */
    public static final double TOLERANCE = 1e-3;

    /** One finished step. */
    public record Step(StepRecord record, StepSchedule schedule, double referenceLoss) {
    }

    private final ClusterProgram program;
    private final WeightStreaming cluster;
    private final ReferenceTraining reference;
    private final List<Step> steps = new ArrayList<>();
    private double seconds;
    private StepRun current;

    public ClusterTraining(ClusterProgram program, int threads) throws ProgramLoadException {
        this.program = program;
        this.cluster = new WeightStreaming(program.spec(), program.folder(), program.data(), threads);
        this.reference = new ReferenceTraining(program.spec(), program.data());
    }

    public ClusterSpec spec() {
        return program.spec();
    }

    public WeightStreaming cluster() {
        return cluster;
    }

    /** Finishes the step under way, or runs a whole new one. */
    public Step step() {
        StepRun run = current != null ? current : cluster.begin();
        current = null;
        while (!run.done()) {
            run.advance(Long.MAX_VALUE);
        }
        return finish(run);
    }

    /** True when every step the program asks for is done. */
    public boolean finished() {
        return current == null && steps.size() >= spec().training().steps();
    }

    /** The step under way, or null between steps. */
    public StepRun current() {
        return current;
    }

    /**
     * Runs up to {@code cycles} cycles of training, starting a step when none is under way
     * and going on into the next passes and steps; stops early when all steps are done.
     * Returns the steps finished meanwhile.
     */
    public List<Step> advanceCycles(long cycles) {
        List<Step> done = new ArrayList<>();
        long left = cycles;
        while (left > 0 && !finished()) {
            if (current == null) {
                current = cluster.begin();
            }
            left -= Math.max(1, current.advance(left));
            if (current.done()) {
                done.add(finish(current));
                current = null;
            }
        }
        return done;
    }

    /** Runs the pass under way (a layer's forward or backward on every system) to its end; returns the step if that finished it. */
    public java.util.Optional<Step> advancePhase() {
        if (finished()) {
            return java.util.Optional.empty();
        }
        if (current == null) {
            current = cluster.begin();
        }
        current.advance(Long.MAX_VALUE);
        if (!current.done()) {
            return java.util.Optional.empty();
        }
        Step s = finish(current);
        current = null;
        return java.util.Optional.of(s);
    }

    /** The schedule of the step under way as far as it has run (its passes so far, the current one's cycles so far). */
    public StepSchedule partialSchedule() {
        StepRun run = current;
        return new StepSchedule(run.record(), spec().links(), spec().arch().clockHz(), weightsPerLayer(spec()),
                run.pass());
    }

    private Step finish(StepRun run) {
        StepRecord r = run.record();
        double refLoss = reference.step();
        StepSchedule s = new StepSchedule(r, spec().links(), spec().arch().clockHz(), weightsPerLayer(spec()));
        seconds += s.seconds();
        Step step = new Step(r, s, refLoss);
        steps.add(step);
        return step;
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    static int[] weightsPerLayer(ClusterSpec spec) {
        int[] u = spec.units();
        int[] w = new int[u.length - 1];
        for (int l = 1; l < u.length; l++) {
            w[l - 1] = u[l] * (u[l - 1] + 1);
        }
        return w;
    }

    /** Simulated seconds of all steps so far. */
    public double simulatedSeconds() {
        return seconds;
    }

    public double samplesPerSecond() {
        return seconds == 0 ? 0 : (double) steps.size() * spec().training().batch() / seconds;
    }

    public double testAccuracy() {
        return cluster.testAccuracy();
    }

    public double referenceAccuracy() {
        return reference.testAccuracy();
    }

    /** Largest |wafer weight - reference weight| over all layers. */
    public double maxWeightDifference() {
        double max = 0;
        for (int l = 1; l <= spec().layers().size(); l++) {
            float[] a = cluster.weights(l);
            float[] b = reference.weights(l);
            for (int i = 0; i < a.length; i++) {
                max = Math.max(max, Math.abs(a[i] - b[i]));
            }
        }
        return max;
    }

    public boolean referenceCheckPasses() {
        return maxWeightDifference() <= TOLERANCE;
    }

    @Override
    public void close() {
        cluster.close();
    }
}
