package org.waferscope.views.timeline;

import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.waferscope.engine.api.PeTrack;
import org.waferscope.views.heatmap.ValueText;
import org.waferscope.views.palette.CategoricalColors;

/** Rows of slices on a canvas, a label above for the note or what the pointer is over. */
final class PeTimelineSkin extends HeaderedCanvasSkin<PeTimelineView, Label> {
    static final Color STALL_INPUT = Color.web("#D55E00");
    static final Color STALL_OUTPUT = Color.web("#CC79A7");
    static final Color WAVELET_OUT = Color.web("#0072B2");
    static final Color WAVELET_IN = Color.web("#E69F00");
    private static final double LABEL_WIDTH = 66;
    private static final double MAX_ROW = 26;

    private double mouseX = -1;
    private double mouseY = -1;

    PeTimelineSkin(PeTimelineView view) {
        super(view, new Label());
        header.getStyleClass().add("timeline-range");
        // in line with the rows' "(x, y)" labels; at 0 the tab's edge cut the first letter
        header.setPadding(new javafx.geometry.Insets(0, 4, 0, 4));
        header.setWrapText(true); // a long note (a fabric too large to replay, and the command to use) is read whole
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(-1, -1));
    }

    private void hover(double x, double y) {
        mouseX = x;
        mouseY = y;
        getSkinnable().markDirty();
    }

    void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        List<PeTrack> tracks = getSkinnable().tracksProperty().get();
        String note = getSkinnable().noteProperty().get();
        if (tracks.isEmpty()) {
            header.setText(note.isEmpty() ? "select a PE to see its row's history" : note);
            return;
        }
        long c0 = tracks.get(0).firstCycle();
        long span = Math.max(1, tracks.get(0).cycles());
        double row = Math.min(MAX_ROW, h / tracks.size());
        double plot = Math.max(1, w - LABEL_WIDTH);
        g.setFont(Font.font(Math.max(7, Math.min(11, row * 0.7))));
        for (int k = 0; k < tracks.size(); k++) {
            drawRow(g, tracks.get(k), k * row, row, plot, span, k == getSkinnable().highlightProperty().get());
        }
        String hover = describe(tracks, c0, span, row, plot);
        header.setText(hover != null ? hover : (note.isEmpty() ? "" : note + " · ") + "cycles " + ValueText.number(c0)
                + " – " + ValueText.number(c0 + span) + " · bars: tasks, red: waiting for input, pink: output full, "
                + "ticks: wavelets out (top) and in (bottom)");
    }

    private static void drawRow(GraphicsContext g, PeTrack t, double top, double row, double plot, long span,
                                boolean marked) {
        double pad = Math.max(1, row * 0.12);
        double scale = plot / span;
        g.setFill(marked ? Color.gray(0.5, 0.25) : Color.TRANSPARENT);
        g.fillRect(0, top, LABEL_WIDTH + plot, row);
        g.setFill(Color.gray(0.55));
        g.fillText("(" + t.x() + ", " + t.y() + ")", 4, top + row * 0.5 + 4);
        double barTop = top + pad * 2;
        double barH = Math.max(1, row - pad * 4);
        for (PeTrack.Slice s : t.taskSlices()) {
            g.setFill(argb(CategoricalColors.taskColor(s.task())).deriveColor(0, 1, 1, 0.85));
            g.fillRect(LABEL_WIDTH + (s.start() - t.firstCycle()) * scale, barTop, Math.max(1, s.length() * scale), barH);
        }
        for (PeTrack.Slice s : t.stalls()) {
            g.setFill(s.name().contains("input") ? STALL_INPUT : STALL_OUTPUT);
            g.fillRect(LABEL_WIDTH + (s.start() - t.firstCycle()) * scale, barTop + barH * 0.3,
                    Math.max(1, s.length() * scale), barH * 0.4);
        }
        ticks(g, t.linkOut(), top, pad * 1.6, plot, scale, WAVELET_OUT);
        ticks(g, t.linkIn(), top + row - pad * 1.6, pad * 1.6, plot, scale, WAVELET_IN);
    }

    /** One mark per pixel column that saw a wavelet, so a long run costs a pass over the cycles, not a rect per wavelet. */
    private static void ticks(GraphicsContext g, byte[] links, double y, double hgt, double plot, double scale,
                              Color c) {
        g.setFill(c);
        int lastPx = -1;
        for (int i = 0; i < links.length; i++) {
            if (links[i] == 0) {
                continue;
            }
            int px = (int) (i * scale);
            if (px != lastPx) {
                g.fillRect(LABEL_WIDTH + px, y, Math.max(1, scale), Math.max(1, hgt));
                lastPx = px;
            }
        }
    }

    private String describe(List<PeTrack> tracks, long c0, long span, double row, double plot) {
        if (mouseX < LABEL_WIDTH || mouseY < 0) {
            return null;
        }
        int k = (int) (mouseY / row);
        int i = (int) ((mouseX - LABEL_WIDTH) / plot * span);
        if (k >= tracks.size() || i < 0 || i >= tracks.get(k).cycles()) {
            return null;
        }
        PeTrack t = tracks.get(k);
        int task = t.task()[i];
        String what = switch (t.work()[i]) {
            case PeTrack.COMPUTE -> "computing";
            case PeTrack.FABRIC -> "moving wavelets";
            case PeTrack.STALL_INPUT -> "waiting for input";
            case PeTrack.STALL_OUTPUT -> "waiting for room to send";
            default -> "idle";
        };
        String name = task >= 0 && t.taskNames()[task] != null ? t.taskNames()[task] : "task " + task;
        String links = t.linkOut()[i] == 0 && t.linkIn()[i] == 0 ? "" : " · " + linkWords(t.linkIn()[i], t.linkOut()[i]);
        return "cycle " + ValueText.number(c0 + i) + " · PE (" + t.x() + ", " + t.y() + "): " + what
                + (task >= 0 ? " in " + name : "") + links;
    }

    private static String linkWords(int in, int out) {
        StringBuilder b = new StringBuilder();
        for (int d = 0; d < 4; d++) {
            if ((in & (1 << d)) != 0) {
                b.append(b.isEmpty() ? "" : ", ").append("in from ").append(PeTrack.DIRECTIONS[d]);
            }
        }
        for (int d = 0; d < 4; d++) {
            if ((out & (1 << d)) != 0) {
                b.append(b.isEmpty() ? "" : ", ").append("out ").append(PeTrack.DIRECTIONS[d]);
            }
        }
        return "wavelets " + b;
    }

    private static Color argb(int c) {
        return Color.rgb(c >> 16 & 0xFF, c >> 8 & 0xFF, c & 0xFF);
    }
}
