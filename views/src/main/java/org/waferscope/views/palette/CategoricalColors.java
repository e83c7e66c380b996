package org.waferscope.views.palette;

import java.util.List;
import org.waferscope.engine.api.RouteCode;
import org.waferscope.engine.api.TaskStateCode;
import org.waferscope.engine.arch.Direction;

/**
 * Fixed colours for the categorical layers, drawn from the Okabe–Ito set, which stays
 * distinguishable for the common forms of colour-vision deficiency. "Nothing here" is a
 * neutral grey that reads on both themes.
 */
public final class CategoricalColors {
    public static final int NOTHING = 0xFF3A3F47;
    static final int ORANGE = 0xFFE69F00;
    static final int SKY_BLUE = 0xFF56B4E9;
    static final int GREEN = 0xFF009E73;
    static final int BLUE = 0xFF0072B2;
    static final int VERMILLION = 0xFFD55E00;
    static final int PURPLE = 0xFFCC79A7;
    static final int GREY = 0xFF8C96A3;

    private static final int[] TASK_STATE = {NOTHING, GREY, GREEN, SKY_BLUE, ORANGE, BLUE, VERMILLION};

    /** A labelled colour for legends. */
    public record Swatch(String label, int argb) {
    }

    /** What a PE does with a color's wavelets, the categories of the route layer. */
    public enum RouteRole {
        NONE("not routed", NOTHING), SENDS("CE sends", ORANGE), RECEIVES("CE receives", SKY_BLUE),
        BOTH("sends and receives", PURPLE), FORWARDS("forwards only", GREEN);

        public final String label;
        public final int argb;

        RouteRole(String label, int argb) {
            this.label = label;
            this.argb = argb;
        }

        /** The role a packed {@link RouteCode} describes. */
        public static RouteRole of(int code) {
            if (!RouteCode.configured(code)) {
                return NONE;
            }
            int ramp = Direction.RAMP.bit();
            boolean sends = (RouteCode.rx(code) & ramp) != 0;
            boolean receives = (RouteCode.tx(code) & ramp) != 0;
            if (sends && receives) {
                return BOTH;
            }
            return sends ? SENDS : receives ? RECEIVES : FORWARDS;
        }
    }

    private CategoricalColors() {
    }

    public static int taskState(int code) {
        return code >= 0 && code < TASK_STATE.length ? TASK_STATE[code] : NOTHING;
    }

    public static int route(int code) {
        return RouteRole.of(code).argb;
    }

    public static List<Swatch> taskStateSwatches() {
        return java.util.Arrays.stream(TaskStateCode.values())
                .map(c -> new Swatch(c.label, taskState(c.ordinal()))).toList();
    }

    public static List<Swatch> routeSwatches() {
        return java.util.Arrays.stream(RouteRole.values()).map(r -> new Swatch(r.label, r.argb)).toList();
    }

    /**
     * A distinct hue for each of the fabric's routable colors (wavelets in the detail view);
     * golden-angle steps keep neighbouring color ids far apart on the wheel.
     */
    public static int fabricColor(int color) {
        double hue = (color * 137.508) % 360.0;
        return hsb(hue, 0.65, 0.95);
    }

    /**
     * A hue for each task id in a PE's row of the timeline, kept between yellow-green and
     * violet (80° to 280°): the reds, oranges and pinks are the row's stall marks, and task 0
     * drawn red read as "waiting for input" while it ran. Golden-ratio steps spread the ids.
     */
    public static int taskColor(int task) {
        double step = (task * 0.6180339887) % 1.0;
        return hsb(80 + step * 200, 0.65, 0.95);
    }

    static int hsb(double hue, double sat, double bri) {
        double c = bri * sat;
        double hp = hue / 60.0;
        double x = c * (1 - Math.abs(hp % 2 - 1));
        double r = 0;
        double g = 0;
        double b = 0;
        switch ((int) hp) {
            case 0 -> { r = c; g = x; }
            case 1 -> { r = x; g = c; }
            case 2 -> { g = c; b = x; }
            case 3 -> { g = x; b = c; }
            case 4 -> { r = x; b = c; }
            default -> { r = c; b = x; }
        }
        double m = bri - c;
        return 0xFF000000 | (int) Math.round((r + m) * 255) << 16 | (int) Math.round((g + m) * 255) << 8
                | (int) Math.round((b + m) * 255);
    }
}
