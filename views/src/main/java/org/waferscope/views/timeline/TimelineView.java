package org.waferscope.views.timeline;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import org.waferscope.engine.api.TimelinePoint;
import org.waferscope.views.Paintable;

/**
 * Plots the frame's recent timeline: utilization (0–100 %), wavelets in flight (scaled to
 * their own maximum) and the selected PE's busy fraction. Repaints only in
 * {@link #paintIfDirty()}. FX thread only.
 */
public class TimelineView extends Control implements Paintable {
    private final ObjectProperty<List<TimelinePoint>> points = new SimpleObjectProperty<>(this, "points", List.of());
    private boolean dirty = true;

    public TimelineView() {
        getStyleClass().add("timeline-view");
        points.addListener((o, a, b) -> dirty = true);
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

    /** Sets the samples, ignoring an identical list (the same frame's timeline). */
    public void setPoints(List<TimelinePoint> p) {
        if (p != points.get()) {
            points.set(p);
        }
    }
}
