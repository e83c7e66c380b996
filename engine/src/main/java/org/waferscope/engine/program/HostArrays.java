package org.waferscope.engine.program;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.arch.Half;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.host.HostArray;

/**
 * Makes the host's input arrays from run.json: inline values, a file in the folder (.npy
 * or CSV) or generated (fill, arange, uniform with a seed). Each value is rounded to the
 * array's type, and the rounded value is what checks compute their expectations from.
 */
final class HostArrays {
    /** All host arrays together may hold at most this many elements. */
    static final long MAX_TOTAL_ELEMENTS = 1L << 25;

    private final PlanContext ctx;
    final Map<String, HostArray> arrays = new LinkedHashMap<>();
    final Map<String, NdArray> values = new LinkedHashMap<>();
    private long total;

    HostArrays(PlanContext ctx) {
        this.ctx = ctx;
    }

    void build() {
        for (Map.Entry<String, RunPlan.Located<RunSpec.ArraySpec>> e : ctx.plan().arrays().entrySet()) {
            String ptr = e.getValue().pointer();
            try {
                add(e.getKey(), make(e.getValue().value(), ptr));
            } catch (CslError err) {
                ctx.diags().error(err.pos(), err.getMessage());
            } catch (IllegalArgumentException err) {
                ctx.diags().error(ctx.at(ptr), "array " + e.getKey() + ": " + err.getMessage());
            }
        }
    }

    /** Registers an array; {@code nd} already holds values rounded to {@code type}. */
    void add(String name, Typed t) {
        total += t.nd().data().length;
        if (total > MAX_TOTAL_ELEMENTS) {
            throw new IllegalArgumentException("host arrays together hold more than " + MAX_TOTAL_ELEMENTS + " elements");
        }
        values.put(name, t.nd());
        arrays.put(name, toHost(name, t.type(), t.nd()));
    }

    record Typed(ElementType type, NdArray nd) {
    }

    private Typed make(RunSpec.ArraySpec s, String ptr) {
        ElementType type = type(s.type(), ptr + "/type");
        int sources = (s.values() != null ? 1 : 0) + (s.file() != null ? 1 : 0) + (s.fill() != null ? 1 : 0)
                + (s.arange() != null ? 1 : 0) + (s.uniform() != null ? 1 : 0) + (s.expr() != null ? 1 : 0);
        if (sources != 1) {
            throw new CslError(ctx.at(ptr), "an array needs exactly one of \"values\", \"file\", \"fill\", \"arange\", "
                    + "\"uniform\" or \"expr\"");
        }
        int[] shape = s.shape() == null ? null : ctx.dims(s.shape(), ptr + "/shape");
        NdArray nd;
        if (s.values() != null) {
            nd = inline(s.values(), ptr + "/values");
        } else if (s.file() != null) {
            nd = file(s.file(), ptr + "/file");
        } else if (s.expr() != null) {
            // made from the arrays above it, each already rounded to its type, as numpy
            // computes a host script's float32 arrays one statement at a time
            try {
                nd = ArrayExpr.eval(s.expr(), environment(ctx.params()));
            } catch (IllegalArgumentException e) {
                throw new CslError(ctx.at(ptr + "/expr"), e.getMessage());
            }
        } else {
            if (shape == null) {
                throw new CslError(ctx.at(ptr), "a generated array needs a \"shape\"");
            }
            int size = NdArray.size(shape);
            if (total + size > MAX_TOTAL_ELEMENTS) {
                // refused before the values are made, not after
                throw new CslError(ctx.at(ptr + "/shape"), "host arrays together would hold more than "
                        + MAX_TOTAL_ELEMENTS + " elements");
            }
            nd = generate(s, size, ptr);
        }
        if (shape != null) {
            nd = nd.reshape(shape);
        }
        return new Typed(type, round(nd, type));
    }

    ElementType type(String name, String ptr) {
        if (name == null) {
            return ElementType.F32;
        }
        return switch (name) {
            case "f32" -> ElementType.F32;
            case "f16" -> ElementType.F16;
            case "i32" -> ElementType.I32;
            case "u32" -> ElementType.U32;
            case "i16" -> ElementType.I16;
            case "u16" -> ElementType.U16;
            default -> throw new CslError(ctx.at(ptr), "type \"" + name + "\" is not one of f32, f16, i32, u32, i16, u16");
        };
    }

