package org.waferscope.views.heatmap;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.waferscope.engine.api.CoreSnapshot;
import org.waferscope.engine.api.Frame;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.engine.api.RouteCode;
import org.waferscope.engine.arch.Direction;
import org.waferscope.views.palette.CategoricalColors;

/**
 * The zoomed-in level of detail, drawn only for PEs in view: each PE's four router ports
 * and its ramp; traffic or back-pressure per outgoing link as arrows whose width follows
 * the value; the chosen color's route as arrows out (tx) and ticks in (rx); and, where a
 * core snapshot is at hand, input-queue fill bars and the wavelets buffered in the router,
 * one dot per wavelet in its color's hue (below the PE's coordinate label, when there is one).
 */
final class DetailPainter {
    private static final Color PORT = Color.gray(0.95, 0.55);
    private static final Color INK = Color.gray(1, 0.92);
    private static final Color SHADOW = Color.gray(0, 0.55);
    private static final Color QUEUE = Color.web("#56B4E9");
    /** From this many pixels per PE each PE is labelled with its coordinates. */
    static final double LABEL_SCALE = 64;

    /** Ink for the PE being drawn: dark on bright cells, light on dark ones, so marks always read. */
    private Color ink = INK;
    private Color halo = SHADOW;
    private Color port = PORT;

    /** {@code textScale} is the UI scale: coordinate labels grow with it, as far as the PE's square allows. */
    void paint(GraphicsContext g, Viewport v, Frame f, List<CoreSnapshot> snapshots,
               java.util.function.IntBinaryOperator colourAt, double textScale) {
        Map<Integer, CoreSnapshot> byPe = new HashMap<>();
        for (CoreSnapshot s : snapshots) {
            byPe.put(s.y() * f.width() + s.x(), s);
        }
        float linkMax = f.links() == null ? 0 : visibleLinkMax(v, f);
        double s = v.scale();
        for (int y = v.firstRow(); y < v.endRow(); y++) {
            for (int x = v.firstColumn(); x < v.endColumn(); x++) {
                int pe = y * f.width() + x;
                chooseInk(colourAt.applyAsInt(x, y));
                double cx = v.toViewX(x + 0.5);
                double cy = v.toViewY(y + 0.5);
                ports(g, cx, cy, s);
                if (linkMax > 0) {
                    links(g, f.links(), pe, cx, cy, s, linkMax);
                }
                if (f.layer() == MetricLayer.ROUTE) {
                    route(g, (int) f.values()[pe], cx, cy, s);
                }
                CoreSnapshot snap = byPe.get(pe);
                if (snap != null) {
                    queues(g, snap, cx, cy, s, s >= LABEL_SCALE ? labelBottom(cy, s, textScale) : Double.NaN);
                }
            }
        }
        // Last, on a halo: arrows and wavelet dots of this PE and its neighbours never cover them.
        labels(g, v, colourAt, textScale);
    }

    /**
     * The coordinate labels, each on a halo: drawn after all other detail (so no arrow or
     * wavelet dot covers them), and alone over the value layer's tiles, where ports and queues
     * would hide the program's data, so that a student still reads which PE is which.
     */
    void labels(GraphicsContext g, Viewport v, java.util.function.IntBinaryOperator colourAt, double textScale) {
        double s = v.scale();
        if (s < LABEL_SCALE) {
            return;
        }
        for (int y = v.firstRow(); y < v.endRow(); y++) {
            for (int x = v.firstColumn(); x < v.endColumn(); x++) {
                chooseInk(colourAt.applyAsInt(x, y));
                label(g, x, y, v.toViewX(x + 0.5), v.toViewY(y + 0.5), s, textScale);
            }
        }
    }

    private void label(GraphicsContext g, int x, int y, double cx, double cy, double s, double textScale) {
        g.setFont(javafx.scene.text.Font.font(labelSize(s, textScale)));
        String text = x + "," + y;
        double tx = cx - s * 0.46;
        double ty = cy - s * 0.30;
        g.setStroke(halo);
        g.setLineWidth(3);
        g.strokeText(text, tx, ty);
        g.setFill(ink);
        g.fillText(text, tx, ty);
    }

    private static double labelSize(double s, double textScale) {
        return Math.min(14 * textScale, s * 0.11 * Math.min(textScale, 2));
    }

    /** Below the coordinate label's baseline, its descenders and its halo: where the wavelet dots may start. */
    static double labelBottom(double cy, double s, double textScale) {
        return cy - s * 0.30 + labelSize(s, textScale) * 0.3 + 2;
    }

    private void chooseInk(int argb) {
        double lum = (0.2126 * ((argb >> 16) & 0xFF) + 0.7152 * ((argb >> 8) & 0xFF) + 0.0722 * (argb & 0xFF)) / 255;
        boolean bright = lum > 0.55;
        ink = bright ? Color.gray(0.08, 0.9) : INK;
        halo = bright ? Color.gray(1, 0.45) : SHADOW;
        port = bright ? Color.gray(0.1, 0.5) : PORT;
    }

    private static float visibleLinkMax(Viewport v, Frame f) {
        float max = 0;
        float[] links = f.links();
        for (int y = v.firstRow(); y < v.endRow(); y++) {
            for (int x = v.firstColumn(); x < v.endColumn(); x++) {
                int base = (y * f.width() + x) * 4;
                for (int d = 0; d < 4 && base + d < links.length; d++) {
                    max = Math.max(max, links[base + d]);
                }
            }
        }
        return max;
    }

