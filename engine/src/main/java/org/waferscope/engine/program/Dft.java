package org.waferscope.engine.program;

import java.util.Arrays;

/**
 * numpy's {@code fftn} and {@code ifftn} for run.json's checks, of a complex array held as
 * (real, imaginary) pairs along its last axis: the discrete Fourier transform along every other
 * axis, one after another, each by its definition's sum
 * {@code X[k] = sum_j x[j] e^(-+2 pi i j k / n)} in double. numpy's norm: backward scales only
 * the inverse by 1/n, forward only the forward transform, ortho both by 1/sqrt(n), n the
 * product of the transformed lengths.
 */
final class Dft {
    private Dft() {
    }

    /** norm 0 backward, 1 ortho, 2 forward (as the SDK's fft benchmarks' run.py takes --norm). */
    static NdArray transform(NdArray a, int norm, boolean inverse, boolean shapeOnly) {
        String name = inverse ? "ifftn" : "fftn";
        int[] shape = a.shape();
        if (shape.length < 2 || shape[shape.length - 1] != 2) {
            throw new IllegalArgumentException(name + " takes complex values as (real, imaginary) pairs along a last "
                    + "axis of 2, not shape " + Arrays.toString(shape));
        }
        if (norm > 2) {
            throw new IllegalArgumentException(name + "'s norm is 0 (backward), 1 (ortho) or 2 (forward), not " + norm);
        }
        long points = a.data().length / 2;
        long work = 0;
        for (int d = 0; d < shape.length - 1; d++) {
            work += points * shape[d];
        }
        ReferenceKernels.affordable(work, name);
        if (shapeOnly) {
            return new NdArray(shape, new double[a.data().length]);
        }
        double[] re = new double[(int) points];
        double[] im = new double[(int) points];
        for (int i = 0; i < points; i++) {
            re[i] = a.data()[2 * i];
            im[i] = a.data()[2 * i + 1];
        }
        int inner = 1;
        for (int d = shape.length - 2; d >= 0; d--) {
            along(re, im, shape[d], inner, inverse);
            inner *= shape[d];
        }
        boolean scaled = norm == 1 || (norm == 0) == inverse;
        double scale = !scaled ? 1 : norm == 1 ? 1 / Math.sqrt(points) : 1.0 / points;
        double[] out = new double[a.data().length];
        for (int i = 0; i < points; i++) {
            out[2 * i] = re[i] * scale;
            out[2 * i + 1] = im[i] * scale;
        }
        return new NdArray(shape, out);
    }

    /** The transform of length n along the axis whose elements lie {@code inner} apart. */
    private static void along(double[] re, double[] im, int n, int inner, boolean inverse) {
        double[] cos = new double[n];
        double[] sin = new double[n];
        for (int k = 0; k < n; k++) {
            double angle = 2 * Math.PI * k / n;
            cos[k] = Math.cos(angle);
            sin[k] = inverse ? Math.sin(angle) : -Math.sin(angle);
        }
        double[] lineRe = new double[n];
        double[] lineIm = new double[n];
        int outer = re.length / (n * inner);
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                for (int j = 0; j < n; j++) {
                    lineRe[j] = re[base + j * inner];
                    lineIm[j] = im[base + j * inner];
                }
                for (int k = 0; k < n; k++) {
                    double sr = 0;
                    double si = 0;
                    for (int j = 0; j < n; j++) {
                        int w = (int) ((long) j * k % n);
                        sr += lineRe[j] * cos[w] - lineIm[j] * sin[w];
                        si += lineRe[j] * sin[w] + lineIm[j] * cos[w];
                    }
                    re[base + k * inner] = sr;
                    im[base + k * inner] = si;
                }
            }
        }
    }
}
