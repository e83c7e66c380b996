package org.waferscope.engine.cluster;

import java.util.SplittableRandom;

/**
 * MemoryX: holds the model's weights and the optimizer's state, streams the weights out and
 * applies the summed gradients that come back (SGD with momentum, or Adam), all in f32 on
 * the host. Weights of layer l are M rows of K + 1 (bias last).
 */
final class MemoryX {
    private final ClusterSpec.Optimizer opt;
    private final float[][] w;
    private final float[][] m;
    private final float[][] v;
    private final int[] updates;

    /** Initial weights from the seed: uniform in +-sqrt(6 / K) (He), biases zero. */
    MemoryX(int[] units, long seed, ClusterSpec.Optimizer opt) {
        this.opt = opt;
        int layers = units.length - 1;
        w = new float[layers][];
        m = new float[layers][];
        v = new float[layers][];
        updates = new int[layers];
        SplittableRandom r = new SplittableRandom(seed);
        for (int l = 0; l < layers; l++) {
            int k = units[l];
            int rows = units[l + 1];
            w[l] = new float[rows * (k + 1)];
            m[l] = new float[w[l].length];
            v[l] = new float[w[l].length];
            double a = Math.sqrt(6.0 / k);
            for (int u = 0; u < rows; u++) {
                for (int i = 0; i < k; i++) {
                    w[l][u * (k + 1) + i] = (float) ((r.nextDouble() * 2 - 1) * a);
                }
            }
        }
    }

    /** Layer l's weights (1-based), a copy: what streams out. */
    float[] weights(int l) {
        return w[l - 1].clone();
    }

    int layers() {
        return w.length;
    }

    /** Applies the summed gradient of layer l. */
    void update(int l, float[] g) {
        float[] wl = w[l - 1];
        float[] ml = m[l - 1];
        float[] vl = v[l - 1];
        int t = ++updates[l - 1];
        float lr = (float) opt.learningRate();
        if (opt.kind() == ClusterSpec.OptimizerKind.SGD) {
            float mu = (float) opt.momentum();
            for (int i = 0; i < wl.length; i++) {
                ml[i] = mu * ml[i] + g[i];
                wl[i] -= lr * ml[i];
            }
            return;
        }
        float b1 = (float) opt.beta1();
        float b2 = (float) opt.beta2();
        float c1 = (float) (1 - Math.pow(b1, t));
        float c2 = (float) (1 - Math.pow(b2, t));
        float eps = (float) opt.epsilon();
        for (int i = 0; i < wl.length; i++) {
            ml[i] = b1 * ml[i] + (1 - b1) * g[i];
            vl[i] = b2 * vl[i] + (1 - b2) * g[i] * g[i];
            wl[i] -= lr * (ml[i] / c1) / ((float) Math.sqrt(vl[i] / c2) + eps);
        }
    }

    /** Floats of state per weight: the weight, and momentum (SGD) or both moments (Adam). */
    int floatsPerWeight() {
        return opt.kind() == ClusterSpec.OptimizerKind.SGD ? 2 : 3;
    }
}
