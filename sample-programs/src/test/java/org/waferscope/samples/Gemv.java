package org.waferscope.samples;

/** The plain Java reference for the GEMV samples, in the order the PEs add. */
final class Gemv {
    private Gemv() {
    }

    /** y = b, then y += A[:, c] * x[c] for c = 0..n-1, each step rounded to f32 as @fmacs does. */
    static float[] columnByColumn(float[] a, float[] x, float[] b, int m, int n) {
        float[] y = b.clone();
        for (int c = 0; c < n; c++) {
            for (int r = 0; r < m; r++) {
                y[r] = y[r] + a[r * n + c] * x[c];
            }
        }
        return y;
    }

    /** y = A x + b in double, for samples whose order of additions differs from one PE's. */
    static float[] exact(float[] a, float[] x, float[] b, int m, int n) {
        float[] y = new float[m];
        for (int r = 0; r < m; r++) {
            double s = b[r];
            for (int c = 0; c < n; c++) {
                s += (double) a[r * n + c] * x[c];
            }
            y[r] = (float) s;
        }
        return y;
    }
}
