package org.waferscope.views.palette;

/**
 * The palette for signed values: blue below zero, near-white at zero, red above, as a
 * 256-entry lookup table whose middle entry is zero. The anchors are the published nine
 * classes of ColorBrewer's RdBu scheme (Harrower and Brewer, 2003), marked there as safe
 * for colour-blind readers; sequential palettes would hide the sign.
 */
public final class DivergingPalette {
    private static final int[] LUT = Palette.interpolate(new int[] {0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0,
        0xF7F7F7, 0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B});

    private DivergingPalette() {
    }

    /** A fresh copy of the table: index 0 is the most negative value, 255 the most positive. */
    public static int[] lut() {
        return LUT.clone();
    }
}
