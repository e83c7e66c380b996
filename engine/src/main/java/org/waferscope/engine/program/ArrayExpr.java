package org.waferscope.engine.program;

import java.util.Arrays;
import java.util.Map;

/**
 * The small numpy-like language of a check's {@code "expected"}: host array names, numbers,
 * {@code + - * /} (elementwise, or with a scalar), {@code @} (matrix-vector and matrix-matrix
 * product), {@code .T} and {@code transpose(a)}, {@code sum(a)}, {@code tile(a, n)},
 * {@code sqrt(a)}, {@code cos(a)}, {@code sin(a)}, {@code abs(a)}, {@code max(a)}, {@code min(a)}, {@code floor(a)},
 * {@code bincount(a, n)}, {@code norm2(a)}, {@code repeat(a, n)}, {@code stencil7(x, c)},
 * {@code life(board, gens)}, {@code stencil5(grid, alpha, steps)}, {@code mandelbrot(rows, ...)},
 * {@code fftn(a, norm)}, {@code ifftn(a, norm)},
 * {@code hypersparse(A, 'part', pe_cols, pe_rows[, length])}, unary
 * minus and parentheses. Evaluated when the program loads (a whole-grid reference only checked
 * then, and computed when its check runs: {@link #shaped}), from the input arrays, with numpy's
 * dtypes ({@link NumpyType}): an i16 sum wraps, an f32 product is rounded to f32.
 */
final class ArrayExpr {
    /** A value of the expression: its elements (as doubles) and its numpy dtype. */
    record Typed(NdArray nd, NumpyType type) {
        NdArray with(double[] data) {
            return new NdArray(nd.shape(), data);
        }
    }

    /** The most multiply-adds (or, for {@link ReferenceKernels}, cell updates) an expression may cost. */
    static final long MAX_FLOPS = 400_000_000L;

    /**
     * An expression's value as {@link #shaped} gives it: {@code exact} unless a whole-grid
     * reference was left out, whose place then holds zeros of its shape.
     */
    record Shaped(NdArray value, boolean exact) {
    }

    private final String text;
    private final Map<String, Typed> arrays;
    /** Leave the loops of {@link ReferenceKernels} out, and say so in {@link #leftOut}. */
    private final boolean shapeOnly;
    private boolean leftOut;
    private int at;
    private int depth;

    private ArrayExpr(String text, Map<String, Typed> arrays, boolean shapeOnly) {
        this.text = text;
        this.arrays = arrays;
        this.shapeOnly = shapeOnly;
    }

    static NdArray eval(String text, Map<String, Typed> arrays) {
        return evaluate(text, arrays, false).value();
    }

    /**
     * The expression evaluated in full, except for the whole-grid references (life, stencil5,
     * mandelbrot), which are checked and shaped but not computed: every error the full
     * evaluation could meet is met here, at a fraction of its work.
     */
    static Shaped shaped(String text, Map<String, Typed> arrays) {
        return evaluate(text, arrays, true);
    }

