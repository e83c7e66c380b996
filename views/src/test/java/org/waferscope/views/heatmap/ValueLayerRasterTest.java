package org.waferscope.views.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.FabricStats;
import org.waferscope.engine.api.Frame;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.engine.api.SimState;
import org.waferscope.engine.api.ValueQuery;
import org.waferscope.engine.api.ValueSample;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.views.palette.CategoricalColors;
import org.waferscope.views.palette.DivergingPalette;
import org.waferscope.views.palette.Palette;

/** Each PE of the value layer shows the palette colour of its own value; PEs without the variable show "no value". */
class ValueLayerRasterTest {
    /** Smallest and largest of the values that are not NaN, as the engine reports them ({0, 0} for none). */
    static float[] range(float[] v) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float x : v) {
            if (!Float.isNaN(x)) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        return lo <= hi ? new float[] {lo, hi} : new float[] {0, 0};
    }

    static Frame valueFrame(int w, int h, float[] v, ValueSample s) {
        float[] r = range(v);
        return new Frame(1, 0, SimState.PAUSED, w, h, MetricLayer.VALUE, 0, v, r[0], r[1], null, FabricStats.NONE,
                List.of(), "", null, s);
    }

    static ValueSample sample(ValueQuery q, int length, ValueQuery.Window w, float[] elements) {
        float[] r = range(elements);
        return new ValueSample(q, ElementType.F32, length, new int[] {length}, 4, w, elements, r[0], r[1], "");
    }

    /** The colour a value gets on a linear scale from lo to hi through lut, as the raster computes it. */
    static int expected(int[] lut, float v, float lo, float hi) {
        int idx = (int) ((v - lo) * ((lut.length - 1) / (hi - lo)));
        return lut[Math.max(0, Math.min(lut.length - 1, idx))];
    }

    @Test
    void everyPeShowsThePaletteColourOfItsValue() {
        float[] v = {2, 5, Float.NaN, 11, 7, 3};
        int[] lut = Palette.VIRIDIS.lut();
        HeatmapRaster r = new HeatmapRaster();
        r.render(valueFrame(3, 2, v, sample(ValueQuery.parse("n"), 1, null, new float[0])), lut);
        assertFalse(r.diverging());
        for (int i = 0; i < v.length; i++) {
            int want = Float.isNaN(v[i]) ? CategoricalColors.NOTHING : expected(lut, v[i], 2, 11);
            assertEquals(want, r.pixels()[i], "PE " + i);
        }
        assertEquals(lut[0], r.pixels()[0]);
        assertEquals(lut[255], r.pixels()[3]);
    }

    @Test
    void signedValuesUseTheDivergingPaletteWithZeroInTheMiddle() {
        float[] v = {-4, 0, 2, 4};
        HeatmapRaster r = new HeatmapRaster();
        r.render(valueFrame(4, 1, v, sample(ValueQuery.parse("d"), 1, null, new float[0])), Palette.VIRIDIS.lut());
        assertTrue(r.diverging());
        assertEquals(-4, r.low());
        assertEquals(4, r.high());
        int[] lut = DivergingPalette.lut();
        for (int i = 0; i < v.length; i++) {
            assertEquals(expected(lut, v[i], -4, 4), r.pixels()[i]);
        }
        assertEquals(lut[0], r.pixels()[0], "the most negative is the deepest blue");
        assertEquals(lut[127], r.pixels()[1], "zero is the middle, near white");
    }

    @Test
    void tilesShowEachElementOnTheLayersScale() {
        // 2x1 PEs zoomed in, each with a 4-element array laid out 2x2
        float[] elements = {0, 1, 2, 3, 4, 5, 6, Float.NaN};
        ValueQuery.Window w = new ValueQuery.Window(0, 0, 2, 1);
        ValueSample s = sample(ValueQuery.of("T"), 4, w, elements);
        float[] means = {1.5f, 5};
        int[] lut = Palette.VIRIDIS.lut();
        HeatmapRaster r = new HeatmapRaster();
        r.render(valueFrame(2, 1, means, s), lut);
        assertEquals(0, r.low(), "the range spans the elements too");
        assertEquals(6, r.high());
        TileRaster t = new TileRaster();
        assertTrue(t.render(s, lut, r.low(), r.high(), CategoricalColors.NOTHING));
        assertEquals(new TileShape(2, 2), t.shape());
        assertEquals(4, t.width());
        assertEquals(2, t.height());
        // PE (1,0) element 2 sits at tile column 0, row 1: pixel (2, 1)
        assertEquals(expected(lut, 6, 0, 6), t.pixels()[1 * 4 + 2]);
        assertEquals(expected(lut, 1, 0, 6), t.pixels()[1]);
        assertEquals(CategoricalColors.NOTHING, t.pixels()[1 * 4 + 3], "a missing element shows no value");
    }

    @Test
    void aHaloedTilesCornersAreNoValueNotTheColdTheyHold() {
        // heat-diffusion's T at tile=1: a 3x3 array, the cell in the middle, its halo around it
        float[] elements = {0, 7, 0, 7, 9, 7, 0, 7, 0};
        ValueQuery.Window w = new ValueQuery.Window(0, 0, 1, 1);
        ValueSample s = sample(ValueQuery.of("T"), 9, w, elements);
        int[] lut = Palette.VIRIDIS.lut();
        TileRaster plain = new TileRaster();
        assertTrue(plain.render(s, lut, 0, 9, CategoricalColors.NOTHING));
        assertEquals(lut[0], plain.pixels()[0], "without the halo a corner is the coldest colour");
        TileRaster halo = new TileRaster();
        assertTrue(halo.render(s, lut, 0, 9, CategoricalColors.NOTHING, false, true));
        for (int corner : new int[] {0, 2, 6, 8}) {
            assertEquals(CategoricalColors.NOTHING, halo.pixels()[corner], "corner " + corner + " shows no value");
        }
        assertEquals(expected(lut, 7, 0, 9), halo.pixels()[1], "the halo's edges are the neighbours' values");
        assertEquals(expected(lut, 9, 0, 9), halo.pixels()[4], "and the tile is itself");
    }

    @Test
    void tileShapeFollowsTheDeclaredShapeOrTheSquare() {
        assertEquals(new TileShape(6, 6), TileShape.of(new int[] {36}, 36));
        assertEquals(new TileShape(8, 4), TileShape.of(new int[] {4, 8}, 32));
        assertEquals(new TileShape(4, 2), TileShape.of(new int[] {8}, 8));
        assertEquals(new TileShape(3, 2), TileShape.of(new int[] {5}, 5), "a prime: rows of 3, the last one short");
        assertEquals(new TileShape(4, 4), TileShape.of(new int[] {16}, 16));
        assertEquals(new TileShape(1, 1), TileShape.of(new int[0], 1));
        assertEquals(new TileShape(16, 1), TileShape.of(new int[] {16}, 16, true), "a row of an image, as a row");
        assertEquals(new TileShape(8, 4), TileShape.of(new int[] {4, 8}, 32, true), "2-D arrays keep their shape");
    }
}
