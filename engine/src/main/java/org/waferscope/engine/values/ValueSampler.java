package org.waferscope.engine.values;

import java.util.Arrays;
import org.waferscope.engine.api.ValueQuery;
import org.waferscope.engine.api.ValueQuery.Reduce;
import org.waferscope.engine.api.ValueSample;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.fabric.Fabric;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.ir.Symbol;

/**
 * Reads one program variable from every PE's SRAM for the value layer: one number per PE
 * (an element, or a reduction of the array; NaN where the PE has no such variable), and
 * whole arrays only for the window of PEs zoomed in far enough to draw them. A scalar or
 * an element costs one read per PE, so a full wafer is cheap at frame rate; a reduction
 * reads each array once.
 *
 * <p>Threads: the simulation thread only, between cycles.
 */
public final class ValueSampler {
    /** Whole arrays carried per frame at most (floats); a larger window gets none. */
    public static final int MAX_TILE_ELEMENTS = 1 << 22;

    /** The layer: per-PE values, their range, and what was read. */
    public record Result(float[] values, float min, float max, ValueSample sample) {
    }

    private final Fabric f;

    public ValueSampler(Fabric fabric) {
        this.f = fabric;
    }

    /** Reads {@code q} (null: no variable chosen yet, every PE "no value"). */
    public Result sample(ValueQuery q) {
        float[] values = new float[f.n];
        Arrays.fill(values, Float.NaN);
        if (q == null) {
            return new Result(values, 0, 1, null);
        }
        Symbol[] byProgram = new Symbol[f.programCount()];
        Symbol firstFound = null;
        int longest = 0;
        for (int p = 0; p < byProgram.length; p++) {
            PeProgram prog = f.program(p);
            byProgram[p] = prog.symbol(q.symbol()).orElse(null);
            if (byProgram[p] != null) {
                firstFound = firstFound == null ? byProgram[p] : firstFound;
                longest = Math.max(longest, byProgram[p].length());
            }
        }
        if (firstFound == null) {
            return new Result(values, 0, 1, ValueSample.missing(q, "no PE has a variable " + q.symbol()));
        }
        if (q.reduce() == Reduce.ELEMENT && q.index() >= longest) {
            return new Result(values, 0, 1, ValueSample.missing(q, q.text() + " is out of range: " + q.symbol()
                    + " has " + longest + " element(s)"));
        }
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        int pes = 0;
        for (int pe = 0; pe < f.n; pe++) {
            int pi = f.programIndexOf(pe);
            Symbol s = pi < 0 ? null : byProgram[pi];
            if (s == null) {
                continue;
            }
            pes++;
            float v = reduce(f.sramOf(pe), s, q);
            values[pe] = v;
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
        }
        if (!(min <= max)) {
            min = 0;
            max = 0;
        }
        return new Result(values, min, max, tiles(q, byProgram, firstFound, longest, pes, min, max));
    }

    /** One number for a PE; NaN for an element past this PE's shorter array. */
    private static float reduce(byte[] m, Symbol s, ValueQuery q) {
        ElementType t = s.type();
        int w = t.bytes;
        int a = s.address();
        int n = s.length();
        return switch (q.reduce()) {
            case ELEMENT -> q.index() < n ? SramReader.read(m, a + q.index() * w, t) : Float.NaN;
            case SUM, MEAN, ARRAY -> {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += SramReader.read(m, a + i * w, t);
                }
                yield (float) (q.reduce() == Reduce.SUM ? sum : sum / n);
            }
            case MIN, MAX -> {
                float best = SramReader.read(m, a, t);
                for (int i = 1; i < n; i++) {
                    float v = SramReader.read(m, a + i * w, t);
                    best = q.reduce() == Reduce.MIN ? Math.min(best, v) : Math.max(best, v);
                }
                yield best;
            }
        };
    }

    /**
     * The sample, with the whole arrays of the PEs in the query's window when it has one. Their
     * range is their elements' own; with one element chosen it is that element's range over the
     * PEs ({@code min} to {@code max}), so that its differences from PE to PE (8, 10, 12, 14 among
     * values up to 76) still show.
     */
    private ValueSample tiles(ValueQuery q, Symbol[] byProgram, Symbol first, int length, int pes, float min, float max) {
        ValueQuery.Window w = clip(q.tiles());
        float[] elements = new float[0];
        float lo = 0;
        float hi = 0;
        if (w != null && (long) w.pes() * length <= MAX_TILE_ELEMENTS) {
            elements = new float[w.pes() * length];
            Arrays.fill(elements, Float.NaN);
            lo = Float.POSITIVE_INFINITY;
            hi = Float.NEGATIVE_INFINITY;
            for (int y = 0; y < w.height(); y++) {
                for (int x = 0; x < w.width(); x++) {
                    int pe = f.pe(w.x() + x, w.y() + y);
                    int pi = f.programIndexOf(pe);
                    Symbol s = pi < 0 ? null : byProgram[pi];
                    if (s == null) {
                        continue;
                    }
                    byte[] m = f.sramOf(pe);
                    int base = (y * w.width() + x) * length;
                    for (int i = 0; i < s.length(); i++) {
                        float v = SramReader.read(m, s.address() + i * s.type().bytes, s.type());
                        elements[base + i] = v;
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
            if (!(lo <= hi)) {
                lo = 0;
                hi = 0;
            }
            if (q.reduce() == Reduce.ELEMENT) {
                lo = min;
                hi = max;
            }
        } else {
            w = null;
        }
        return new ValueSample(q, first.type(), length, first.dims().clone(), pes, w, elements, lo, hi, "");
    }

    private ValueQuery.Window clip(ValueQuery.Window w) {
        if (w == null) {
            return null;
        }
        int x0 = Math.max(0, w.x());
        int y0 = Math.max(0, w.y());
        int x1 = Math.min(f.width, w.x() + w.width());
        int y1 = Math.min(f.height, w.y() + w.height());
        return x1 > x0 && y1 > y0 ? new ValueQuery.Window(x0, y0, x1 - x0, y1 - y0) : null;
    }
}