    private void ports(GraphicsContext g, double cx, double cy, double s) {
        double p = Math.max(2, s * 0.1);
        g.setFill(port);
        for (Direction d : Direction.LINKS) {
            double px = cx + d.dx * (s / 2 - p * 0.8);
            double py = cy + d.dy * (s / 2 - p * 0.8);
            g.fillRect(px - p / 2, py - p / 2, p, p);
        }
        g.setStroke(port);
        g.setLineWidth(1);
        g.strokeOval(cx - p, cy - p, 2 * p, 2 * p);
    }

    private void links(GraphicsContext g, float[] links, int pe, double cx, double cy, double s, float max) {
        for (int d = 0; d < 4; d++) {
            int i = pe * 4 + d;
            float val = i < links.length ? links[i] : 0;
            if (val > 0) {
                Direction dir = Direction.LINKS[d];
                double w = 1 + (s * 0.12) * (val / max);
                arrow(g, cx + dir.dx * s * 0.12, cy + dir.dy * s * 0.12, cx + dir.dx * s * 0.48, cy + dir.dy * s * 0.48,
                        w, ink);
            }
        }
    }

    private void route(GraphicsContext g, int code, double cx, double cy, double s) {
        if (!RouteCode.configured(code)) {
            return;
        }
        int tx = RouteCode.tx(code);
        int rx = RouteCode.rx(code);
        for (Direction d : Direction.LINKS) {
            if ((tx & d.bit()) != 0) {
                arrow(g, cx + d.dx * s * 0.12, cy + d.dy * s * 0.12, cx + d.dx * s * 0.5, cy + d.dy * s * 0.5,
                        Math.max(1.5, s * 0.05), ink);
            }
            if ((rx & d.bit()) != 0) {
                double ex = cx + d.dx * s * 0.5;
                double ey = cy + d.dy * s * 0.5;
                g.setStroke(ink);
                g.setLineWidth(Math.max(1, s * 0.04));
                g.setLineDashes(3, 3);
                g.strokeLine(ex, ey, cx + d.dx * s * 0.14, cy + d.dy * s * 0.14);
                g.setLineDashes((double[]) null);
            }
        }
        if (RouteCode.position(code) > 0 && s >= 40) {
            g.setFill(ink);
            g.fillText("pos " + RouteCode.position(code), cx - s * 0.45, cy + s * 0.45);
        }
    }

    /** {@code dotsTop}: where the row of buffered wavelets starts, under the label (NaN: no label, the top). */
    private void queues(GraphicsContext g, CoreSnapshot snap, double cx, double cy, double s, double dotsTop) {
        double bw = Math.max(2, s * 0.06);
        double bh = s * 0.3;
        double left = cx - s * 0.38;
        double bottom = cy + s * 0.4;
        int i = 0;
        for (CoreSnapshot.QueueRow q : snap.inputQueues()) {
            double fill = q.depth() == 0 ? 0 : Math.min(1, q.payloads().size() / (double) q.depth());
            double x = left + i * (bw + 1);
            // An outline per queue, filled as far as the queue is: empty queues stay quiet.
            g.setStroke(port);
            g.setLineWidth(1);
            g.strokeRect(x + 0.5, bottom - bh + 0.5, bw - 1, bh - 1);
            g.setFill(QUEUE);
            g.fillRect(x, bottom - bh * fill, bw, bh * fill);
            i++;
        }
        double dot = Math.max(2, s * 0.07);
        double x = cx - s * 0.38;
        double y = Double.isNaN(dotsTop) ? cy - s * 0.38 : dotsTop;
        for (CoreSnapshot.RouteRow r : snap.routes()) {
            for (int k = 0; k < r.buffered() && x < cx + s * 0.38; k++) {
                g.setFill(Color.rgb(0, 0, 0, 0.6));
                g.fillOval(x - 0.5, y - 0.5, dot + 1, dot + 1);
                int argb = CategoricalColors.fabricColor(r.color());
                g.setFill(Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF));
                g.fillOval(x, y, dot, dot);
                x += dot + 1;
            }
        }
    }

    private void arrow(GraphicsContext g, double x1, double y1, double x2, double y2, double w, Color c) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double len = Math.hypot(dx, dy);
        if (len < 1) {
            return;
        }
        double ux = dx / len;
        double uy = dy / len;
        double head = Math.max(3, w * 2.2);
        for (int pass = 0; pass < 2; pass++) {
            Color col = pass == 0 ? halo : c;
            double extra = pass == 0 ? 1.5 : 0;
            g.setStroke(col);
            g.setFill(col);
            g.setLineWidth(w + extra);
            g.strokeLine(x1, y1, x2 - ux * head * 0.8, y2 - uy * head * 0.8);
            double bx = x2 - ux * head;
            double by = y2 - uy * head;
            g.fillPolygon(new double[] {x2 + ux * extra, bx - uy * (head * 0.6 + extra), bx + uy * (head * 0.6 + extra)},
                    new double[] {y2 + uy * extra, by + ux * (head * 0.6 + extra), by - ux * (head * 0.6 + extra)}, 3);
        }
    }
}
