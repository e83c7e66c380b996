package org.waferscope.engine.cluster;

/**
 * A dense layer's arithmetic in plain f32, in the order the kernel does it where that
 * order is fixed (a unit's sum over inputs k = 0..K, the bias last), so forward results
 * agree bit for bit; sums over samples are added in another order on the wafer and agree
 * within f32 rounding. Weights are M rows of K + 1 (bias last).
 */
final class DenseMath {
    private DenseMath() {
    }

    /** Z = W x + b for each sample, then relu when asked. */
    static float[][] forward(float[][] x, float[] w, int m, boolean relu) {
        int k = x.length == 0 ? 0 : x[0].length;
        float[][] z = new float[x.length][m];
        for (int s = 0; s < x.length; s++) {
            for (int u = 0; u < m; u++) {
                float acc = 0f;
                for (int i = 0; i < k; i++) {
                    acc = acc + x[s][i] * w[u * (k + 1) + i];
                }
                acc = acc + 1f * w[u * (k + 1) + k];
                z[s][u] = relu ? Math.max(acc, 0f) : acc;
            }
        }
        return z;
    }

    /** dZ from dA: zero where the unit's output was not positive. */
    static float[][] reluGrad(float[][] da, float[][] a) {
        float[][] dz = new float[da.length][];
        for (int s = 0; s < da.length; s++) {
            dz[s] = da[s].clone();
            for (int u = 0; u < dz[s].length; u++) {
                if (a[s][u] <= 0f) {
                    dz[s][u] = 0f;
                }
            }
        }
        return dz;
    }

    /** dW[m][k] = sum over samples of dZ[m] x[k] (x's k = K being the constant 1). */
    static float[] weightGradient(float[][] x, float[][] dz, int k, int m) {
        float[] dw = new float[m * (k + 1)];
        for (int s = 0; s < x.length; s++) {
            for (int u = 0; u < m; u++) {
                for (int i = 0; i <= k; i++) {
                    float xi = i == k ? 1f : x[s][i];
                    dw[u * (k + 1) + i] = dw[u * (k + 1) + i] + xi * dz[s][u];
                }
            }
        }
        return dw;
    }

    /** dX[k] = sum over units of W[m][k] dZ[m], units in order. */
    static float[][] inputGradient(float[][] dz, float[] w, int k, int m) {
        float[][] dx = new float[dz.length][k];
        for (int s = 0; s < dz.length; s++) {
            for (int u = 0; u < m; u++) {
                for (int i = 0; i < k; i++) {
                    dx[s][i] = dx[s][i] + dz[s][u] * w[u * (k + 1) + i];
                }
            }
        }
        return dx;
    }
}
