package org.waferscope.engine.program;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Supplier;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.host.HostStep;

/** Builds a check step: the expected values from inline numbers, a file, or an expression over the inputs. */
final class Checks {
    private final PlanContext ctx;
    private final HostArrays arrays;
    private final Map<String, Integer> lengths;

    Checks(PlanContext ctx, HostArrays arrays, Map<String, Integer> lengths) {
        this.ctx = ctx;
        this.arrays = arrays;
        this.lengths = lengths;
    }

    HostStep check(RunSpec.Check c, String ptr, int index) {
        if (c.array() == null) {
            throw new CslError(ctx.at(ptr), "\"array\" is missing: which host array to check");
        }
        Integer length = lengths.get(c.array());
        if (length == null) {
            throw new CslError(ctx.at(ptr + "/array"), "no array \"" + c.array() + "\" exists at this step; "
                    + "copy it out first (copy_out or stream_out)");
        }
        if (c.expected() == null) {
            throw new CslError(ctx.at(ptr), "\"expected\" is missing: numbers, { \"file\": ... } or an expression such as \"A @ x + b\"");
        }
        Map<String, ArrayExpr.Typed> env = arrays.environment(ctx.params());
        ArrayExpr.Shaped first = expected(c.expected(), env, ptr + "/expected");
        double[] e = arranged(first.value(), c, ptr, first.exact());
        int[] slice = slice(c.slice(), length, ptr + "/slice");
        int compared = slice == null ? length : slice[2];
        String reduce = c.reduce();
        if (reduce != null && !java.util.Set.of("max", "min", "sum").contains(reduce)) {
            throw new CslError(ctx.at(ptr + "/reduce"), "reduce is \"max\", \"min\" or \"sum\", not \"" + reduce + "\"");
        }
        if (reduce != null && e.length != 1) {
            throw new CslError(ctx.at(ptr + "/expected"), "a check that reduces (\"reduce\": \"" + reduce
                    + "\") expects one value, not " + e.length);
        }
        int reduced = compared;
        if (reduce != null) {
            compared = 1;
        }
        e = spread(e, compared);
        if (e.length != compared) {
            throw new CslError(ctx.at(ptr + "/expected"), "expected has " + e.length + " values but " + c.array()
                    + (slice == null ? " has " + length : "'s slice has " + compared));
        }
        double tol = nonNegative(c.tolerance(), 1e-5, ptr + "/tolerance", "tolerance");
        if (c.tolerance() != null && (c.atol() != null || c.rtol() != null)) {
            throw new CslError(ctx.at(ptr + "/tolerance"), "give either \"tolerance\" or numpy's \"atol\"/\"rtol\", not both");
        }
        double atol = c.atol() == null ? Double.NaN : nonNegative(c.atol(), 0, ptr + "/atol", "atol");
        double rtol = c.rtol() == null ? Double.NaN : nonNegative(c.rtol(), 0, ptr + "/rtol", "rtol");
        String name = c.name() != null ? c.name() : c.array() + " (check " + (index + 1) + ")";
        Supplier<double[]> values;
        if (first.exact()) {
            double[] fixed = e;
            values = () -> fixed;
        } else {
            // a whole-grid reference: computed when the check runs, as a host script would after
            // the run, so that a full-wafer load does not wait for it (the shapes above are its own)
            String text = c.expected().asText();
            int n = compared;
            values = new Later(() -> spread(arranged(ArrayExpr.eval(text, env), c, ptr, true), n));
        }
        boolean complex = Boolean.TRUE.equals(c.complex());
        if (complex && (slice != null || reduce != null || e.length % 2 != 0)) {
            throw new CslError(ctx.at(ptr + "/complex"), "a complex check compares whole arrays of (real, imaginary) "
                    + "pairs: no slice, no reduce, an even number of values");
        }
        return new HostStep.Check(name, c.array(), values, tol, atol, rtol, slice == null ? 0 : slice[0],
                slice == null ? 1 : slice[1], slice == null, reduce, reduce != null ? reduced : e.length, complex);
    }

    /**
     * The expected values as the check's reshape and transpose lay them out; unless
     * {@code moved}, only their count is right (a reference's stand-in, whose values nobody reads).
     */
    private double[] arranged(NdArray expected, RunSpec.Check c, String ptr, boolean moved) {
        NdArray v = expected;
        if (c.reshape() != null) {
            v = v.reshape(ctx.dims(c.reshape(), ptr + "/reshape"));
        }
        if (c.transpose() != null) {
            int[] axes = ctx.axes(c.transpose(), ptr + "/transpose");
            v = moved ? v.transpose(axes) : new NdArray(v.transposedShape(axes), v.data());
        }
        return v.data();
    }

    /** One expected value stands for each of the {@code compared} elements. */
    private static double[] spread(double[] e, int compared) {
        if (e.length != 1 || compared <= 1) {
            return e;
        }
        double[] all = new double[compared];
        java.util.Arrays.fill(all, e[0]);
        return all;
    }

    /** Values computed on first use, once. */
    private static final class Later implements Supplier<double[]> {
        private Supplier<double[]> compute;
        private double[] values;

        Later(Supplier<double[]> compute) {
            this.compute = compute;
        }

        @Override
        public synchronized double[] get() {
            if (values == null) {
                values = compute.get();
                compute = null;
            }
            return values;
        }
    }

    private double nonNegative(Double v, double dflt, String ptr, String what) {
        double d = v == null ? dflt : v;
        if (!(d >= 0) || Double.isInfinite(d)) {
            throw new CslError(ctx.at(ptr), what + " must be a number >= 0");
        }
        return d;
    }

    /** {start, step, count} of a slice of an array of {@code length} elements (Python's rules, no negatives), or null. */
    private int[] slice(RunSpec.Slice s, int length, String ptr) {
        if (s == null) {
            return null;
        }
        int step = s.step() == null ? 1 : ctx.integerIn(s.step(), ptr + "/step", 1, Integer.MAX_VALUE, "step");
        int start = s.start() == null ? 0 : ctx.integerIn(s.start(), ptr + "/start", 0, length - 1L, "start");
        int stop = s.stop() == null ? length : ctx.integerIn(s.stop(), ptr + "/stop", start + 1L, length, "stop");
        return new int[] {start, step, (stop - start + step - 1) / step};
    }

    private ArrayExpr.Shaped expected(JsonNode n, Map<String, ArrayExpr.Typed> env, String ptr) {
        if (n.isTextual()) {
            try {
                return ArrayExpr.shaped(n.asText(), env);
            } catch (IllegalArgumentException e) {
                throw new CslError(ctx.at(ptr), e.getMessage());
            }
        }
        if (n.isObject()) {
            JsonNode f = n.get("file");
            if (f == null || !f.isTextual() || n.size() != 1) {
                throw new CslError(ctx.at(ptr), "expected as an object is { \"file\": \"name.npy\" }");
            }
            return new ArrayExpr.Shaped(arrays.file(f.asText(), ptr + "/file"), true);
        }
        return new ArrayExpr.Shaped(arrays.inline(n, ptr), true);
    }
}
