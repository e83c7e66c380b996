package org.waferscope.views.heatmap;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import org.waferscope.engine.api.Frame;

/**
 * Draws the heatmap into one canvas: the shared one-pixel-per-PE image scaled to the
 * viewport (nearest neighbour when zoomed in, so PEs stay crisp squares), then, by level
 * of detail, PE grid lines and the per-PE detail overlay, and last the selection and hover
 * outlines. Only {@link #paint()} draws; layout just sizes the canvas.
 */
final class HeatmapSkin extends SkinBase<HeatmapView> {
    static final double GRID_SCALE = HeatmapView.GRID_SCALE;
    static final double DETAIL_SCALE = HeatmapView.DETAIL_SCALE;
    static final double TILE_SCALE = HeatmapView.TILE_SCALE;

    private final Canvas canvas = new Canvas();
    private final Label hoverLabel = new Label();
    /** Where the pointer last was over the view, for the element under it when a new frame comes. */
    private double hoverX;
    private double hoverY;
    private final DetailPainter detail = new DetailPainter();
    private boolean sized;

    HeatmapSkin(HeatmapView view) {
        super(view);
        hoverLabel.getStyleClass().add("heatmap-hover");
        hoverLabel.setManaged(false);
        hoverLabel.setMouseTransparent(true);
        hoverLabel.setVisible(false);
        // The canvas follows the control's size, never the other way round: unmanaged, and
        // the control's preferred size is a constant, so layout cannot feed back into it.
        canvas.setManaged(false);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(view.widthProperty());
        clip.heightProperty().bind(view.heightProperty());
        view.setClip(clip);
        getChildren().addAll(canvas, hoverLabel);
        new HeatmapInput(view, this).install();
        view.frameProperty().addListener((o, old, f) -> onFrame(f));
        if (view.getFrame() != null) {
            onFrame(view.getFrame());   // a frame given before the skin existed is fitted too
        }
    }

    private void onFrame(Frame f) {
        HeatmapView view = getSkinnable();
        if (!view.getViewport().sameFabric(f.width(), f.height())) {
            view.setViewport(Viewport.fit(f.width(), f.height(), canvas.getWidth(), canvas.getHeight()));
        }
        PeLocation pe = view.getHovered();
        if (pe != null && pe.x() < f.width() && pe.y() < f.height()) {
            // the element under a still pointer too: a run's frames dropped "counts[5] = 12", left the PE's mean
            hoverLabel.setText(hoverText(f, pe) + elementText(view, pe, hoverX, hoverY));
            hoverLabel.resize(hoverLabel.prefWidth(-1), hoverLabel.prefHeight(-1));
        }
    }

    @Override
    protected double computePrefWidth(double h, double top, double right, double bottom, double left) {
        return 400;
    }

    @Override
    protected double computePrefHeight(double w, double top, double right, double bottom, double left) {
        return 300;
    }

    @Override
    protected double computeMinWidth(double h, double top, double right, double bottom, double left) {
        return 50;
    }

