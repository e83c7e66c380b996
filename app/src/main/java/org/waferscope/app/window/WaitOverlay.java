package org.waferscope.app.window;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.waferscope.engine.api.WaitLink;
import org.waferscope.views.heatmap.HeatmapView;
import org.waferscope.views.heatmap.Viewport;

/**
 * The waiting chain drawn over the fabric: a ring on each waiting PE and an arrow from it
 * to the PE it waits on; a dashed ring on each PE the host waits for. A transparent canvas on top of the heatmap that redraws when the
 * chain or the view changes. FX thread only.
 */
final class WaitOverlay extends Canvas {
    private static final Color INK = Color.web("#ff5a5f");
    private final HeatmapView heatmap;
    private final ObservableList<WaitLink> links;

    WaitOverlay(HeatmapView heatmap, ObservableList<WaitLink> links) {
        this.heatmap = heatmap;
        this.links = links;
        setId("wait-overlay");
        setMouseTransparent(true);
        widthProperty().bind(heatmap.widthProperty());
        heightProperty().bind(heatmap.heightProperty());
        links.addListener((ListChangeListener<WaitLink>) c -> draw());
        heatmap.viewportProperty().addListener((o, a, v) -> draw());
        widthProperty().addListener((o, a, w) -> draw());
        heightProperty().addListener((o, a, h) -> draw());
    }

    private void draw() {
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        Viewport v = heatmap.getViewport();
        if (v == null || links.isEmpty()) {
            return;
        }
        double s = v.scale();
        double r = Math.max(3, Math.min(s * 0.42, 40));
        g.setStroke(INK);
        g.setFill(INK);
        g.setLineWidth(Math.max(1.5, Math.min(4, s / 20)));
        for (WaitLink l : links) {
            if (l.byHost()) {
                // the host has no square: ring the PE it waits for, dashed
                g.setLineDashes(r / 3);
                g.strokeOval(v.toViewX(l.fromX() + 0.5) - r, v.toViewY(l.fromY() + 0.5) - r, 2 * r, 2 * r);
                g.setLineDashes(null);
                continue;
            }
            double x = v.toViewX(l.x() + 0.5);
            double y = v.toViewY(l.y() + 0.5);
            g.strokeOval(x - r, y - r, 2 * r, 2 * r);
            if (l.hasSource() && (l.fromX() != l.x() || l.fromY() != l.y())) {
                arrow(g, x, y, v.toViewX(l.fromX() + 0.5), v.toViewY(l.fromY() + 0.5), r);
            }
        }
    }

    /** From the waiting PE's ring to the provider's ring, head at the provider. */
    private static void arrow(GraphicsContext g, double x0, double y0, double x1, double y1, double r) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double len = Math.hypot(dx, dy);
        if (len < 2 * r) {
            return;
        }
        double ux = dx / len;
        double uy = dy / len;
        // waiting in both directions is common (a cycle): keep the two arrows apart
        double ox = -uy * r * 0.35;
        double oy = ux * r * 0.35;
        double ax = x0 + ux * r + ox;
        double ay = y0 + uy * r + oy;
        double bx = x1 - ux * r + ox;
        double by = y1 - uy * r + oy;
        g.strokeLine(ax, ay, bx, by);
        double h = Math.max(6, r * 0.45);
        g.fillPolygon(new double[] {bx, bx - ux * h - uy * h * 0.5, bx - ux * h + uy * h * 0.5},
                new double[] {by, by - uy * h + ux * h * 0.5, by - uy * h - ux * h * 0.5}, 3);
    }
}
