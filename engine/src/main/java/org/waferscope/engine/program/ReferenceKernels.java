package org.waferscope.engine.program;

import java.util.Arrays;
import java.util.List;

/**
 * What a host script would compute on the CPU to check a whole-grid program, as run.json
 * expressions: {@code life(board, gens)} (Conway's rules on a bounded board, cells beyond the
 * edge dead), {@code stencil5(grid, alpha, steps)} (new = alpha (N + S + W + E) + (1 - 4 alpha) C
 * with the edge held at 0, in f32 and the order N + S, + W, + E, × alpha, + C × (1 - 4 alpha))
 * and {@code mandelbrot(rows, pixels, iters, x_min, x_max, y_min, y_max)} (escape-time counts
 * of an image over that window, in f32, at most iters iterations); and {@code fftn(a, norm)},
 * {@code ifftn(a, norm)} (numpy's n-dimensional discrete Fourier transform and its inverse of a
 * complex array held as (real, imaginary) pairs along a last axis of 2, norm as the SDK's fft
 * benchmarks pass it: 0 backward, 1 ortho, 2 forward). Each is the plain loop, with nothing of
 * the wafer's way of doing it: no tiles, no pipeline, no exchanges; the transforms are the
 * definition's sums along one axis after another, in double, with no fast algorithm.
 */
final class ReferenceKernels {
    static final List<String> NAMES = List.of("life", "stencil5", "mandelbrot", "fftn", "ifftn");
    static final List<String> FOURIER = List.of("fftn", "ifftn");

    private ReferenceKernels() {
    }

    static int arity(String name) {
        return switch (name) {
            case "life" -> 2;
            case "stencil5" -> 3;
            case "fftn", "ifftn" -> 2;
            default -> 7;
        };
    }

    /**
     * The reference {@code name} of {@code args}, or, when {@code shapeOnly}, zeros in its shape
     * after the same checks of the arguments: a check tells at load whether its expression
     * holds together, and computes the reference only when it runs ({@code Checks}).
     */
    static NdArray apply(String name, List<NdArray> args, boolean shapeOnly) {
        return switch (name) {
            case "life" -> life(grid(args.get(0), name), count(args.get(1), name + "'s gens"), shapeOnly);
            case "fftn", "ifftn" -> Dft.transform(args.get(0), count(args.get(1), name + "'s norm"),
                    name.equals("ifftn"), shapeOnly);
            case "stencil5" -> stencil5(grid(args.get(0), name), (float) number(args.get(1), "stencil5's alpha"),
                    count(args.get(2), "stencil5's steps"), shapeOnly);
            default -> mandelbrot(count(args.get(0), "mandelbrot's rows"), count(args.get(1), "mandelbrot's pixels"),
                    count(args.get(2), "mandelbrot's iters"), (float) number(args.get(3), "x_min"),
                    (float) number(args.get(4), "x_max"), (float) number(args.get(5), "y_min"),
                    (float) number(args.get(6), "y_max"), shapeOnly);
        };
    }

    private static NdArray zeros(int[] shape) {
        return new NdArray(shape, new double[NdArray.size(shape)]);
    }

