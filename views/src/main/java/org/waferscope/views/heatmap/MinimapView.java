package org.waferscope.views.heatmap;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import org.waferscope.views.Paintable;

/**
 * A small overview of the whole fabric with the main view's viewport as a rectangle;
 * clicking or dragging in it moves the main view. It is {@linkplain #neededProperty()
 * needed} only while part of the fabric is out of view. FX thread only.
 */
public class MinimapView extends Control implements Paintable {
    private final HeatmapView source;
    private final ReadOnlyBooleanWrapper needed = new ReadOnlyBooleanWrapper(this, "needed");
    private boolean dirty = true;

    public MinimapView(HeatmapView source) {
        this.source = source;
        getStyleClass().add("minimap-view");
        source.imageVersionProperty().addListener((o, a, b) -> dirty = true);
        source.viewportProperty().addListener((o, a, v) -> {
            dirty = true;
            needed.set(!v.showsAll());
        });
    }

    public HeatmapView source() {
        return source;
    }

    public ReadOnlyBooleanProperty neededProperty() {
        return needed.getReadOnlyProperty();
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new MinimapSkin(this);
    }

    void markDirty() {
        dirty = true;
    }

    @Override
    public void paintIfDirty() {
        if (dirty && isVisible() && getSkin() instanceof MinimapSkin skin) {
            dirty = false;
            skin.paint();
        }
    }
}
