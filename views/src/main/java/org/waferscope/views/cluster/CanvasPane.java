package org.waferscope.views.cluster;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import org.waferscope.engine.api.ClusterFrame;
import org.waferscope.views.Paintable;

/**
 * A region drawn on one canvas from the model's frame and playhead: it marks itself dirty
 * when either or its size changes, and repaints only then, once per pulse.
 */
abstract class CanvasPane extends Region implements Paintable {
    final ClusterViewModel model;
    private final Canvas canvas = new Canvas();
    private boolean dirty = true;

    CanvasPane(ClusterViewModel model) {
        this.model = model;
        getChildren().add(canvas);
        model.frameProperty().addListener((o, a, b) -> dirty = true);
        model.playheadProperty().addListener((o, a, b) -> dirty = true);
        widthProperty().addListener((o, a, b) -> dirty = true);
        heightProperty().addListener((o, a, b) -> dirty = true);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
    }

    @Override
    public void paintIfDirty() {
        if (!dirty || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        dirty = false;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(javafx.scene.paint.Color.WHITE);
        g.fillRect(0, 0, getWidth(), getHeight());
        ClusterFrame f = model.frameProperty().get();
        if (f != null) {
            paint(g, f, getWidth(), getHeight());
        }
    }

    /** Draws the frame on a cleared canvas of the given size. */
    abstract void paint(GraphicsContext g, ClusterFrame f, double w, double h);
}
