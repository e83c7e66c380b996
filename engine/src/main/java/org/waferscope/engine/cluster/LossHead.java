package org.waferscope.engine.cluster;

/**
 * Softmax cross-entropy over the last layer's outputs, computed by the host: the CSL
 * subset has no exponential, so the logits leave the wafer and dLoss/dZ comes back. Both
 * the wafers and the reference use this same code, so it is not what they are compared on.
 */
final class LossHead {
    private LossHead() {
    }

    /** The summed loss of these samples; {@code dz} gets (softmax - one-hot) / globalBatch. */
    static double lossAndGradient(float[][] logits, int[] labels, int globalBatch, float[][] dz) {
        double loss = 0;
        for (int s = 0; s < logits.length; s++) {
            float[] z = logits[s];
            float max = Float.NEGATIVE_INFINITY;
            for (float v : z) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (float v : z) {
                sum += Math.exp(v - max);
            }
            loss += Math.log(sum) - (z[labels[s]] - max);
            dz[s] = new float[z.length];
            for (int c = 0; c < z.length; c++) {
                double p = Math.exp(z[c] - max) / sum;
                dz[s][c] = (float) ((p - (c == labels[s] ? 1 : 0)) / globalBatch);
            }
        }
        return loss;
    }

    /** Index of the largest output. */
    static int predict(float[] logits) {
        int best = 0;
        for (int c = 1; c < logits.length; c++) {
            if (logits[c] > logits[best]) {
                best = c;
            }
        }
        return best;
    }
}
