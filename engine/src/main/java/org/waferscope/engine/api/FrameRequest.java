package org.waferscope.engine.api;

/**
 * What the views want in the next frames: one layer (and for {@link MetricLayer#ROUTE} the
 * color), and the selected PE whose activity the timeline follows (-1 for none).
 */
public record FrameRequest(MetricLayer layer, int routeColor, int selectedX, int selectedY) {
    public static final FrameRequest DEFAULT = new FrameRequest(MetricLayer.UTILIZATION, 0, -1, -1);

    public FrameRequest withLayer(MetricLayer l) {
        return new FrameRequest(l, routeColor, selectedX, selectedY);
    }

    public FrameRequest withRouteColor(int c) {
        return new FrameRequest(layer, c, selectedX, selectedY);
    }

    public FrameRequest withSelection(int x, int y) {
        return new FrameRequest(layer, routeColor, x, y);
    }
}
