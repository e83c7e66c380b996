package org.waferscope.app.session;

import org.waferscope.engine.api.MetricLayer;
import org.waferscope.engine.api.ValueQuery;
import org.waferscope.views.heatmap.HeatmapView;
import org.waferscope.views.heatmap.Viewport;
import org.waferscope.views.layers.LayerChooserModel;

/**
 * Asks the engine for whole arrays only where they can be seen: when the value layer is on
 * show and PEs are drawn large enough for their arrays ({@link HeatmapView#TILE_SCALE}), the
 * PEs in view become the request's tile window; otherwise there is none, and a frame
 * carries one number per PE. FX thread only.
 */
public final class ValueTileWindow {
    private final LayerChooserModel layers;
    private final HeatmapView heatmap;

    public ValueTileWindow(LayerChooserModel layers, HeatmapView heatmap) {
        this.layers = layers;
        this.heatmap = heatmap;
        heatmap.viewportProperty().addListener((o, a, v) -> update());
        layers.layerProperty().addListener((o, a, l) -> update());
        update();
    }

    private void update() {
        layers.valueTilesProperty().set(window(heatmap.getViewport(), layers.layerProperty().get()));
    }

    /** The PEs in view when they are large enough to show arrays, else null. */
    static ValueQuery.Window window(Viewport v, MetricLayer layer) {
        if (layer != MetricLayer.VALUE || v.scale() < HeatmapView.TILE_SCALE) {
            return null;
        }
        int x0 = v.firstColumn();
        int y0 = v.firstRow();
        int w = v.endColumn() - x0;
        int h = v.endRow() - y0;
        return w > 0 && h > 0 ? new ValueQuery.Window(x0, y0, w, h) : null;
    }
}
