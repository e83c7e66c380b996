package org.waferscope.views.heatmap;

import org.waferscope.engine.api.ValueQuery;
import org.waferscope.engine.api.ValueSample;

/**
 * The value layer zoomed in: every PE of the sample's window as a small image of its whole
 * array ({@link TileShape}), all in one pixel buffer so the skin draws it with one image.
 * Colours go through the same lookup table and range as the layer, so a PE's tile and its
 * one-colour square read alike. No JavaFX here.
 */
public final class TileRaster {
    private int[] pixels = new int[0];
    private int width;
    private int height;
    private TileShape shape = new TileShape(1, 1);
    private ValueQuery.Window window;

    /** Renders the sample's window; returns false (and keeps nothing) when the sample has no tiles. */
    public boolean render(ValueSample s, int[] lut, float low, float high, int noValue) {
        return render(s, lut, low, high, noValue, false, false);
    }

    /**
     * As above; with {@code asRow} each PE's 1-D array is drawn as one row; with {@code halo}
     * the tile is an array inside a one-cell halo, whose four corners a 5-point stencil never
     * reads and its neighbours never fill: they hold whatever the array started with, and are
     * drawn as no value rather than as a cold (or hot) spot.
     */
    public boolean render(ValueSample s, int[] lut, float low, float high, int noValue, boolean asRow, boolean halo) {
        if (s == null || s.tiles() == null || s.length() == 0) {
            window = null;
            return false;
        }
        window = s.tiles();
        shape = TileShape.of(s.dims(), s.length(), asRow);
        width = window.width() * shape.columns();
        height = window.height() * shape.rows();
        if (pixels.length != width * height) {
            pixels = new int[width * height];
        }
        int top = lut.length - 1;
        float k = high > low ? top / (high - low) : 0;
        for (int py = 0; py < window.height(); py++) {
            for (int px = 0; px < window.width(); px++) {
                for (int r = 0; r < shape.rows(); r++) {
                    int row = (py * shape.rows() + r) * width + px * shape.columns();
                    for (int c = 0; c < shape.columns(); c++) {
                        int i = halo && shape.isCorner(c, r) ? -1 : shape.elementAt(c, r, s.length());
                        float v = i < 0 ? Float.NaN : s.element(window.x() + px, window.y() + py, i);
                        pixels[row + c] = Float.isNaN(v) ? noValue : lut[clamp((int) ((v - low) * k), top)];
                    }
                }
            }
        }
        return true;
    }

    private static int clamp(int idx, int top) {
        return idx < 0 ? 0 : idx > top ? top : idx;
    }

    public int[] pixels() {
        return pixels;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public TileShape shape() {
        return shape;
    }

    /** The PEs the last render covers, or null. */
    public ValueQuery.Window window() {
        return window;
    }
}
