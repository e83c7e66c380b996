package org.waferscope.views.timeline;

import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.geometry.Pos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import org.waferscope.engine.api.TimelinePoint;
import org.waferscope.views.heatmap.ValueText;

/** A canvas with three series (and a dashed second run) and a key of CSS-styled labels above it. */
final class TimelineSkin extends HeaderedCanvasSkin<TimelineView, FlowPane> {
    static final Color UTILIZATION = Color.web("#009E73");
    static final Color STALLED = Color.web("#D55E00");
    static final Color HOPS = Color.web("#0072B2");
    private final Label util = key("utilization", UTILIZATION);
    private final Label stall = key("stalled", STALLED);
    private final Label hops = key("link hops/cycle", HOPS);
    private final Label range = new Label();

    TimelineSkin(TimelineView view) {
        // a flow, not a row: at 1280 px the range's text was cut to "cycl…"; now it wraps below the key
        super(view, new FlowPane(14, 0));
        header.setAlignment(Pos.CENTER_LEFT);
        header.getChildren().addAll(util, stall, hops, range);
        range.getStyleClass().add("timeline-range");
    }

    private static Label key(String text, Color c) {
        javafx.scene.shape.Rectangle r = new javafx.scene.shape.Rectangle(14, 3, c);
        Label l = new Label(text, r);
        l.getStyleClass().add("timeline-key");
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        g.setStroke(Color.gray(0.5, 0.3));
        g.setLineWidth(1);
        g.setLineDashes();
        for (int i = 0; i <= 4; i++) {
            double y = Math.round(2 + (h - 4) * i / 4.0) + 0.5;
            g.strokeLine(0, y, w, y);
        }
        List<TimelinePoint> pts = getSkinnable().pointsProperty().get();
        List<TimelinePoint> other = getSkinnable().overlayProperty().get();
        if (pts.isEmpty() && other.isEmpty()) {
            range.setText("no cycles yet");
            hops.setText("link hops/cycle");
            return;
        }
        long c1 = Math.max(last(pts), last(other));
        long bucket = pts.isEmpty() ? 1 : pts.get(pts.size() - 1).span();
        pts = TimelineBins.forWidth(pts, c1, w);
        other = other.isEmpty() ? other : TimelineBins.forWidth(other, c1, w);
        double seen = Math.max(maxHops(pts), maxHops(other));
        double maxHops = Math.max(1, seen); // the scale's top; with no hop at all the key says "none", not "max 1"
        hops.setText(seen <= 0 ? "link hops/cycle (none)"
                : "link hops/cycle (max " + ValueText.tenths(maxHops) + ")");
        range.setText("cycles 0 – " + ValueText.number(c1) + (bucket > 1 ? " · recorded in buckets of " + bucket : "")
                + (other.isEmpty() ? "" : " · dashed: second run"));
        Axes a = new Axes(c1, w, h);
        draw(g, pts, a, maxHops, false);
        draw(g, other, a, maxHops, true);
    }

    private static long last(List<TimelinePoint> pts) {
        return pts.isEmpty() ? 1 : pts.get(pts.size() - 1).cycle();
    }

    private static double maxHops(List<TimelinePoint> pts) {
        return pts.stream().mapToDouble(TimelinePoint::hops).max().orElse(0);
    }

    private record Axes(long c1, double w, double h) {
        double x(long cycle) {
            return cycle / (double) Math.max(1, c1) * (w - 1);
        }

        double y(double v) {
            return 2 + (h - 4) * (1 - Math.max(0, Math.min(1, v)));
        }
    }

    private static void draw(GraphicsContext g, List<TimelinePoint> pts, Axes a, double maxHops, boolean dashed) {
        if (pts.isEmpty()) {
            return;
        }
        if (dashed) {
            g.setLineDashes(5, 4);
        } else {
            g.setLineDashes();
        }
        series(g, pts, a, TimelinePoint::utilization, UTILIZATION, !dashed);
        series(g, pts, a, TimelinePoint::stalled, STALLED, false);
        series(g, pts, a, p -> p.hops() / maxHops, HOPS, false);
        g.setLineDashes();
    }

    /** Each bucket is a flat step from its first cycle to its last, so wide buckets read as averages. */
    private static void series(GraphicsContext g, List<TimelinePoint> pts, Axes a, ToDoubleFunction<TimelinePoint> f,
                               Color c, boolean filled) {
        int n = pts.size();
        double[] xs = new double[2 * n + 2];
        double[] ys = new double[2 * n + 2];
        int k = 0;
        for (TimelinePoint p : pts) {
            double y = a.y(f.applyAsDouble(p));
            xs[k] = a.x(p.cycle() - p.span());
            ys[k++] = y;
            xs[k] = a.x(p.cycle());
            ys[k++] = y;
        }
        if (filled) {
            xs[k] = xs[k - 1];
            ys[k++] = a.h();
            xs[k] = xs[0];
            ys[k++] = a.h();
            g.setFill(c.deriveColor(0, 1, 1, 0.25));
            g.fillPolygon(xs, ys, k);
        }
        g.setStroke(c);
        g.setLineWidth(1.6);
        g.strokePolyline(xs, ys, 2 * n);
    }
}
