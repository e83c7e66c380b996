package org.waferscope.engine.program;

import java.util.Arrays;
import java.util.Map;

/**
 * The small numpy-like language of a check's {@code "expected"}: host array names, numbers,
 * {@code + - * /} (elementwise, or with a scalar), {@code @} (matrix-vector and matrix-matrix
 * product), {@code .T} and {@code transpose(a)}, {@code sum(a)}, {@code tile(a, n)}, {@code floor(a)},
 * {@code bincount(a, n)}, unary minus and parentheses. Evaluated in
 * doubles when the program loads, from the input arrays.
 */
final class ArrayExpr {
    private static final long MAX_FLOPS = 400_000_000L;

    private final String text;
    private final Map<String, NdArray> arrays;
    private int at;
    private int depth;

    private ArrayExpr(String text, Map<String, NdArray> arrays) {
        this.text = text;
        this.arrays = arrays;
    }

    static NdArray eval(String text, Map<String, NdArray> arrays) {
        if (text.length() > 1000) {
            throw new IllegalArgumentException("expression is too long");
        }
        ArrayExpr e = new ArrayExpr(text, arrays);
        NdArray v = e.sum();
        e.space();
        if (e.at != text.length()) {
            throw new IllegalArgumentException("unexpected '" + text.charAt(e.at) + "' at column " + (e.at + 1)
                    + " of \"" + text + "\"");
        }
        return v;
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

    private NdArray sum() {
        NdArray v = product();
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

    private NdArray product() {
        NdArray v = unary();
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

    private NdArray unary() {
        if (++depth > 100) {
            throw new IllegalArgumentException("expression nested too deeply");
        }
        try {
            if (eat("-")) {
                return elementwise(scalar(0), unary(), '-');
            }
            NdArray v = primary();
            while (eat(".T")) {
                v = transpose(v);
            }
            return v;
        } finally {
            depth--;
        }
    }

    private static NdArray scalar(double v) {
        return new NdArray(new int[0], new double[] {v});
    }

    private NdArray primary() {
        if (eat("(")) {
            NdArray v = sum();
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
            try {
                return scalar(Double.parseDouble(text.substring(start, at)));
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
        if (ArrayFunctions.NAMES.contains(name) && eat("(")) {
            java.util.List<NdArray> args = new java.util.ArrayList<>();
            do {
                args.add(sum());
            } while (eat(","));
            if (!eat(")")) {
                throw new IllegalArgumentException("missing ')' after " + name + "(");
            }
            return ArrayFunctions.apply(name, args);
        }
        if (name.equals("tile") && eat("(")) {
            return tile();
        }
        if (name.equals("bincount") && eat("(")) {
            NdArray v = sum();
            if (!eat(",")) {
                throw new IllegalArgumentException("bincount takes (array, length)");
            }
            NdArray n = sum();
            if (!eat(")")) {
                throw new IllegalArgumentException("missing ')' after bincount(");
            }
            return ArrayCounts.bincount(v, n);
        }
        if (name.equals("floor") && eat("(")) {
            NdArray v = sum();
            if (!eat(")")) {
                throw new IllegalArgumentException("missing ')' after floor(");
            }
            return ArrayCounts.floor(v);
        }
        if ((name.equals("transpose") || name.equals("sum")) && eat("(")) {
            NdArray v = sum();
            if (!eat(")")) {
                throw new IllegalArgumentException("missing ')' after " + name + "(");
            }
            if (name.equals("sum")) {
                double total = 0;
                for (double d : v.data()) {
                    total += d;
                }
                return scalar(total);
            }
            return transpose(v);
        }
        NdArray a = arrays.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no input array named '" + name + "'; known: " + arrays.keySet());
        }
        return a;
    }

    /** {@code tile(a, n)}: a's elements, flattened, n times over (numpy's tile of a 1-D array). */
    private NdArray tile() {
        NdArray v = sum();
        if (!eat(",")) {
            throw new IllegalArgumentException("tile takes (array, count)");
        }
        NdArray count = sum();
        if (!eat(")") || count.data().length != 1) {
            throw new IllegalArgumentException("tile takes (array, count) with a single number as count");
        }
        double c = count.data()[0];
        if (c != Math.rint(c) || c < 1 || c * v.data().length > NdArray.MAX_ELEMENTS) {
            throw new IllegalArgumentException("tile's count must be a whole number from 1 that keeps the array within "
                    + NdArray.MAX_ELEMENTS + " elements");
        }
        int n = v.data().length;
        double[] out = new double[n * (int) c];
        for (int k = 0; k < (int) c; k++) {
            System.arraycopy(v.data(), 0, out, k * n, n);
        }
        return new NdArray(new int[] {out.length}, out);
    }

    private static NdArray transpose(NdArray a) {
        if (a.shape().length < 2) {
            return a;
        }
        if (a.shape().length != 2) {
            throw new IllegalArgumentException(".T applies to 1-D and 2-D arrays");
        }
        return a.transpose(new int[] {1, 0});
    }

    private static NdArray elementwise(NdArray a, NdArray b, char op) {
        boolean as = a.data().length == 1 && a.shape().length == 0;
        boolean bs = b.data().length == 1 && b.shape().length == 0;
        if (!as && !bs && !Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException("shapes " + Arrays.toString(a.shape()) + " and " + Arrays.toString(b.shape())
                    + " differ for '" + op + "'");
        }
        int n = Math.max(a.data().length, b.data().length);
        int[] shape = as ? b.shape() : a.shape();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double x = a.data()[as ? 0 : i];
            double y = b.data()[bs ? 0 : i];
            out[i] = switch (op) {
                case '+' -> x + y;
                case '-' -> x - y;
                case '*' -> x * y;
                default -> x / y;
            };
        }
        return new NdArray(shape, out);
    }

    private static NdArray matmul(NdArray a, NdArray b) {
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
        double[] out = new double[m * p];
        for (int i = 0; i < m; i++) {
            for (int kk = 0; kk < k; kk++) {
                double x = a.data()[i * k + kk];
                for (int j = 0; j < p; j++) {
                    out[i * p + j] += x * b.data()[kk * p + j];
                }
            }
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
        return new NdArray(shape, out);
    }
}
