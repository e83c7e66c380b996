package org.waferscope.engine.api;

/**
 * What the views want in the next frames: one layer (and for {@link MetricLayer#ROUTE} the
 * color), the selected PE whose activity the timeline follows (-1 for none), and whether
 * rate layers (utilization, traffic, back-pressure) are measured over the whole run since
 * cycle 0 rather than over the time since the previous frame.
 */
public record FrameRequest(MetricLayer layer, int routeColor, int selectedX, int selectedY, boolean wholeRun) {
    public static final FrameRequest DEFAULT = new FrameRequest(MetricLayer.UTILIZATION, 0, -1, -1, false);

    public FrameRequest(MetricLayer layer, int routeColor, int selectedX, int selectedY) {
        this(layer, routeColor, selectedX, selectedY, false);
    }

    public FrameRequest withLayer(MetricLayer l) {
        return new FrameRequest(l, routeColor, selectedX, selectedY, wholeRun);
    }

    public FrameRequest withRouteColor(int c) {
        return new FrameRequest(layer, c, selectedX, selectedY, wholeRun);
    }

    public FrameRequest withSelection(int x, int y) {
        return new FrameRequest(layer, routeColor, x, y, wholeRun);
    }

    public FrameRequest withWholeRun(boolean w) {
        return new FrameRequest(layer, routeColor, selectedX, selectedY, w);
    }
}
