package org.waferscope.views.cluster;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.waferscope.engine.api.ClusterFrame;

/**
 * The last step's schedule as a Gantt chart: one row per component, a bar per event
 * (reads and broadcasts in blue, kernels in green and purple, reductions and updates in
 * orange), and the playhead; a click moves the playhead there. FX thread only.
 */
public final class StepGantt extends CanvasPane {
    private static final double LABEL_W = 120;
    private static final double AXIS_H = 22;

    public StepGantt(ClusterViewModel model) {
        super(model);
        setOnMouseClicked(e -> {
            ClusterFrame f = model.frameProperty().get();
            if (f != null && f.stepSeconds() > 0 && e.getX() > LABEL_W) {
                double t = (e.getX() - LABEL_W) / (getWidth() - LABEL_W - 8) * f.stepSeconds();
                model.playheadProperty().set(Math.max(0, Math.min(f.stepSeconds(), t)));
            }
        });
        setMinSize(200, 100);
        setPrefSize(700, 220);
    }

    static Color color(String kind) {
        return switch (kind) {
            case "READ", "BROADCAST" -> ClusterDiagram.WEIGHTS;
            case "FORWARD" -> Color.web("#2ca02c");
            case "BACKWARD" -> Color.web("#9467bd");
            default -> ClusterDiagram.GRADIENTS;
        };
    }

    @Override
    void paint(GraphicsContext g, ClusterFrame f, double w, double h) {
        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.CENTER);
        int rows = f.rows().size();
        double rowH = Math.min(26, (h - AXIS_H - 4) / Math.max(1, rows));
        double span = Math.max(f.stepSeconds(), 1e-12);
        double plotW = w - LABEL_W - 8;
        for (int r = 0; r < rows; r++) {
            double y = 4 + r * rowH;
            g.setFill(r % 2 == 0 ? stripe.get() : paper.get());
            g.fillRect(0, y, w, rowH);
            g.setFill(ink.get());
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(f.rows().get(r), 6, y + rowH / 2);
        }
        for (ClusterFrame.Bar b : f.bars()) {
            int r = f.rows().indexOf(b.row());
            double x = LABEL_W + b.start() / span * plotW;
            double bw = Math.max(1.5, (b.end() - b.start()) / span * plotW);
            double y = 4 + r * rowH + 3;
            g.setFill(color(b.kind()));
            g.fillRect(x, y, bw, rowH - 6);
            if (bw > 26) {
                g.setFill(Color.WHITE);
                g.setTextAlign(TextAlignment.CENTER);
                g.fillText(label(b), x + bw / 2, y + (rowH - 6) / 2);
            }
        }
        double axisY = 4 + rows * rowH + 2;
        g.setStroke(muted.get());
        g.setLineWidth(1);
        g.strokeLine(LABEL_W, axisY, LABEL_W + plotW, axisY);
        g.setFill(muted.get());
        g.setTextAlign(TextAlignment.CENTER);
        // before the first step there is no time scale: one "0.0 us" rather than six
        for (int i = 0; i <= (f.stepSeconds() > 0 ? 5 : 0); i++) {
            double x = LABEL_W + plotW * i / 5;
            g.strokeLine(x, axisY, x, axisY + 4);
            // the last figure ends at its tick, so the pane's edge does not cut it
            g.setTextAlign(i == 5 ? TextAlignment.RIGHT : TextAlignment.CENTER);
            g.fillText(String.format(java.util.Locale.ROOT, "%.1f us", span * i / 5 * 1e6), i == 5 ? x + 4 : x,
                    axisY + 12);
        }
        double px = LABEL_W + model.playheadProperty().get() / span * plotW;
        g.setStroke(Color.web("#d62728"));
        g.setLineWidth(2);
        g.strokeLine(px, 2, px, axisY);
    }

    private static String label(ClusterFrame.Bar b) {
        String k = switch (b.kind()) {
            case "READ" -> "read";
            case "BROADCAST" -> "bcast";
            case "FORWARD" -> "fwd";
            case "BACKWARD" -> "bwd";
            case "REDUCE" -> "sum";
            default -> "upd";
        };
        return k + " L" + b.layer();
    }
}
