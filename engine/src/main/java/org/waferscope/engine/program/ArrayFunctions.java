package org.waferscope.engine.program;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Functions of run.json's expressions beyond numpy's operators, for host scripts that compute
 * their expectations with a loop: {@code norm2(a)} (the Euclidean norm, numpy's
 * {@code linalg.norm(a, 2)} of a vector), {@code sqrt(a)}, {@code cos(a)} and {@code sin(a)} (elementwise,
 * in radians), {@code repeat(a, n)}
 * (numpy's {@code repeat}: each element of the flattened a n times in a row) and
 * {@code stencil7(x, c)}, the 7-point stencil the SDK's stencil benchmarks apply; and the
 * whole-grid references of {@link ReferenceKernels}.
 */
final class ArrayFunctions {
    static final Set<String> NAMES = Set.of("norm2", "sqrt", "cos", "sin", "repeat", "stencil7", "life", "stencil5",
            "mandelbrot", "fftn", "ifftn");

    private ArrayFunctions() {
    }

    static NdArray apply(String name, List<NdArray> args) {
        return apply(name, args, false);
    }

    /** {@link #apply}; with {@code shapeOnly}, the references of {@link ReferenceKernels} are zeros in their shape. */
    static NdArray apply(String name, List<NdArray> args, boolean shapeOnly) {
        int want = ReferenceKernels.NAMES.contains(name) ? ReferenceKernels.arity(name)
                : name.equals("stencil7") || name.equals("repeat") ? 2 : 1;
        if (args.size() != want) {
            throw new IllegalArgumentException(name + " takes " + want + " argument" + (want == 1 ? "" : "s"));
        }
        return switch (name) {
            case "norm2" -> {
                double s = 0;
                for (double d : args.get(0).data()) {
                    s += d * d;
                }
                yield new NdArray(new int[0], new double[] {Math.sqrt(s)});
            }
            case "sqrt", "cos", "sin" -> {
                double[] out = args.get(0).data().clone();
                for (int i = 0; i < out.length; i++) {
                    out[i] = switch (name) {
                        case "sqrt" -> Math.sqrt(out[i]);
                        case "cos" -> Math.cos(out[i]);
                        default -> Math.sin(out[i]);
                    };
                }
                yield new NdArray(args.get(0).shape(), out);
            }
            case "repeat" -> repeat(args.get(0), args.get(1));
            case "life", "stencil5", "mandelbrot", "fftn", "ifftn" -> ReferenceKernels.apply(name, args, shapeOnly);
            default -> stencil7(args.get(0), args.get(1));
        };
    }

    private static NdArray repeat(NdArray a, NdArray count) {
        double c = count.data().length == 1 ? count.data()[0] : -1;
        if (c != Math.rint(c) || c < 1 || c * a.data().length > NdArray.MAX_ELEMENTS) {
            throw new IllegalArgumentException("repeat's count must be one whole number from 1 that keeps the array within "
                    + NdArray.MAX_ELEMENTS + " elements");
        }
        int n = (int) c;
        double[] out = new double[a.data().length * n];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.data()[i / n];
        }
        return new NdArray(new int[] {out.length}, out);
    }

    /**
     * y[i, j, k] = c_west x[i, j-1, k] + c_east x[i, j+1, k] + c_south x[i+1, j, k]
     * + c_north x[i-1, j, k] + c_bottom x[i, j, k-1] + c_top x[i, j, k+1] + c_center x[i, j, k],
     * with x of shape (height, width, depth) and neighbours outside it taken as 0. {@code c} is
     * the seven coefficients in that order (west, east, south, north, bottom, top, center),
     * either once for every point or per column, of shape (height, width, 7).
     */
    static NdArray stencil7(NdArray x, NdArray c) {
        int[] s = x.shape();
        if (s.length != 3) {
            throw new IllegalArgumentException("stencil7 takes x of shape (height, width, depth), not "
                    + Arrays.toString(s));
        }
        int h = s[0];
        int w = s[1];
        int d = s[2];
        boolean perColumn = c.data().length == 7L * h * w;
        if (c.data().length != 7 && !perColumn) {
            throw new IllegalArgumentException("stencil7's coefficients are 7 numbers, or (height, width, 7) of them");
        }
        double[] v = x.data();
        double[] out = new double[v.length];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                int cb = perColumn ? (i * w + j) * 7 : 0;
                double[] k7 = Arrays.copyOfRange(c.data(), cb, cb + 7);
                for (int k = 0; k < d; k++) {
                    double y = k7[6] * v[(i * w + j) * d + k];
                    y += j > 0 ? k7[0] * v[(i * w + j - 1) * d + k] : 0;
                    y += j < w - 1 ? k7[1] * v[(i * w + j + 1) * d + k] : 0;
                    y += i < h - 1 ? k7[2] * v[((i + 1) * w + j) * d + k] : 0;
                    y += i > 0 ? k7[3] * v[((i - 1) * w + j) * d + k] : 0;
                    y += k > 0 ? k7[4] * v[(i * w + j) * d + k - 1] : 0;
                    y += k < d - 1 ? k7[5] * v[(i * w + j) * d + k + 1] : 0;
                    out[(i * w + j) * d + k] = y;
                }
            }
        }
        return new NdArray(s, out);
    }
}
