package org.waferscope.views.heatmap;

import java.util.Locale;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.engine.api.RouteCode;
import org.waferscope.engine.api.TaskStateCode;
import org.waferscope.engine.arch.Direction;

/** Words for one PE's value in a layer, as the hover label and exports show it. */
public final class ValueText {
    private ValueText() {
    }

    public static String describe(MetricLayer layer, int routeColor, float value) {
        return switch (layer) {
            case TASK_STATE -> taskState((int) value);
            case ROUTE -> route(routeColor, (int) value);
            default -> number(value) + (layer.unit.isEmpty() ? "" : " " + layer.unit);
        };
    }

    /** "mean(T) = 0.53 f32", or why there is no value at this PE. */
    public static String value(org.waferscope.engine.api.Frame f, int x, int y) {
        org.waferscope.engine.api.ValueSample s = f.value();
        if (s == null) {
            return "no variable chosen";
        }
        if (!s.problem().isEmpty()) {
            return s.problem();
        }
        float v = f.value(x, y);
        String name = s.query().reduce() == org.waferscope.engine.api.ValueQuery.Reduce.ARRAY && s.length() > 1
                ? "mean(" + s.query().symbol() + ")" : s.query().reduce() == org.waferscope.engine.api.ValueQuery.Reduce.ARRAY
                ? s.query().symbol() : s.query().text();
        return Float.isNaN(v) ? "no " + s.query().symbol() + " here" : name + " = " + number(v) + " " + s.type().cslName();
    }

    static String taskState(int code) {
        TaskStateCode[] codes = TaskStateCode.values();
        return code >= 0 && code < codes.length ? codes[code].label : "unknown state " + code;
    }

    static String route(int color, int code) {
        if (!RouteCode.configured(code)) {
            return "color " + color + " not routed";
        }
        return "color " + color + ": rx " + Direction.maskToString(RouteCode.rx(code)) + " → tx "
                + Direction.maskToString(RouteCode.tx(code)) + ", switch position " + RouteCode.position(code);
    }

    /** A figure kept to tenths, as it reads: "9.2", "12.5", "1,234"; a whole one without ".0". */
    public static String tenths(double v) {
        double t = Math.round(v * 10) / 10.0;
        return t == Math.rint(t) ? number(t) : String.format(Locale.ROOT, "%,.1f", t);
    }

    /** A compact number: integers as integers, others with three significant digits. */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 0.01) {
            return String.format(Locale.ROOT, "%.3f", v);
        }
        return String.format(Locale.ROOT, "%.2e", v);
    }
}
