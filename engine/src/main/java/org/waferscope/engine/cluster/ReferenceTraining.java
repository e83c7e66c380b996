package org.waferscope.engine.cluster;

/**
 * The same training in plain Java on one machine over the whole global batch: what the
 * cluster's wafers must agree with, within f32 rounding, after any number of steps.
 */
public final class ReferenceTraining {
    private final ClusterSpec spec;
    private final Dataset data;
    private final MemoryX memory;
    private int step;

    public ReferenceTraining(ClusterSpec spec, Dataset data) {
        this.spec = spec;
        this.data = data;
        this.memory = new MemoryX(spec.units(), spec.training().seed(), spec.training().optimizer());
    }

    /** One step on the global batch; returns its mean loss. */
    public double step() {
        int[] idx = data.batch(step++, spec.training().batch());
        int[] units = spec.units();
        int layers = units.length - 1;
        float[][][] a = new float[layers + 1][][];
        a[0] = new float[idx.length][];
        int[] labels = new int[idx.length];
        for (int s = 0; s < idx.length; s++) {
            a[0][s] = data.trainX(idx[s]);
            labels[s] = data.trainY(idx[s]);
        }
        for (int l = 1; l <= layers; l++) {
            a[l] = DenseMath.forward(a[l - 1], memory.weights(l), units[l], relu(spec, l));
        }
        float[][] dz = new float[idx.length][];
        double loss = LossHead.lossAndGradient(a[layers], labels, idx.length, dz);
        for (int l = layers; l >= 1; l--) {
            float[] w = memory.weights(l);
            float[] dw = DenseMath.weightGradient(a[l - 1], dz, units[l - 1], units[l]);
            if (l > 1) {
                dz = DenseMath.reluGrad(DenseMath.inputGradient(dz, w, units[l - 1], units[l]), a[l - 1]);
            }
            memory.update(l, dw);
        }
        return loss / idx.length;
    }

    public float[] weights(int l) {
        return memory.weights(l);
    }

    public double testAccuracy() {
        return accuracy(spec, memory, data);
    }

    static boolean relu(ClusterSpec spec, int l) {
        return spec.layers().get(l - 1).activation() == ClusterSpec.Activation.RELU;
    }

    /** Share of the test set the weights classify right (computed on the host). */
    static double accuracy(ClusterSpec spec, MemoryX memory, Dataset data) {
        int[] units = spec.units();
        float[][] a = data.testX();
        for (int l = 1; l < units.length; l++) {
            a = DenseMath.forward(a, memory.weights(l), units[l], relu(spec, l));
        }
        int right = 0;
        for (int s = 0; s < a.length; s++) {
            if (LossHead.predict(a[s]) == data.testY()[s]) {
                right++;
            }
        }
        return (double) right / a.length;
    }
}
