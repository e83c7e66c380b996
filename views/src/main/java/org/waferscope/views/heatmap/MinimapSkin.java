package org.waferscope.views.heatmap;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.SkinBase;
import javafx.scene.image.Image;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;

/** Draws the fabric image shrunk to fit, and the main view's viewport over it. */
final class MinimapSkin extends SkinBase<MinimapView> {
    private static final double SIZE = 170;
    private final Canvas canvas = new Canvas(SIZE, SIZE);

    MinimapSkin(MinimapView view) {
        super(view);
        getChildren().add(canvas);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::moveTo);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::moveTo);
    }

    /** The fabric's box inside the canvas: {scale, left, top}. */
    private double[] box() {
        Viewport v = getSkinnable().source().getViewport();
        double s = Math.min(SIZE / v.fabricWidth(), SIZE / v.fabricHeight());
        return new double[] {s, (SIZE - v.fabricWidth() * s) / 2, (SIZE - v.fabricHeight() * s) / 2};
    }

    private void moveTo(MouseEvent e) {
        HeatmapView main = getSkinnable().source();
        double[] b = box();
        main.setViewport(main.getViewport().centerOn((e.getX() - b[1]) / b[0], (e.getY() - b[2]) / b[0]));
        e.consume();
    }

    @Override
    protected double computePrefWidth(double h, double top, double right, double bottom, double left) {
        return SIZE + left + right;
    }

    @Override
    protected double computePrefHeight(double w, double top, double right, double bottom, double left) {
        return SIZE + top + bottom;
    }

    @Override
    protected double computeMaxWidth(double h, double top, double right, double bottom, double left) {
        return computePrefWidth(h, top, right, bottom, left);
    }

    @Override
    protected double computeMaxHeight(double w, double top, double right, double bottom, double left) {
        return computePrefHeight(w, top, right, bottom, left);
    }

    void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, SIZE, SIZE);
        HeatmapView main = getSkinnable().source();
        Image img = main.fabricImage();
        Viewport v = main.getViewport();
        if (img == null) {
            return;
        }
        double[] b = box();
        g.setImageSmoothing(true);
        g.drawImage(img, b[1], b[2], v.fabricWidth() * b[0], v.fabricHeight() * b[0]);
        double x = b[1] + v.originX() * b[0];
        double y = b[2] + v.originY() * b[0];
        double w = v.viewWidth() / v.scale() * b[0];
        double h = v.viewHeight() / v.scale() * b[0];
        g.setFill(Color.rgb(255, 255, 255, 0.15));
        g.fillRect(x, y, w, h);
        g.setStroke(Color.web("#ff4f9a"));
        g.setLineWidth(2);
        g.strokeRect(x, y, w, h);
    }
}