    private static NdArray life(NdArray board, int gens, boolean shapeOnly) {
        int h = board.shape()[0];
        int w = board.shape()[1];
        affordable((long) h * w * gens, "life");
        if (shapeOnly) {
            return zeros(board.shape());
        }
        if (gens == 0) {
            return new NdArray(board.shape(), board.data().clone());
        }
        // a dead border one cell wide, so that every cell has eight neighbours to add without a
        // test: the check runs at load, and a full-wafer board is 754 k cells a generation
        int pw = w + 2;
        byte[] cur = new byte[(h + 2) * pw];
        byte[] next = new byte[cur.length];
        double[] in = board.data();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                cur[(y + 1) * pw + x + 1] = (byte) (in[y * w + x] != 0 ? 1 : 0);
            }
        }
        for (int g = 0; g < gens; g++) {
            for (int y = 1; y <= h; y++) {
                int up = (y - 1) * pw;
                int mid = y * pw;
                int down = (y + 1) * pw;
                for (int x = 1; x <= w; x++) {
                    int alive = cur[up + x - 1] + cur[up + x] + cur[up + x + 1] + cur[mid + x - 1] + cur[mid + x + 1]
                            + cur[down + x - 1] + cur[down + x] + cur[down + x + 1];
                    next[mid + x] = (byte) (alive == 3 || (alive == 2 && cur[mid + x] != 0) ? 1 : 0);
                }
            }
            byte[] t = cur;
            cur = next;
            next = t;
        }
        double[] out = new double[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = cur[(y + 1) * pw + x + 1];
            }
        }
        return new NdArray(board.shape(), out);
    }

    private static NdArray stencil5(NdArray grid, float alpha, int steps, boolean shapeOnly) {
        int rows = grid.shape()[0];
        int cols = grid.shape()[1];
        affordable((long) rows * cols * steps, "stencil5");
        if (shapeOnly) {
            return zeros(grid.shape());
        }
        float beta = 1.0f - 4.0f * alpha;
        float[] cur = new float[rows * cols];
        for (int i = 0; i < cur.length; i++) {
            cur[i] = (float) grid.data()[i];
        }
        for (int s = 0; s < steps; s++) {
            float[] next = new float[cur.length];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    float v = (i > 0 ? cur[(i - 1) * cols + j] : 0f) + (i < rows - 1 ? cur[(i + 1) * cols + j] : 0f);
                    v += j > 0 ? cur[i * cols + j - 1] : 0f;
                    v += j < cols - 1 ? cur[i * cols + j + 1] : 0f;
                    v *= alpha;
                    next[i * cols + j] = v + cur[i * cols + j] * beta;
                }
            }
            cur = next;
        }
        double[] out = new double[cur.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = cur[i];
        }
        return new NdArray(grid.shape(), out);
    }

    private static NdArray mandelbrot(int rows, int pixels, int iters, float xMin, float xMax, float yMin, float yMax,
                                      boolean shapeOnly) {
        affordable((long) rows * pixels * iters, "mandelbrot");
        if ((long) rows * pixels > NdArray.MAX_ELEMENTS) {
            throw new IllegalArgumentException("mandelbrot's image would hold more than " + NdArray.MAX_ELEMENTS + " pixels");
        }
        if (shapeOnly) {
            return zeros(new int[] {rows, pixels});
        }
        float dx = (xMax - xMin) / (float) pixels;
        float dy = (yMax - yMin) / (float) rows;
        double[] out = new double[rows * pixels];
        for (int y = 0; y < rows; y++) {
            for (int i = 0; i < pixels; i++) {
                out[y * pixels + i] = escapeTime(xMin + (float) i * dx, yMin + (float) y * dy, iters);
            }
        }
        return new NdArray(new int[] {rows, pixels}, out);
    }

    /** Iterations of z = z^2 + c from 0 before |z|^2 exceeds 4, at most {@code iters}, in f32. */
    private static int escapeTime(float cr, float ci, int iters) {
        float zr = 0f;
        float zi = 0f;
        for (int n = 0; n < iters; n++) {
            float rr = zr * zr;
            float ii = zi * zi;
            if (rr + ii > 4.0f) {
                return n;
            }
            zi = 2.0f * zr * zi + ci;
            zr = rr - ii + cr;
        }
        return iters;
    }

    private static NdArray grid(NdArray a, String name) {
        if (a.shape().length != 2) {
            throw new IllegalArgumentException(name + " takes a 2-D array (rows, columns), not shape "
                    + Arrays.toString(a.shape()));
        }
        return a;
    }

    private static double number(NdArray a, String what) {
        if (a.data().length != 1 || !Double.isFinite(a.data()[0])) {
            throw new IllegalArgumentException(what + " is one finite number");
        }
        return a.data()[0];
    }

    static int count(NdArray a, String what) {
        double v = number(a, what);
        if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " is a whole number from 0, not " + v);
        }
        return (int) v;
    }

    static void affordable(long work, String name) {
        if (work > ArrayExpr.MAX_FLOPS) {
            throw new IllegalArgumentException(name + " of these sizes is too much work to check at load ("
                    + work + " updates; at most " + ArrayExpr.MAX_FLOPS + ")");
        }
    }
}
