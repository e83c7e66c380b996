package org.waferscope.app.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Samples per second against systems, beside perfect scaling, as a PNG (headless AWT, no window). */
final class ScalingPlot {
    private static final int W = 720;
    private static final int H = 440;
    private static final int LEFT = 90;
    private static final int RIGHT = 70;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    private ScalingPlot() {
    }

    /**
     * The y axis's ticks from 0 to just past {@code max}: 4 to 7 of them, a round step apart
     * (1, 2 or 5 times a power of ten), so they read 2,000,000, 4,000,000 and not 2,292,097.
     */
    static double[] ticks(double max) {
        double top = max > 0 ? max * 1.02 : 1;
        double power = Math.pow(10, Math.floor(Math.log10(top / 5)));
        double step = power;
        for (double m : new double[] {1, 2, 5, 10}) {
            step = m * power;
            if (top / step <= 6) {
                break;
            }
        }
        int n = (int) Math.ceil(top / step);
        double[] out = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            out[i] = step * i;
        }
        return out;
    }

    static void write(Path file, String title, List<TrainReport.ScalingRow> rows) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        int maxN = rows.stream().mapToInt(TrainReport.ScalingRow::systems).max().orElse(1);
        double perSystem = rows.get(0).samplesPerSecond() / rows.get(0).systems();
        double[] ticks = ticks(Math.max(perSystem * maxN, rows.stream()
                .mapToDouble(TrainReport.ScalingRow::samplesPerSecond).max().orElse(1)));
        double maxY = ticks[ticks.length - 1];
        g.setColor(new Color(0x222222));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("Weight streaming: samples/s against CS systems", LEFT, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(title, LEFT, 44);
        int x0 = LEFT;
        int y0 = H - BOTTOM;
        int pw = W - LEFT - RIGHT;
        int ph = H - TOP - BOTTOM;
        g.setColor(new Color(0xDDDDDD));
        for (double t : ticks) {
            int y = y0 - (int) Math.round(ph * t / maxY);
            g.drawLine(x0, y, x0 + pw, y);
            g.setColor(new Color(0x444444));
            g.drawString(String.format(java.util.Locale.ROOT, "%,.0f", t), 8, y + 4);
            g.setColor(new Color(0xDDDDDD));
        }
        g.setColor(new Color(0x444444));
        g.drawLine(x0, y0, x0 + pw, y0);
        g.drawLine(x0, y0, x0, y0 - ph);
        for (TrainReport.ScalingRow r : rows) {
            int x = x0 + (int) (pw * (double) r.systems() / maxN);
            g.drawLine(x, y0, x, y0 + 4);
            g.drawString(Integer.toString(r.systems()), x - 4, y0 + 18);
        }
        g.drawString("CS systems (global batch split among them)", x0 + pw / 2 - 120, y0 + 42);
        // perfect scaling from the first point
        g.setColor(new Color(0x999999));
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1, new float[] {6, 5}, 0));
        g.drawLine(x0, y0, x0 + pw, y0 - (int) (ph * perSystem * maxN / maxY));
        g.drawString("perfect scaling", x0 + pw - 110, y0 - (int) (ph * perSystem * maxN / maxY) + 18);
        g.setStroke(new BasicStroke(2.5f));
        g.setColor(new Color(0x1F77B4));
        int px = -1;
        int py = -1;
        for (TrainReport.ScalingRow r : rows) {
            int x = x0 + (int) (pw * (double) r.systems() / maxN);
            int y = y0 - (int) (ph * r.samplesPerSecond() / maxY);
            if (px >= 0) {
                g.drawLine(px, py, x, y);
            }
            g.fillOval(x - 5, y - 5, 10, 10);
            g.drawString(String.format(java.util.Locale.ROOT, "%,.0f", r.samplesPerSecond()), x - 30, y - 10);
            px = x;
            py = y;
        }
        g.dispose();
        try {
            ImageIO.write(img, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
