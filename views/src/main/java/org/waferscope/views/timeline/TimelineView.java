package org.waferscope.views.timeline;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import org.waferscope.engine.api.TimelinePoint;
import org.waferscope.views.Paintable;

/**
 * Plots the run's recorded timeline: utilization and stalls (0–100 % of the PEs with a
 * program) and wavelets crossing links per cycle (scaled to their own maximum), from
 * cycle 0 to now. An optional second run ({@link #overlayProperty()}) is drawn dashed on
 * the same axes, for comparing runs. Repaints only in {@link #paintIfDirty()}. FX thread only.
 */
public class TimelineView extends Control implements Paintable {
    private final ObjectProperty<List<TimelinePoint>> points = new SimpleObjectProperty<>(this, "points", List.of());
    private final ObjectProperty<List<TimelinePoint>> overlay = new SimpleObjectProperty<>(this, "overlay", List.of());
    private boolean dirty = true;

    public TimelineView() {
        getStyleClass().add("timeline-view");
        points.addListener((o, a, b) -> dirty = true);
        overlay.addListener((o, a, b) -> dirty = true);
        widthProperty().addListener((o, a, b) -> dirty = true);
        heightProperty().addListener((o, a, b) -> dirty = true);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new TimelineSkin(this);
    }

    @Override
    public void paintIfDirty() {
        if (dirty && getSkin() instanceof TimelineSkin skin) {
            dirty = false;
            skin.paint();
        }
    }

    public ObjectProperty<List<TimelinePoint>> pointsProperty() {
        return points;
    }

    /** A second run's timeline drawn dashed over the first (empty: none). */
    public ObjectProperty<List<TimelinePoint>> overlayProperty() {
        return overlay;
    }

    /** Sets the buckets, ignoring an identical list (the same frame's timeline). */
    public void setPoints(List<TimelinePoint> p) {
        if (p != points.get()) {
            points.set(p);
        }
    }
}
