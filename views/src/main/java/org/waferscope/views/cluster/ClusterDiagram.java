package org.waferscope.views.cluster;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.waferscope.engine.api.ClusterFrame;
import org.waferscope.views.palette.Palette;

/**
 * MemoryX at the top, the SwarmX tree below it, the CS systems at the bottom, each with a
 * live thumbnail of its wafer: each PE's busy share over the cycles since the frame before. A link is drawn as thick as the share of its
 * bandwidth in use at the playhead: blue for weights going down, orange for gradients going
 * up. Clicking a system asks to open its wafer. FX thread only.
 */
public final class ClusterDiagram extends CanvasPane {
    static final Color WEIGHTS = Color.web("#1f77b4");
    static final Color GRADIENTS = Color.web("#ff7f0e");
    /** MemoryX's and SwarmX's tints, mixed into the theme's box colour. */
    private static final Color MEMORY_TINT = Color.web("#9467bd");
    private static final Color SWARM_TINT = Color.web("#2ca02c");

    private final List<double[]> systemBoxes = new ArrayList<>();

    public ClusterDiagram(ClusterViewModel model) {
        super(model);
        getStyleClass().add("cluster-diagram");
        setOnMouseClicked(e -> {
            for (int i = 0; i < systemBoxes.size(); i++) {
                double[] r = systemBoxes.get(i);
                if (e.getX() >= r[0] && e.getX() <= r[0] + r[2] && e.getY() >= r[1] && e.getY() <= r[1] + r[3]) {
                    model.openSystem(i);
                }
            }
        });
        setMinSize(200, 160);
        setPrefSize(700, 360);
    }

    /** The box of system i as {x, y, w, h}, after the last paint (for tests and clicks). */
    public double[] systemBox(int i) {
        return systemBoxes.get(i).clone();
    }

    @Override
    void paint(GraphicsContext g, ClusterFrame f, double w, double h) {
        systemBoxes.clear();
        double t = model.playheadProperty().get();
        FlowsAt flows = FlowsAt.of(f, t);
        int n = f.wafers().size();
        double top = 14;
        double memW = 190;
        double memH = 40;
        // tree levels from the bottom: level d has ceil(n / fanout^d) nodes, up to one root
        List<Integer> levels = new ArrayList<>();
        int nodes = n;
        do {
            nodes = (nodes + f.fanout() - 1) / f.fanout();
            levels.add(nodes);
        } while (nodes > 1);
        double sysH = Math.min(120, h * 0.38);
        double sysY = h - sysH - 8;
        double treeTop = top + memH + 30;
        double treeBottom = sysY - 30;
        double step = levels.size() == 1 ? 0 : (treeBottom - treeTop) / (levels.size() - 1);
        double[][] nodeX = new double[levels.size()][];
        double[] nodeY = new double[levels.size()];
        for (int d = levels.size() - 1, row = 0; d >= 0; d--, row++) {
            int count = levels.get(d);
            nodeX[d] = new double[count];
            nodeY[d] = levels.size() == 1 ? (treeTop + treeBottom) / 2 : treeTop + row * step;
            for (int i = 0; i < count; i++) {
                nodeX[d][i] = w * (i + 0.5) / count;
            }
        }
        double gap = 10;
        double boxW = Math.min(160, (w - gap * (n + 1)) / n);
        double x0 = (w - (n * boxW + (n - 1) * gap)) / 2;
        // links: MemoryX - root, node - parent, system - leaf node
        int root = levels.size() - 1;
        link(g, w / 2, top + memH, nodeX[root][0], nodeY[root], flows.memoryDown, flows.memoryUp, f.linkGbps(),
                line.get());
        for (int d = 0; d < root; d++) {
            for (int i = 0; i < nodeX[d].length; i++) {
                link(g, nodeX[d][i], nodeY[d], nodeX[d + 1][i / f.fanout()], nodeY[d + 1], flows.down, flows.up,
                        f.linkGbps(), line.get());
            }
        }
        for (int s = 0; s < n; s++) {
            double bx = x0 + s * (boxW + gap);
            link(g, bx + boxW / 2, sysY, nodeX[0][s / f.fanout()], nodeY[0], flows.down, flows.up, f.linkGbps(),
                    line.get());
        }
        box(g, w / 2 - memW / 2, top, memW, memH, "MemoryX", flows.memoryActivity,
                box.get().interpolate(MEMORY_TINT, 0.12));
        g.setFont(Font.font(11));
        for (int d = 0; d < levels.size(); d++) {
            for (double x : nodeX[d]) {
                g.setFill(box.get().interpolate(SWARM_TINT, 0.15));
                g.fillOval(x - 28, nodeY[d] - 12, 56, 24);
                g.setStroke(SWARM_TINT);
                g.strokeOval(x - 28, nodeY[d] - 12, 56, 24);
                g.setFill(ink.get());
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.CENTER);
                g.fillText("SwarmX", x, nodeY[d]);
            }
        }
        for (int s = 0; s < n; s++) {
            double bx = x0 + s * (boxW + gap);
            systemBoxes.add(new double[] {bx, sysY, boxW, sysH});
            ClusterFrame.Wafer wafer = f.wafers().get(s);
            box(g, bx, sysY, boxW, sysH, wafer.name(), flows.systemActivity(wafer.name()), box.get());
            thumbnail(g, wafer, bx + 6, sysY + 22, boxW - 12, sysH - 28);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(muted.get());
        g.fillText(String.format(java.util.Locale.ROOT, "t = %.3f us into the step   %s", t * 1e6, flows.caption), 8, 2);
    }

