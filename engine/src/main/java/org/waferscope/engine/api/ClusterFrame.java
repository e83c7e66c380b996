package org.waferscope.engine.api;

import java.util.List;

/**
 * What the cluster view shows, after a training step or part of one: the step's schedule
 * as bars on the components' rows (as far as the step has run), where the step has got to,
 * each CS system's wafer as a thumbnail of its PEs' activity since the frame before, and
 * the loss and accuracy so far. Immutable; the receiver owns it.
 *
 * @param title        the cluster program's title
 * @param step         training steps done
 * @param steps        steps the program asks for
 * @param rows         the timeline's rows, top to bottom (MemoryX, SwarmX, CS-1 ...)
 * @param bars         the events of the step under way so far, or of the last step
 * @param stepSeconds  the time axis's length: the last whole step's, or the step under way's so far if longer
 * @param now          where the step under way has got to (the last step's end between steps)
 * @param phase        what is under way, in words (step, pass, cycles into the pass)
 * @param wafers       each system's wafer
 * @param losses       mean loss of each step so far
 * @param accuracies   test accuracy after each step so far
 * @param samplesPerSecond over all steps so far
 * @param referenceOk  the wafers' weights still agree with the plain Java reference
 * @param linkGbps     bandwidth of the links MemoryX-SwarmX and SwarmX-system, for drawing flows
 * @param fanout       SwarmX's fan-out
 */
public record ClusterFrame(String title, int step, int steps, List<String> rows, List<Bar> bars, double stepSeconds,
                           double now, String phase, List<Wafer> wafers, List<Double> losses, List<Double> accuracies, double samplesPerSecond,
                           boolean referenceOk, double linkGbps, int fanout) {
    public ClusterFrame {
        rows = List.copyOf(rows);
        bars = List.copyOf(bars);
        wafers = List.copyOf(wafers);
        losses = List.copyOf(losses);
        accuracies = List.copyOf(accuracies);
    }

    /** Before any step. */
    public static ClusterFrame empty(String title, int steps, List<String> rows, List<Wafer> wafers, double linkGbps,
                                     int fanout) {
        return new ClusterFrame(title, 0, steps, rows, List.of(), 0, 0, "no step yet", wafers, List.of(), List.of(), 0,
                true, linkGbps, fanout);
    }

    /**
     * One event of the step's schedule.
     *
     * @param row   the component's row
     * @param kind  READ, BROADCAST, FORWARD, BACKWARD, REDUCE or UPDATE
     * @param bytes bytes moved (0 for compute)
     */
    public record Bar(String row, String kind, int layer, double start, double end, long bytes) {
        /** Bytes per second while it runs. */
        public double rate() {
            return end > start ? bytes / (end - start) : 0;
        }
    }

    /**
     * A system's wafer: the share of cycles each PE was busy since the frame before (one
     * cycle or a whole step), row by row over the fabric, and the wafer's cycles so far.
     */
    public record Wafer(String name, int width, int height, float[] utilization, long cycles) {
        public Wafer {
            utilization = utilization.clone();
        }

        @Override
        public float[] utilization() {
            return utilization.clone();
        }
    }
}
