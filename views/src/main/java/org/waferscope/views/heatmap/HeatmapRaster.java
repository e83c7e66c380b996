package org.waferscope.views.heatmap;

import org.waferscope.engine.api.Frame;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.views.palette.CategoricalColors;
import org.waferscope.views.palette.DivergingPalette;

/**
 * Turns a frame's per-PE values into ARGB pixels through a lookup table, into one buffer
 * that is reused from frame to frame (it is reallocated only when the fabric's size
 * changes). No JavaFX here, so it is tested and benchmarked without a window.
 */
public final class HeatmapRaster {
    /** Route codes use 13 bits (see RouteCode), so every code has a precomputed colour. */
    private static final int[] ROUTE_LUT = new int[1 << 13];

    static {
        for (int code = 0; code < ROUTE_LUT.length; code++) {
            ROUTE_LUT[code] = CategoricalColors.route(code);
        }
    }

    private int[] pixels = new int[0];
    private int width;
    private int height;
    private float low;
    private float high = 1;
    private boolean diverging;
    private boolean signed;
    private int[] lastLut;

    /**
     * When set, a measurement layer's values are differences (the comparison's B - A): they go
     * on the diverging palette, symmetric about zero so that white is "no difference", whatever
     * palette is chosen; a frame with nothing but zeros is all white.
     */
    public void setSigned(boolean signed) {
        this.signed = signed;
    }

    /**
     * Colours every PE of {@code frame}; continuous layers go through {@code lut} (256
     * entries, lowest first) between the frame's min and max.
     *
     * @return true when the buffer was reallocated for a new fabric size
     */
    public boolean render(Frame frame, int[] lut) {
        return render(frame, lut, false);
    }

    /**
     * As {@link #render(Frame, int[])}; with {@code fitToData} a continuous layer's scale
     * ends at the largest value present instead of the frame's max, so faint traffic on a
     * quiet fabric still shows. The range used is {@link #low()} to {@link #high()}.
     */
    public boolean render(Frame frame, int[] lut, boolean fitToData) {
        boolean resized = frame.width() != width || frame.height() != height;
        if (resized) {
            width = frame.width();
            height = frame.height();
            pixels = new int[width * height];
        }
        float[] v = frame.values();
        int n = Math.min(v.length, pixels.length);
        diverging = false;
        lastLut = lut;
        if (frame.layer() == MetricLayer.VALUE) {
            value(frame, v, n, lut);
        } else if (frame.layer() == MetricLayer.TASK_STATE) {
            for (int i = 0; i < n; i++) {
                pixels[i] = CategoricalColors.taskState((int) v[i]);
            }
        } else if (frame.layer() == MetricLayer.ROUTE) {
            for (int i = 0; i < n; i++) {
                pixels[i] = ROUTE_LUT[((int) v[i]) & (ROUTE_LUT.length - 1)];
            }
        } else if (signed) {
            low = frame.min();
            high = frame.max();
            symmetric();
            if (high > 0) {
                continuous(v, n, low, high, lastLut);
            } else {
                java.util.Arrays.fill(pixels, 0, n, lastLut[(lastLut.length - 1) / 2]);
            }
        } else {
            low = frame.min();
            high = fitToData ? dataMax(v, n, frame.min(), frame.max()) : frame.max();
            continuous(v, n, low, high, lut);
        }
        return resized;
    }

    /**
     * The program's values: PEs without the variable in the "nothing here" grey; a signed
     * range (some value below zero) on the diverging palette, symmetric about zero so that
     * white is zero; otherwise the sequential palette between the values' min and max. When
     * the frame carries whole arrays (only a whole-array query asks for them), the range also
     * spans their elements, so tiles and squares share one scale.
     */
    private void value(Frame frame, float[] v, int n, int[] lut) {
        low = frame.min();
        high = frame.max();
        org.waferscope.engine.api.ValueSample s = frame.value();
        if (s != null && s.tiles() != null) {
            low = Math.min(low, s.elementMin());
            high = Math.max(high, s.elementMax());
        }
        diverging = low < 0;
        if (diverging) {
            lut = symmetric();
        }
        int top = lut.length - 1;
        float k = high > low ? top / (high - low) : 0;
        for (int i = 0; i < n; i++) {
            float x = v[i];
            if (Float.isNaN(x)) {
                pixels[i] = CategoricalColors.NOTHING;
            } else {
                int idx = (int) ((x - low) * k);
                pixels[i] = lut[idx < 0 ? 0 : idx > top ? top : idx];
            }
        }
    }

    /** Makes the scale symmetric about zero on the diverging palette, whose middle (white) is zero; returns that palette. */
    private int[] symmetric() {
        float a = Math.max(Math.abs(low), Math.abs(high));
        low = -a;
        high = a;
        diverging = true;
        lastLut = DivergingPalette.lut();
        return lastLut;
    }

    /** Whether the last render used the diverging palette (a value layer with values below zero). */
    public boolean diverging() {
        return diverging;
    }

    /** The lookup table the last render used. */
    public int[] lut() {
        return lastLut;
    }

    /**
     * The largest value present, as the top of a fitted scale; the layer's own top when all
     * PEs show the same value (a one-PE program at 33 % must not look 100 % busy).
     */
    private static float dataMax(float[] v, int n, float min, float fallback) {
        float max = min;
        float least = Float.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, v[i]);
            least = Math.min(least, v[i]);
        }
        return max > min && least < max ? max : fallback;
    }

    /** The value at the bottom of the scale in the last continuous render. */
    public float low() {
        return low;
    }

    /** The value at the top of the scale in the last continuous render. */
    public float high() {
        return high;
    }

    private void continuous(float[] v, int n, float min, float max, int[] lut) {
        int top = lut.length - 1;
        float span = max - min;
        // A flat frame (all values equal) shows the bottom colour rather than dividing by zero.
        float k = span > 0 ? top / span : 0;
        for (int i = 0; i < n; i++) {
            int idx = (int) ((v[i] - min) * k);
            pixels[i] = lut[idx < 0 ? 0 : idx > top ? top : idx];
        }
    }

    /** The pixels, row-major, {@code width * height} long; owned by this raster. */
    public int[] pixels() {
        return pixels;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }
}
