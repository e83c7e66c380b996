package org.waferscope.views.timeline;

import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Control;
import javafx.scene.control.SkinBase;

/**
 * What both timelines are made of: a header (a key or a note, one line or more) over a canvas that
 * fills the rest and is drawn in code. The canvas is unmanaged and resized only here, so
 * drawing stays in the control's paint step.
 */
abstract class HeaderedCanvasSkin<C extends Control, H extends Node> extends SkinBase<C> {
    static final double HEADER_HEIGHT = 22;

    final Canvas canvas = new Canvas();
    final H header;

    HeaderedCanvasSkin(C control, H header) {
        super(control);
        this.header = header;
        canvas.setManaged(false);
        getChildren().addAll(header, canvas);
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
        // a key that wraps on a narrow window takes the lines it needs from the canvas
        double hh = Math.min(h / 2, Math.max(HEADER_HEIGHT, Math.ceil(header.prefHeight(w))));
        header.resizeRelocate(x, y, w, hh);
        double ch = Math.max(1, h - hh);
        if (canvas.getWidth() != w || canvas.getHeight() != ch) {
            canvas.setWidth(w);
            canvas.setHeight(ch);
        }
        canvas.relocate(x, y + hh);
    }
}