    NdArray inline(JsonNode n, String ptr) {
        if (n.isNumber()) {
            return new NdArray(new int[] {1}, new double[] {n.asDouble()});
        }
        if (!n.isArray()) {
            throw new CslError(ctx.at(ptr), "values must be a list of numbers (nested lists for 2-D)");
        }
        if (n.size() > 0 && n.get(0).isArray()) {
            int rows = n.size();
            int cols = n.get(0).size();
            double[] out = new double[NdArray.size(new int[] {rows, cols})];
            for (int r = 0; r < rows; r++) {
                JsonNode row = n.get(r);
                if (!row.isArray() || row.size() != cols) {
                    throw new CslError(ctx.at(ptr + "/" + r), "every row must have " + cols + " numbers");
                }
                for (int c = 0; c < cols; c++) {
                    out[r * cols + c] = number(row.get(c), ptr + "/" + r + "/" + c);
                }
            }
            return new NdArray(new int[] {rows, cols}, out);
        }
        double[] out = new double[NdArray.size(new int[] {n.size()})];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(n.get(i), ptr + "/" + i);
        }
        return new NdArray(new int[] {out.length}, out);
    }

    private double number(JsonNode v, String ptr) {
        if (!v.isNumber()) {
            throw new CslError(ctx.at(ptr), "expected a number");
        }
        return v.asDouble();
    }

    NdArray file(String name, String ptr) {
        byte[] bytes;
        try {
            bytes = ctx.source().read(name, ProgramSource.MAX_FILE_BYTES);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CslError(ctx.at(ptr), "no file \"" + name + "\" in the program folder");
        } catch (IOException e) {
            throw new CslError(ctx.at(ptr), e.getMessage());
        }
        try {
            return ArrayFiles.read(name, bytes);
        } catch (IllegalArgumentException e) {
            throw new CslError(ctx.at(ptr), name + ": " + e.getMessage());
        }
    }

    private static NdArray generate(RunSpec.ArraySpec s, int n, String ptr) {
        double[] out = new double[n];
        if (s.fill() != null) {
            java.util.Arrays.fill(out, s.fill());
        } else if (s.arange() != null) {
            double start = s.arange().start() == null ? 0 : s.arange().start();
            double step = s.arange().step() == null ? 1 : s.arange().step();
            for (int i = 0; i < n; i++) {
                out[i] = start + i * step;
            }
        } else {
            RunSpec.Uniform u = s.uniform();
            double lo = u.min() == null ? 0 : u.min();
            double hi = u.max() == null ? 1 : u.max();
            if (!(hi >= lo)) {
                throw new IllegalArgumentException("uniform needs min <= max");
            }
            SplittableRandom r = new SplittableRandom(u.seed() == null ? 1 : u.seed());
            for (int i = 0; i < n; i++) {
                out[i] = lo + (hi - lo) * r.nextDouble();
            }
        }
        return new NdArray(new int[] {n}, out);
    }

    /** The values as the device will hold them. */
    static NdArray round(NdArray nd, ElementType t) {
        double[] out = new double[nd.data().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = valueOf(bitsOf(nd.data()[i], t), t);
        }
        return new NdArray(nd.shape(), out);
    }

    static int bitsOf(double v, ElementType t) {
        return switch (t) {
            case F32 -> Float.floatToRawIntBits((float) v);
            case F16 -> Float.floatToRawIntBits(Half.round((float) v));
            case U32 -> (int) (long) Math.rint(v);
            default -> t.normalize((int) Math.rint(v));
        };
    }

    static double valueOf(int bits, ElementType t) {
        if (t.isFloat) {
            return Float.intBitsToFloat(bits);
        }
        return t.signed ? bits : (double) (bits & 0xFFFF_FFFFL);
    }

    static HostArray toHost(String name, ElementType t, NdArray nd) {
        int[] bits = new int[nd.data().length];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = bitsOf(nd.data()[i], t);
        }
        int[] shape = nd.shape().length == 0 ? new int[] {1} : nd.shape();
        return new HostArray(name, t, shape, bits);
    }

    /**
     * The arrays made so far with their dtypes, and the layout params as Python numbers where
     * no array has their name (run.py reads them from out.json as ints): what an expression sees.
     */
    Map<String, ArrayExpr.Typed> environment(Map<String, String> params) {
        Map<String, ArrayExpr.Typed> env = new java.util.HashMap<>();
        values.forEach((name, nd) -> env.put(name, new ArrayExpr.Typed(nd, NumpyType.of(arrays.get(name).type()))));
        for (Map.Entry<String, String> p : params.entrySet()) {
            try {
                double v = Double.parseDouble(p.getValue());
                NumpyType t = v == Math.rint(v) ? NumpyType.WEAK_INT : NumpyType.WEAK_FLOAT;
                env.putIfAbsent(p.getKey(), new ArrayExpr.Typed(new NdArray(new int[0], new double[] {v}), t));
            } catch (NumberFormatException e) {
                // a bool param is no number; leave it out
            }
        }
        return env;
    }

    static List<String> names(Map<String, ?> m) {
        return List.copyOf(m.keySet());
    }
}
