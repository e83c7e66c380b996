package org.waferscope.views.controls;

import java.util.Locale;

/**
 * Maps a speed slider's position (0..1) to simulated cycles per second on a log scale, from
 * slow motion (one cycle a second, to watch single wavelets hop) to 10⁶ cycles/s; the far
 * right end means as fast as possible.
 */
public final class SpeedScale {
    /** Positions at or beyond this are "as fast as possible". */
    public static final double MAX_POSITION = 0.995;
    static final double DECADES = 6;

    private SpeedScale() {
    }

    public static double cyclesPerSecond(double position) {
        if (position >= MAX_POSITION) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.pow(10, Math.max(0, position) / MAX_POSITION * DECADES);
    }

    public static double position(double cyclesPerSecond) {
        if (Double.isInfinite(cyclesPerSecond)) {
            return 1;
        }
        return Math.max(0, Math.min(MAX_POSITION, Math.log10(Math.max(1, cyclesPerSecond)) / DECADES * MAX_POSITION));
    }

    public static String describe(double cyclesPerSecond) {
        if (Double.isInfinite(cyclesPerSecond)) {
            return "as fast as possible";
        }
        return rate(cyclesPerSecond) + " cycles/s";
    }

    /** A rate with an SI prefix: 950, 12.3 k, 4.56 M. */
    public static String rate(double v) {
        if (v >= 1e9) {
            return String.format(Locale.ROOT, "%.2f G", v / 1e9);
        }
        if (v >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M", v / 1e6);
        }
        if (v >= 1e3) {
            return String.format(Locale.ROOT, "%.1f k", v / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", v);
    }
}