    private static void link(GraphicsContext g, double x1, double y1, double x2, double y2, double down, double up,
                             double gbps, Color idle) {
        double capacity = gbps * 1e9 / 8;
        g.setLineWidth(1);
        g.setStroke(idle);
        g.strokeLine(x1, y1, x2, y2);
        if (down > 0) {
            g.setStroke(WEIGHTS);
            g.setLineWidth(2 + 10 * Math.min(1, down / capacity));
            g.strokeLine(x1 - 3, y1, x2 - 3, y2);
        }
        if (up > 0) {
            g.setStroke(GRADIENTS);
            g.setLineWidth(2 + 10 * Math.min(1, up / capacity));
            g.strokeLine(x1 + 3, y1, x2 + 3, y2);
        }
    }

    private void box(GraphicsContext g, double x, double y, double w, double h, String title, String activity,
                            Color fill) {
        g.setFill(fill);
        g.fillRoundRect(x, y, w, h, 8, 8);
        g.setStroke(activity.isEmpty() ? line.get() : ink.get());
        g.setLineWidth(activity.isEmpty() ? 1 : 2.5);
        g.strokeRoundRect(x, y, w, h, 8, 8);
        g.setFill(ink.get());
        g.setFont(Font.font(null, javafx.scene.text.FontWeight.BOLD, 12));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, x + 6, y + 4);
        javafx.scene.text.Text measure = new javafx.scene.text.Text(title);
        measure.setFont(g.getFont());
        double titleW = measure.getLayoutBounds().getWidth();
        g.setFont(Font.font(11));
        g.fillText(activity, x + 6 + titleW + 8, y + 5);
    }

    private void thumbnail(GraphicsContext g, ClusterFrame.Wafer wafer, double x, double y, double w, double h) {
        float[] u = wafer.utilization();
        WritableImage img = new WritableImage(wafer.width(), wafer.height());
        int[] argb = new int[u.length];
        for (int i = 0; i < u.length; i++) {
            argb[i] = Palette.VIRIDIS.argb(Math.max(0, Math.min(1, u[i])));
        }
        img.getPixelWriter().setPixels(0, 0, wafer.width(), wafer.height(), PixelFormat.getIntArgbInstance(), argb, 0,
                wafer.width());
        double scale = Math.min(w / wafer.width(), (h - 14) / wafer.height());
        double left = x + (w - wafer.width() * scale) / 2;
        g.setImageSmoothing(false);
        g.drawImage(img, left, y, wafer.width() * scale, wafer.height() * scale);
        if (scale >= 6) {   // a small wafer: a line between PEs, so each can be told apart
            g.setStroke(Color.web("#ffffff", 0.6));
            g.setLineWidth(1);
            for (int c = 1; c < wafer.width(); c++) {
                g.strokeLine(left + c * scale, y, left + c * scale, y + wafer.height() * scale);
            }
            for (int r = 1; r < wafer.height(); r++) {
                g.strokeLine(left, y + r * scale, left + wafer.width() * scale, y + r * scale);
            }
        }
        g.setFill(muted.get());
        g.setFont(Font.font(10));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(caption(wafer), x + w / 2, y + wafer.height() * scale + 2);
    }

    /** Under a thumbnail: the wafer's size, written as the status bar writes a fabric's, and its cycle. */
    static String caption(ClusterFrame.Wafer wafer) {
        return String.format(java.util.Locale.ROOT, "%d × %d PEs, cycle %,d", wafer.width(), wafer.height(), wafer.cycles());
    }
}
