package org.waferscope.engine.program;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
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
        NdArray expected = expected(c.expected(), ptr + "/expected");
        if (c.reshape() != null) {
            expected = expected.reshape(ctx.dims(c.reshape(), ptr + "/reshape"));
        }
        if (c.transpose() != null) {
            expected = expected.transpose(ctx.axes(c.transpose(), ptr + "/transpose"));
        }
        double[] e = expected.data();
        if (e.length == 1 && length > 1) {
            double v = e[0];
            e = new double[length];
            java.util.Arrays.fill(e, v);
        }
        if (e.length != length) {
            throw new CslError(ctx.at(ptr + "/expected"), "expected has " + e.length + " values but " + c.array()
                    + " has " + length);
        }
        double tol = c.tolerance() == null ? 1e-5 : c.tolerance();
        if (!(tol >= 0) || Double.isInfinite(tol)) {
            throw new CslError(ctx.at(ptr + "/tolerance"), "tolerance must be a number >= 0");
        }
        String name = c.name() != null ? c.name() : c.array() + " (check " + (index + 1) + ")";
        return new HostStep.Check(name, c.array(), e, tol);
    }

    /** The input arrays, and the layout params as numbers where no array has their name. */
    private Map<String, NdArray> environment() {
        Map<String, NdArray> env = new java.util.HashMap<>(arrays.values);
        for (Map.Entry<String, String> p : ctx.params().entrySet()) {
            try {
                double v = Double.parseDouble(p.getValue());
                env.putIfAbsent(p.getKey(), new NdArray(new int[0], new double[] {v}));
            } catch (NumberFormatException e) {
                // a bool param is no number; leave it out
            }
        }
        return env;
    }

    private NdArray expected(JsonNode n, String ptr) {
        if (n.isTextual()) {
            try {
                return ArrayExpr.eval(n.asText(), environment());
            } catch (IllegalArgumentException e) {
                throw new CslError(ctx.at(ptr), e.getMessage());
            }
        }
        if (n.isObject()) {
            JsonNode f = n.get("file");
            if (f == null || !f.isTextual() || n.size() != 1) {
                throw new CslError(ctx.at(ptr), "expected as an object is { \"file\": \"name.npy\" }");
            }
            return arrays.file(f.asText(), ptr + "/file");
        }
        return arrays.inline(n, ptr);
    }
}