    @Override
    protected double computeMinHeight(double w, double top, double right, double bottom, double left) {
        return 50;
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            HeatmapView view = getSkinnable();
            Viewport v = view.getViewport();
            // A view that showed the whole fabric keeps showing all of it; a zoomed one keeps its centre.
            boolean refit = !sized || v.showsAll();
            view.setViewport(refit ? Viewport.fit(v.fabricWidth(), v.fabricHeight(), w, h) : v.resize(w, h));
            sized = w > 1 && h > 1;
            view.markDirty();
        }
        canvas.relocate(x, y);
        hoverLabel.resize(hoverLabel.prefWidth(-1), hoverLabel.prefHeight(-1));
    }

    /** Shows the hover label near view point (vx, vy) for PE {@code pe}, or hides it. */
    void showHover(PeLocation pe, double vx, double vy) {
        HeatmapView view = getSkinnable();
        view.setHovered(pe);
        if (pe == null) {
            hoverLabel.setVisible(false);
            return;
        }
        hoverX = vx;
        hoverY = vy;
        hoverLabel.setText(hoverText(view.getFrame(), pe) + elementText(view, pe, vx, vy));
        double w = hoverLabel.prefWidth(-1);
        double h = hoverLabel.prefHeight(-1);
        hoverLabel.resize(w, h);
        double lx = vx + 16 + w > canvas.getWidth() ? vx - 12 - w : vx + 16;
        double ly = vy + 16 + h > canvas.getHeight() ? vy - 12 - h : vy + 16;
        hoverLabel.relocate(Math.max(0, lx), Math.max(0, ly));
        hoverLabel.setVisible(true);
    }

    /** Zoomed in on the value layer's tiles: the element under the pointer, "   T[13] = 41.2". */
    private static String elementText(HeatmapView view, PeLocation pe, double vx, double vy) {
        org.waferscope.engine.api.ValueSample s = view.getFrame().value();
        Viewport v = view.getViewport();
        if (s == null || s.tiles() == null || view.tileImage() == null || v.scale() < TILE_SCALE || s.length() == 1) {
            // a one-element array's element is the PE's value, said already ("cell = 1 u16", not "   cell[0] = 1" again)
            return "";
        }
        TileShape shape = view.tileRaster().shape();
        int c = (int) ((v.toFabricX(vx) - pe.x()) * shape.columns());
        int r = (int) ((v.toFabricY(vy) - pe.y()) * shape.rows());
        c = Math.max(0, Math.min(shape.columns() - 1, c));
        r = Math.max(0, Math.min(shape.rows() - 1, r));
        int i = shape.elementAt(c, r, s.length());
        if (i >= 0 && view.tilesHaloProperty().get() && shape.isCorner(c, r)) {
            return "   " + s.query().symbol() + "[" + i + "]: a halo corner, no data of the program";
        }
        float e = i < 0 ? Float.NaN : s.element(pe.x(), pe.y(), i);
        return Float.isNaN(e) ? "" : "   " + s.query().symbol() + "[" + i + "] = " + ValueText.number(e);
    }

    static String hoverText(Frame f, PeLocation pe) {
        if (f.layer() == org.waferscope.engine.api.MetricLayer.VALUE) {
            return "PE " + pe + "   " + ValueText.value(f, pe.x(), pe.y());
        }
        return "PE " + pe + "   " + ValueText.describe(f.layer(), f.routeColor(), f.value(pe.x(), pe.y()));
    }

    void paint() {
        HeatmapView view = getSkinnable();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        Image img = view.fabricImage();
        Viewport v = view.getViewport();
        if (img == null || view.getFrame().state() == org.waferscope.engine.api.SimState.EMPTY
                || !v.sameFabric((int) img.getWidth(), (int) img.getHeight())) {
            return;
        }
        int x0 = v.firstColumn();
        int x1 = v.endColumn();
        int y0 = v.firstRow();
        int y1 = v.endRow();
        if (x1 <= x0 || y1 <= y0) {
            return;
        }
        double s = v.scale();
        // Below one pixel per PE, smoothing blends neighbours instead of dropping whole rows.
        g.setImageSmoothing(s < 1);
        g.drawImage(img, x0, y0, x1 - x0, y1 - y0, v.toViewX(x0), v.toViewY(y0), (x1 - x0) * s, (y1 - y0) * s);
        tiles(g, view, v);
        if (s >= GRID_SCALE) {
            grid(g, v, x0, x1, y0, y1);
        }
        // The value layer is the program's data: ports and queues drawn over it would hide the tiles.
        if (s >= DETAIL_SCALE && view.getFrame().layer() != org.waferscope.engine.api.MetricLayer.VALUE) {
            detail.paint(g, v, view.getFrame(), view.getDetails(), view::argbAt, view.textScaleProperty().get());
        } else if (s >= DETAIL_SCALE) {
            // ... but the first lesson promises squares "labelled with their x,y": the labels stay
            detail.labels(g, v, view::argbAt, view.textScaleProperty().get());
        }
        g.setStroke(Color.gray(0.5, 0.8));
        g.setLineWidth(1);
        g.strokeRect(v.toViewX(0) - 0.5, v.toViewY(0) - 0.5, v.fabricWidth() * s + 1, v.fabricHeight() * s + 1);
        outline(g, v, view.getHovered(), Color.gray(1, 0.7), 1.5);
        outline(g, v, view.getSelected(), Color.web("#ff4f9a"), 2.5);
    }

    /** The value layer's whole arrays over their PEs, once each PE is large enough to show them. */
    private static void tiles(GraphicsContext g, HeatmapView view, Viewport v) {
        Image tiles = view.tileImage();
        org.waferscope.engine.api.ValueQuery.Window w = view.tileRaster().window();
        if (tiles == null || w == null || v.scale() < TILE_SCALE) {
            return;
        }
        g.setImageSmoothing(false);
        double s = v.scale();
        g.drawImage(tiles, v.toViewX(w.x()), v.toViewY(w.y()), w.width() * s, w.height() * s);
    }

    private static void grid(GraphicsContext g, Viewport v, int x0, int x1, int y0, int y1) {
        g.setStroke(Color.gray(0, 0.35));
        g.setLineWidth(1);
        double top = v.toViewY(y0);
        double bottom = v.toViewY(y1);
        double left = v.toViewX(x0);
        double right = v.toViewX(x1);
        for (int x = x0; x <= x1; x++) {
            double px = Math.round(v.toViewX(x)) + 0.5;
            g.strokeLine(px, top, px, bottom);
        }
        for (int y = y0; y <= y1; y++) {
            double py = Math.round(v.toViewY(y)) + 0.5;
            g.strokeLine(left, py, right, py);
        }
    }

    private static void outline(GraphicsContext g, Viewport v, PeLocation pe, Color c, double width) {
        if (pe == null || pe.x() >= v.fabricWidth() || pe.y() >= v.fabricHeight()) {
            return;
        }
        double s = Math.max(v.scale(), 4);
        double cx = v.toViewX(pe.x() + 0.5);
        double cy = v.toViewY(pe.y() + 0.5);
        g.setStroke(c);
        g.setLineWidth(width);
        g.strokeRect(cx - s / 2 - width / 2, cy - s / 2 - width / 2, s + width, s + width);
    }
}
