package org.waferscope.views.palette;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PaletteTest {
    private static double luminance(int argb) {
        double r = ((argb >> 16) & 0xFF) / 255.0;
        double g = ((argb >> 8) & 0xFF) / 255.0;
        double b = (argb & 0xFF) / 255.0;
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }

    @Test
    void everyPaletteGetsLighterFromLowToHigh() {
        for (Palette p : Palette.values()) {
            int[] lut = p.lut();
            assertEquals(Palette.SIZE, lut.length);
            for (int i = 16; i < lut.length; i += 16) {
                assertTrue(luminance(lut[i]) > luminance(lut[i - 16]),
                        p + " must rise in lightness (readable without hue) at " + i);
            }
        }
    }

    @Test
    void endsAreThePublishedAnchors() {
        assertEquals(0xFF440154, Palette.VIRIDIS.lut()[0]);
        assertEquals(0xFFFDE725, Palette.VIRIDIS.lut()[255]);
        assertEquals(0xFF00224E, Palette.CIVIDIS.argb(0));
        assertEquals(0xFFFFFFFF, Palette.HIGH_CONTRAST.argb(1));
    }

    @Test
    void lookupByNameFallsBackToViridis() {
        assertEquals(Palette.CIVIDIS, Palette.byName("cividis"));
        assertEquals(Palette.VIRIDIS, Palette.byName("nonsense"));
    }

    @Test
    void fabricColorsAreOpaqueAndDistinctForNeighbours() {
        for (int c = 0; c < 23; c++) {
            assertEquals(0xFF, CategoricalColors.fabricColor(c) >>> 24);
            assertTrue(CategoricalColors.fabricColor(c) != CategoricalColors.fabricColor(c + 1));
        }
    }
}
