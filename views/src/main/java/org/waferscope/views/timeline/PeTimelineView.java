package org.waferscope.views.timeline;

import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import org.waferscope.engine.api.PeTrack;
import org.waferscope.views.Paintable;

/**
 * The per-PE timeline: one row per PE, cycles across. Each row shows the PE's task slices
 * (one hue per task), its stalls (a band over the slice: waiting for input, or for room to
 * send), and ticks where wavelets left (above) and arrived (below) over its links. The row
 * of {@link #highlightProperty()} is marked. Repaints only in {@link #paintIfDirty()}.
 * FX thread only.
 */
public class PeTimelineView extends Control implements Paintable {
    private final ObjectProperty<List<PeTrack>> tracks = new SimpleObjectProperty<>(this, "tracks", List.of());
    private final IntegerProperty highlight = new SimpleIntegerProperty(this, "highlight", -1);
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private boolean dirty = true;

    public PeTimelineView() {
        getStyleClass().add("pe-timeline-view");
        tracks.addListener((o, a, b) -> dirty = true);
        highlight.addListener((o, a, b) -> dirty = true);
        note.addListener((o, a, b) -> dirty = true);
        widthProperty().addListener((o, a, b) -> dirty = true);
        heightProperty().addListener((o, a, b) -> dirty = true);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new PeTimelineSkin(this);
    }

    @Override
    public void paintIfDirty() {
        if (dirty && getSkin() instanceof PeTimelineSkin skin) {
            dirty = false;
            skin.paint();
        }
    }

    /** Marks the view for repainting on the next pulse (e.g. after the hover moved). */
    void markDirty() {
        dirty = true;
    }

    public ObjectProperty<List<PeTrack>> tracksProperty() {
        return tracks;
    }

    /** Index into the tracks of the row to mark (the selected PE), or -1. */
    public IntegerProperty highlightProperty() {
        return highlight;
    }

    /** A line above the rows: what is shown, or why nothing is (e.g. "replaying to cycle 1,800 …"). */
    public StringProperty noteProperty() {
        return note;
    }
}
