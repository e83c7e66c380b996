package org.waferscope.views.timeline;

import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import org.waferscope.engine.api.TimelinePoint;
import org.waferscope.views.heatmap.ValueText;

/** A canvas with three series and a key of CSS-styled labels above it. */
final class TimelineSkin extends SkinBase<TimelineView> {
    static final Color UTILIZATION = Color.web("#009E73");
    static final Color WAVELETS = Color.web("#E69F00");
    static final Color SELECTED = Color.web("#CC79A7");
    private static final double KEY_HEIGHT = 22;

    private final Canvas canvas = new Canvas();
    private final Label util = key("utilization", UTILIZATION);
    private final Label wave = key("wavelets in flight", WAVELETS);
    private final Label sel = key("selected PE", SELECTED);
    private final Label range = new Label();
    private final HBox keys = new HBox(14, util, wave, sel, range);

    TimelineSkin(TimelineView view) {
        super(view);
        keys.setAlignment(Pos.CENTER_LEFT);
        range.getStyleClass().add("timeline-range");
        canvas.setManaged(false);
        getChildren().addAll(keys, canvas);
    }

    private static Label key(String text, Color c) {
        javafx.scene.shape.Rectangle r = new javafx.scene.shape.Rectangle(14, 3, c);
        Label l = new Label(text, r);
        l.getStyleClass().add("timeline-key");
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    @Override
    protected double computePrefWidth(double h, double top, double right, double bottom, double left) {
        return 300;
    }

    @Override
    protected double computePrefHeight(double w, double top, double right, double bottom, double left) {
        return 160;
    }

    @Override
    protected double computeMinHeight(double w, double top, double right, double bottom, double left) {
        return 60;
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        keys.resizeRelocate(x, y, w, KEY_HEIGHT);
        double ch = Math.max(1, h - KEY_HEIGHT);
        if (canvas.getWidth() != w || canvas.getHeight() != ch) {
            canvas.setWidth(w);
            canvas.setHeight(ch);
        }
        canvas.relocate(x, y + KEY_HEIGHT);
    }

    void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        g.setStroke(Color.gray(0.5, 0.3));
        g.setLineWidth(1);
        for (int i = 0; i <= 4; i++) {
            double y = Math.round(2 + (h - 4) * i / 4.0) + 0.5;
            g.strokeLine(0, y, w, y);
        }
        List<TimelinePoint> pts = getSkinnable().pointsProperty().get();
        boolean anySelected = pts.stream().anyMatch(p -> p.selectedBusy() >= 0);
        sel.setVisible(anySelected);
        if (pts.size() < 2) {
            range.setText(pts.isEmpty() ? "no samples yet" : "cycle " + pts.get(0).cycle());
            wave.setText("wavelets in flight");
            return;
        }
        long c0 = pts.get(0).cycle();
        long c1 = pts.get(pts.size() - 1).cycle();
        double maxWave = Math.max(1, pts.stream().mapToInt(TimelinePoint::waveletsInFlight).max().orElse(1));
        wave.setText("in flight (max " + ValueText.number(maxWave) + ")");
        range.setText("cycles " + ValueText.number(c0) + " – " + ValueText.number(c1));
        series(g, pts, c0, c1, w, h, p -> p.utilization(), UTILIZATION, true);
        series(g, pts, c0, c1, w, h, p -> p.waveletsInFlight() / maxWave, WAVELETS, false);
        if (anySelected) {
            series(g, pts, c0, c1, w, h, p -> p.selectedBusy(), SELECTED, false);
        }
    }

    private static void series(GraphicsContext g, List<TimelinePoint> pts, long c0, long c1, double w, double h,
                               ToDoubleFunction<TimelinePoint> f, Color c, boolean filled) {
        int n = pts.size();
        double[] xs = new double[n + 2];
        double[] ys = new double[n + 2];
        double span = Math.max(1, c1 - c0);
        int k = 0;
        for (TimelinePoint p : pts) {
            double v = Math.max(0, Math.min(1, f.applyAsDouble(p)));
            xs[k] = (p.cycle() - c0) / span * (w - 1);
            ys[k] = 2 + (h - 4) * (1 - v);
            k++;
        }
        if (filled) {
            xs[n] = xs[n - 1];
            ys[n] = h;
            xs[n + 1] = xs[0];
            ys[n + 1] = h;
            g.setFill(c.deriveColor(0, 1, 1, 0.25));
            g.fillPolygon(xs, ys, n + 2);
        }
        g.setStroke(c);
        g.setLineWidth(1.8);
        g.strokePolyline(xs, ys, n);
    }
}
