package org.waferscope.engine.api;

/**
 * What the views want in the next frames: one layer (and for {@link MetricLayer#ROUTE} the
 * color, for {@link MetricLayer#VALUE} the variable), the selected PE whose activity the
 * timeline follows (-1 for none), and whether rate layers (utilization, traffic,
 * back-pressure) are measured over the whole run since cycle 0 rather than over the time
 * since the previous frame.
 */
public record FrameRequest(MetricLayer layer, int routeColor, int selectedX, int selectedY, boolean wholeRun,
                           ValueQuery value) {
    public static final FrameRequest DEFAULT = new FrameRequest(MetricLayer.UTILIZATION, 0, -1, -1, false);

    /** What the explorer shows first for a program whose run.json watches {@code watch} (empty: the default layer). */
    public static FrameRequest watching(String watch) {
        if (watch == null || watch.isEmpty()) {
            return DEFAULT;
        }
        LayerChoice c = LayerChoice.parse(watch);
        return DEFAULT.withLayer(c.layer()).withValue(c.value());
    }

    public FrameRequest(MetricLayer layer, int routeColor, int selectedX, int selectedY) {
        this(layer, routeColor, selectedX, selectedY, false);
    }

    public FrameRequest(MetricLayer layer, int routeColor, int selectedX, int selectedY, boolean wholeRun) {
        this(layer, routeColor, selectedX, selectedY, wholeRun, null);
    }

    public FrameRequest withLayer(MetricLayer l) {
        return new FrameRequest(l, routeColor, selectedX, selectedY, wholeRun, value);
    }

    public FrameRequest withRouteColor(int c) {
        return new FrameRequest(layer, c, selectedX, selectedY, wholeRun, value);
    }

    public FrameRequest withSelection(int x, int y) {
        return new FrameRequest(layer, routeColor, x, y, wholeRun, value);
    }

    public FrameRequest withWholeRun(boolean w) {
        return new FrameRequest(layer, routeColor, selectedX, selectedY, w, value);
    }

    /** The variable the value layer shows (null: none chosen yet). */
    public FrameRequest withValue(ValueQuery q) {
        return new FrameRequest(layer, routeColor, selectedX, selectedY, wholeRun, q);
    }
}
