package org.waferscope.views.palette;

/**
 * A sequential palette as a 256-entry lookup table of opaque ARGB colours, interpolated
 * between anchor colours. The anchors of viridis and cividis are the published sample
 * points of those maps (Smith and van der Walt, 2015; Nuñez et al., 2018), both designed
 * so that lightness rises monotonically and hue stays distinguishable under common
 * colour-vision deficiencies. The high-contrast map runs black → blue → orange → yellow →
 * white through Okabe–Ito hues for projectors that wash colours out.
 */
public enum Palette {
    VIRIDIS("Viridis", 0x440154, 0x482878, 0x3E4989, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6ECE58,
            0xB5DE2B, 0xFDE725),
    CIVIDIS("Cividis", 0x00224E, 0x123570, 0x3B496C, 0x575D6D, 0x707173, 0x8A8678, 0xA59C74, 0xC3B369,
            0xE1CC55, 0xFEE838),
    HIGH_CONTRAST("High contrast", 0x000000, 0x0B2A6F, 0x0072B2, 0x7F6A7A, 0xE69F00, 0xF0E442, 0xFFFFFF);

    /** Entries in every lookup table. */
    public static final int SIZE = 256;

    public final String title;
    private final int[] lut;

    Palette(String title, int... anchors) {
        this.title = title;
        this.lut = interpolate(anchors);
    }

    /** A fresh copy of the lookup table: index 0 is the lowest value, 255 the highest. */
    public int[] lut() {
        return lut.clone();
    }

    /** The ARGB colour at fraction {@code t} of the scale (clamped to 0..1). */
    public int argb(double t) {
        double c = Math.max(0, Math.min(1, t));
        return lut[(int) Math.round(c * (SIZE - 1))];
    }

    /** Looks a palette up by enum name, falling back to viridis for unknown names. */
    public static Palette byName(String name) {
        for (Palette p : values()) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        return VIRIDIS;
    }

    static int[] interpolate(int[] anchors) {
        int[] out = new int[SIZE];
        int segments = anchors.length - 1;
        for (int i = 0; i < SIZE; i++) {
            double pos = i * (double) segments / (SIZE - 1);
            int s = Math.min((int) pos, segments - 1);
            double f = pos - s;
            out[i] = mix(anchors[s], anchors[s + 1], f);
        }
        return out;
    }

    static int mix(int a, int b, double f) {
        int r = channel(a >> 16, b >> 16, f);
        int g = channel(a >> 8, b >> 8, f);
        int bl = channel(a, b, f);
        return 0xFF000000 | (r << 16) | (g << 8) | bl;
    }

    private static int channel(int a, int b, double f) {
        int ca = a & 0xFF;
        int cb = b & 0xFF;
        return (int) Math.round(ca + (cb - ca) * f);
    }
}
