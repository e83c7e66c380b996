package org.waferscope.engine.cluster;

import java.util.List;
import org.waferscope.engine.arch.ArchProfile;

/**
 * A cluster program as read from {@code cluster.json}: how many CS systems, the model, the
 * data, the training and the links between MemoryX, SwarmX and the systems.
 */
public record ClusterSpec(String title, String summary, String lesson, ArchProfile arch, int systems, int inputs,
                          List<Layer> layers, Data data, Training training, Links links) {
    public ClusterSpec {
        layers = List.copyOf(layers);
    }

    /** A dense layer: its width, activation, and the rectangle of PEs its kernel uses. */
    public record Layer(int units, Activation activation, int width, int height) {
    }

    public enum Activation { RELU, LINEAR }

    /**
     * The data set: a CSV (optionally gzipped) of {@code inputs} features then a label per
     * line, scaled by {@code scale}, split into train and test sets by {@code splitSeed}.
     */
    public record Data(String file, int classes, double scale, double testFraction, long splitSeed) {
    }

    public enum OptimizerKind { SGD, ADAM }

    /** SGD with momentum ({@code momentum}), or Adam ({@code beta1, beta2, epsilon}). */
    public record Optimizer(OptimizerKind kind, double learningRate, double momentum, double beta1, double beta2,
                            double epsilon) {
    }

    /** Global batch (split over the systems), training steps, the seed of the initial weights and of the batches. */
    public record Training(int batch, int steps, long seed, Optimizer optimizer) {
    }

    /**
     * The links of the cluster (defaults and where they come from in docs/CLUSTER.md).
     *
     * @param systemIoGbps       a CS system's I/O, gigabits per second
     * @param memoryxGbps        MemoryX's read and write bandwidth
     * @param swarmxGbps         one SwarmX link
     * @param memoryxLatencyUs   from a request to MemoryX to its first byte
     * @param swarmxLatencyUs    one level of the SwarmX tree (a switch and its link)
     * @param fanout             systems (or SwarmX nodes) below each SwarmX node
     * @param updateGweights     weights MemoryX's optimizer updates per second, in billions
     */
    public record Links(double systemIoGbps, double memoryxGbps, double swarmxGbps, double memoryxLatencyUs,
                       double swarmxLatencyUs, int fanout, double updateGweights) {
        public static final Links DEFAULTS = new Links(1200, 1200, 1200, 5, 1, 4, 10);
    }

    /** Units of layer l, l = 0 being the input. */
    public int[] units() {
        int[] u = new int[layers.size() + 1];
        u[0] = inputs;
        for (int l = 0; l < layers.size(); l++) {
            u[l + 1] = layers.get(l).units();
        }
        return u;
    }

    public ClusterSpec withSystems(int n) {
        return new ClusterSpec(title, summary, lesson, arch, n, inputs, layers, data, training, links);
    }

    public ClusterSpec withSteps(int s) {
        return new ClusterSpec(title, summary, lesson, arch, systems, inputs, layers, data,
                new Training(training.batch(), s, training.seed(), training.optimizer()), links);
    }

    public ClusterSpec withBatch(int b) {
        return new ClusterSpec(title, summary, lesson, arch, systems, inputs, layers, data,
                new Training(b, training.steps(), training.seed(), training.optimizer()), links);
    }
}