    private static Shaped evaluate(String text, Map<String, Typed> arrays, boolean shapeOnly) {
        if (text.length() > 1000) {
            throw new IllegalArgumentException("expression is too long");
        }
        ArrayExpr e = new ArrayExpr(text, arrays, shapeOnly);
        Typed v = e.sum();
        e.space();
        if (e.at != text.length()) {
            throw new IllegalArgumentException("unexpected '" + text.charAt(e.at) + "' at column " + (e.at + 1)
                    + " of \"" + text + "\"");
        }
        return new Shaped(v.nd(), !e.leftOut);
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private boolean eat(String s) {
        space();
        if (text.startsWith(s, at)) {
            at += s.length();
            return true;
        }
        return false;
    }

    private Typed sum() {
        Typed v = product();
        while (true) {
            if (eat("+")) {
                v = elementwise(v, product(), '+');
            } else if (eat("-")) {
                v = elementwise(v, product(), '-');
            } else {
                return v;
            }
        }
    }

    private Typed product() {
        Typed v = unary();
        while (true) {
            if (eat("@")) {
                v = matmul(v, unary());
            } else if (eat("*")) {
                v = elementwise(v, unary(), '*');
            } else if (eat("/")) {
                v = elementwise(v, unary(), '/');
            } else {
                return v;
            }
        }
    }

    private Typed unary() {
        if (++depth > 100) {
            throw new IllegalArgumentException("expression nested too deeply");
        }
        try {
            if (eat("-")) {
                Typed v = unary();
                return elementwise(scalar(0, v.type().weak() ? v.type() : NumpyType.WEAK_INT), v, '-');
            }
            Typed v = primary();
            while (eat(".T")) {
                v = transpose(v);
            }
            return v;
        } finally {
            depth--;
        }
    }

    private static Typed scalar(double v, NumpyType type) {
        return new Typed(new NdArray(new int[0], new double[] {v}), type);
    }

    private Typed primary() {
        if (eat("(")) {
            Typed v = sum();
            if (!eat(")")) {
                throw new IllegalArgumentException("missing ')' in \"" + text + "\"");
            }
            return v;
        }
        space();
        int start = at;
        if (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
            while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.'
                    || text.charAt(at) == 'e' || text.charAt(at) == 'E'
                    || ((text.charAt(at) == '-' || text.charAt(at) == '+') && at > start
                    && (text.charAt(at - 1) == 'e' || text.charAt(at - 1) == 'E')))) {
                at++;
            }
            String number = text.substring(start, at);
            boolean whole = number.chars().allMatch(Character::isDigit);
            try {
                return scalar(Double.parseDouble(number), whole ? NumpyType.WEAK_INT : NumpyType.WEAK_FLOAT);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad number '" + text.substring(start, at) + "'");
            }
        }
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
            at++;
        }
        String name = text.substring(start, at);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("expected an array name or a number at column " + (at + 1) + " of \"" + text + "\"");
        }
        if ((ArrayFunctions.NAMES.contains(name) || name.equals("bincount") || name.equals("floor")) && eat("(")) {
            java.util.List<Typed> args = new java.util.ArrayList<>();
            do {
                args.add(sum());
            } while (eat(","));
            if (!eat(")")) {
                throw new IllegalArgumentException("missing ')' after " + name + "(");
            }
            return library(name, args);
        }
        if (name.equals("hypersparse") && eat("(")) {
            return hypersparse();
        }
        if (name.equals("tile") && eat("(")) {
            return tile();
        }
        if (FUNCTIONS.contains(name) && eat("(")) {
            Typed v = sum();
            if (!eat(")")) {
                throw new IllegalArgumentException("missing ')' after " + name + "(");
            }
            return function(name, v);
        }
        Typed a = arrays.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no input array named '" + name + "'; known: " + arrays.keySet());
        }
        return a;
    }

    private static final java.util.Set<String> FUNCTIONS = java.util.Set.of("transpose", "sum", "abs", "max", "min");

    /**
     * The functions of {@link ArrayFunctions} and {@link ArrayCounts}, computed in double: a
     * count is an int64 as numpy's bincount gives, repeat keeps its array's dtype, the others
     * give the float type numpy would (f32 stays f32, integers become f64).
     */
    private Typed library(String name, java.util.List<Typed> args) {
        NumpyType first = args.get(0).type();
        if (name.equals("bincount") || name.equals("floor")) {
            if (args.size() != (name.equals("bincount") ? 2 : 1)) {
                throw new IllegalArgumentException(name.equals("bincount") ? "bincount takes (array, length)" : "floor takes one array");
            }
            return name.equals("floor") ? new Typed(ArrayCounts.floor(args.get(0).nd()), first)
                    : new Typed(ArrayCounts.bincount(args.get(0).nd(), args.get(1).nd()), NumpyType.WEAK_INT);
        }
        NdArray r = ArrayFunctions.apply(name, args.stream().map(Typed::nd).toList(), shapeOnly);
        // numpy's fftn gives complex128 whatever its input, so its parts are doubles
        NumpyType t = name.equals("repeat") ? first : ReferenceKernels.FOURIER.contains(name) ? NumpyType.F64
                : first.floatResult();
        if (shapeOnly && ReferenceKernels.NAMES.contains(name)) {
            leftOut = true;
            return new Typed(r, t);   // zeros, which every dtype rounds to themselves
        }
        double[] d = r.data().clone();
        for (int i = 0; i < d.length; i++) {
            d[i] = t.round(d[i]);
        }
        return new Typed(new NdArray(r.shape(), d), t);
    }

    /** numpy's {@code transpose}, {@code sum}, {@code abs}, {@code max} and {@code min} of a whole array. */
    private static Typed function(String name, Typed v) {
        double[] d = v.nd().data();
        switch (name) {
            case "transpose" -> {
                return transpose(v);
            }
            case "sum" -> {
                NumpyType t = v.type().sumResult();
                double total = 0;
                for (double x : d) {
                    total += x;
                }
                return scalar(t.round(total), t);
            }
            case "max", "min" -> {
                if (d.length == 0) {
                    throw new IllegalArgumentException(name + "() of an empty array");
                }
                double m = d[0];
                for (double x : d) {
                    m = name.equals("max") ? Math.max(m, x) : Math.min(m, x);
                }
                return scalar(m, v.type());
            }
            default -> {
                NumpyType t = v.type();
                double[] out = new double[d.length];
                for (int i = 0; i < d.length; i++) {
                    out[i] = t.round(Math.abs(d[i]));
                }
                return new Typed(v.with(out), t);
            }
        }
    }

    /**
     * {@code hypersparse(A, 'part', pe_cols, pe_rows[, length])}: one part of A's tiles in the
     * SDK's hypersparse form ({@link HypersparseTiles}); the values keep A's type, the indices
     * and counts are u16 as the PEs hold them.
     */
    private Typed hypersparse() {
        Typed m = sum();
        String usage = "hypersparse takes (A, 'part', pe_cols, pe_rows[, length]) with the part in quotes, one of "
                + HypersparseTiles.PARTS;
        if (!eat(",") || !(eat("'") || eat("\""))) {
            throw new IllegalArgumentException(usage);
        }
        char quote = text.charAt(at - 1);
        int end = text.indexOf(quote, at);
        if (end < 0) {
            throw new IllegalArgumentException("missing closing " + quote + " in \"" + text + "\"");
        }
        String part = text.substring(at, end);
        at = end + 1;
        int[] numbers = new int[] {0, 0, -1};
        int given = 0;
        while (eat(",")) {
            NdArray n = sum().nd();
            double v = n.data().length == 1 ? n.data()[0] : -1;
            if (given == 3 || v != Math.rint(v) || v < 0 || v > NdArray.MAX_ELEMENTS) {
                throw new IllegalArgumentException(usage + "; pe_cols, pe_rows and length are whole numbers");
            }
            numbers[given++] = (int) v;
        }
        if (given < 2 || !eat(")")) {
            throw new IllegalArgumentException(usage);
        }
        NdArray r = HypersparseTiles.part(m.nd(), part, numbers[0], numbers[1], numbers[2]);
        return new Typed(r, part.equals("vals") ? m.type() : NumpyType.U16);
    }

    /** {@code tile(a, n)}: a's elements, flattened, n times over (numpy's tile of a 1-D array). */
    private Typed tile() {
        Typed v = sum();
        if (!eat(",")) {
            throw new IllegalArgumentException("tile takes (array, count)");
        }
        NdArray count = sum().nd();
        if (!eat(")") || count.data().length != 1) {
            throw new IllegalArgumentException("tile takes (array, count) with a single number as count");
        }
        double c = count.data()[0];
        double[] d = v.nd().data();
        if (c != Math.rint(c) || c < 1 || c * d.length > NdArray.MAX_ELEMENTS) {
            throw new IllegalArgumentException("tile's count must be a whole number from 1 that keeps the array within "
                    + NdArray.MAX_ELEMENTS + " elements");
        }
        int n = d.length;
        double[] out = new double[n * (int) c];
        for (int k = 0; k < (int) c; k++) {
            System.arraycopy(d, 0, out, k * n, n);
        }
        return new Typed(new NdArray(new int[] {out.length}, out), v.type());
    }

    private static Typed transpose(Typed a) {
        int[] shape = a.nd().shape();
        if (shape.length < 2) {
            return a;
        }
        if (shape.length != 2) {
            throw new IllegalArgumentException(".T applies to 1-D and 2-D arrays");
        }
        return new Typed(a.nd().transpose(new int[] {1, 0}), a.type());
    }

    private static Typed elementwise(Typed ta, Typed tb, char op) {
        NdArray a = ta.nd();
        NdArray b = tb.nd();
        boolean as = a.data().length == 1 && a.shape().length == 0;
        boolean bs = b.data().length == 1 && b.shape().length == 0;
        if (!as && !bs && !Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException("shapes " + Arrays.toString(a.shape()) + " and " + Arrays.toString(b.shape())
                    + " differ for '" + op + "'");
        }
        NumpyType t = op == '/' ? NumpyType.divide(ta.type(), tb.type()) : NumpyType.promote(ta.type(), tb.type());
        // integers combine exactly in a long and wrap to their type, as numpy's fixed-width ints do
        boolean exact = t.integer() && t != NumpyType.WEAK_INT;
        int n = Math.max(a.data().length, b.data().length);
        int[] shape = as ? b.shape() : a.shape();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            // an operand is first brought to the result's type (numpy casts a Python scalar to the array's dtype)
            double x = t.round(a.data()[as ? 0 : i]);
            double y = t.round(b.data()[bs ? 0 : i]);
            if (exact) {
                long lx = (long) x;
                long ly = (long) y;
                out[i] = t.wrap(switch (op) {
                    case '+' -> lx + ly;
                    case '-' -> lx - ly;
                    default -> lx * ly;
                });
            } else {
                out[i] = t.round(switch (op) {
                    case '+' -> x + y;
                    case '-' -> x - y;
                    case '*' -> x * y;
                    default -> x / y;
                });
            }
        }
        return new Typed(new NdArray(shape, out), t);
    }

    /** numpy's matmul; floats add up in double and are rounded to the result's type once at the end. */
    private static Typed matmul(Typed ta, Typed tb) {
        NdArray a = ta.nd();
        NdArray b = tb.nd();
        NumpyType t = NumpyType.promote(ta.type(), tb.type());
        int[] sa = a.shape();
        int[] sb = b.shape();
        if (sa.length < 1 || sa.length > 2 || sb.length < 1 || sb.length > 2) {
            throw new IllegalArgumentException("'@' multiplies 1-D and 2-D arrays, not shapes "
                    + Arrays.toString(sa) + " and " + Arrays.toString(sb));
        }
        int m = sa.length == 2 ? sa[0] : 1;
        int k = sa[sa.length - 1];
        int kb = sb[0];
        int p = sb.length == 2 ? sb[1] : 1;
        if (k != kb) {
            throw new IllegalArgumentException("'@' needs matching inner sizes, not " + Arrays.toString(sa) + " and "
                    + Arrays.toString(sb));
        }
        if ((long) m * k * p > MAX_FLOPS) {
            throw new IllegalArgumentException("'@' of these shapes is too much work to check");
        }
        boolean exact = t.integer() && t != NumpyType.WEAK_INT;
        double[] out = new double[m * p];
        long[] acc = exact ? new long[m * p] : null;
        for (int i = 0; i < m; i++) {
            for (int kk = 0; kk < k; kk++) {
                double x = a.data()[i * k + kk];
                for (int j = 0; j < p; j++) {
                    if (exact) {
                        acc[i * p + j] += (long) x * (long) b.data()[kk * p + j];
                    } else {
                        out[i * p + j] += x * b.data()[kk * p + j];
                    }
                }
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = exact ? t.wrap(acc[i]) : t.round(out[i]);
        }
        int[] shape;
        if (sa.length == 2 && sb.length == 2) {
            shape = new int[] {m, p};
        } else if (sa.length == 2) {
            shape = new int[] {m};
        } else if (sb.length == 2) {
            shape = new int[] {p};
        } else {
            shape = new int[0];
        }
        return new Typed(new NdArray(shape, out), t);
    }
}
