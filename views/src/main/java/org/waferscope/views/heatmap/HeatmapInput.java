package org.waferscope.views.heatmap;

import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Mouse and keyboard on the heatmap: wheel zooms about the pointer, drag pans, click
 * selects a PE, double-click zooms in; {@code +}/{@code -} zoom, {@code 0} fits,
 * Ctrl+arrows pan. Plain and Shift+arrows are left alone: they step the simulation.
 */
final class HeatmapInput {
    private static final double DRAG_THRESHOLD = 3;
    private final HeatmapView view;
    private final HeatmapSkin skin;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragging;

    HeatmapInput(HeatmapView view, HeatmapSkin skin) {
        this.view = view;
        this.skin = skin;
    }

    void install() {
        view.addEventHandler(ScrollEvent.SCROLL, this::scroll);
        view.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        view.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        view.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        view.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY()));
        view.addEventHandler(MouseEvent.MOUSE_EXITED, e -> skin.showHover(null, 0, 0));
        view.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    }

    private void scroll(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            view.setViewport(view.getViewport().zoomAt(Math.pow(1.0025, e.getDeltaY()), e.getX(), e.getY()));
            hover(e.getX(), e.getY());
        }
        e.consume();
    }

    private void pressed(MouseEvent e) {
        view.requestFocus();
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        dragging = false;
    }

    private void dragged(MouseEvent e) {
        if (!dragging && Math.hypot(e.getX() - pressX, e.getY() - pressY) > DRAG_THRESHOLD) {
            dragging = true;
        }
        if (dragging) {
            view.setViewport(view.getViewport().panBy(e.getX() - lastX, e.getY() - lastY));
            lastX = e.getX();
            lastY = e.getY();
        }
    }

    private void released(MouseEvent e) {
        if (dragging || e.getButton() != MouseButton.PRIMARY) {
            dragging = false;
            return;
        }
        if (e.getClickCount() == 2) {
            view.setViewport(view.getViewport().zoomAt(2, e.getX(), e.getY()));
            return;
        }
        PeLocation pe = peAt(e.getX(), e.getY());
        if (pe != null) {
            view.setSelected(pe);
        }
    }

    private void hover(double x, double y) {
        skin.showHover(peAt(x, y), x, y);
    }

    private PeLocation peAt(double x, double y) {
        Viewport v = view.getViewport();
        int col = v.columnAt(x);
        int row = v.rowAt(y);
        return col < 0 || row < 0 ? null : new PeLocation(col, row);
    }

    private void key(KeyEvent e) {
        Viewport v = view.getViewport();
        double stepX = v.viewWidth() * 0.15;
        double stepY = v.viewHeight() * 0.15;
        boolean pan = e.isShortcutDown() || e.isControlDown();
        Viewport next = switch (e.getCode()) {
            case PLUS, ADD, EQUALS -> pan ? null : v.zoom(1.25);
            case MINUS, SUBTRACT -> pan ? null : v.zoom(0.8);
            case DIGIT0, NUMPAD0 -> pan ? null : Viewport.fit(v.fabricWidth(), v.fabricHeight(), v.viewWidth(),
                    v.viewHeight());
            case LEFT -> pan ? v.panBy(stepX, 0) : null;
            case RIGHT -> pan ? v.panBy(-stepX, 0) : null;
            case UP -> pan ? v.panBy(0, stepY) : null;
            case DOWN -> pan ? v.panBy(0, -stepY) : null;
            default -> null;
        };
        if (next != null) {
            view.setViewport(next);
            e.consume();
        }
    }
}
