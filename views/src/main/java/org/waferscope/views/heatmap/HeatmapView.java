package org.waferscope.views.heatmap;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.image.Image;
import org.waferscope.engine.api.CoreSnapshot;
import org.waferscope.engine.api.Frame;
import org.waferscope.views.Paintable;
import org.waferscope.views.palette.Palette;

/**
 * The fabric view: one heatmap layer of a frame, zoomable and pannable, with a hover label,
 * a selected PE and, zoomed in, each PE's ports, links and queues. Setting a property only
 * marks the view dirty; pixels are produced in {@link #paintIfDirty()}, which the app's
 * frame pump calls once per pulse. FX thread only.
 */
public class HeatmapView extends Control implements Paintable {
    /** From this many pixels per PE, each PE shows ports, links, queues and buffered wavelets. */
    public static final double DETAIL_SCALE = 40;
    /** From this many pixels per PE, lines separate the PEs. */
    public static final double GRID_SCALE = 6;
    /** From this many pixels per PE, the value layer shows each PE's whole array (when the frame carries it). */
    public static final double TILE_SCALE = 10;

    private final ObjectProperty<Frame> frame = new SimpleObjectProperty<>(this, "frame", Frame.empty());
    private final ObjectProperty<Palette> palette = new SimpleObjectProperty<>(this, "palette", Palette.VIRIDIS);
    private final ObjectProperty<Viewport> viewport = new SimpleObjectProperty<>(this, "viewport",
            Viewport.fit(1, 1, 1, 1));
    private final ObjectProperty<PeLocation> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<PeLocation> hovered = new ReadOnlyObjectWrapper<>(this, "hovered");
    private final ObjectProperty<List<CoreSnapshot>> details = new SimpleObjectProperty<>(this, "details",
            List.of());
    private final ReadOnlyLongWrapper imageVersion = new ReadOnlyLongWrapper(this, "imageVersion");
    private final javafx.beans.property.BooleanProperty fitToData =
            new javafx.beans.property.SimpleBooleanProperty(this, "fitToData", true);
    private final javafx.beans.property.ReadOnlyDoubleWrapper scaleLow =
            new javafx.beans.property.ReadOnlyDoubleWrapper(this, "scaleLow", 0);
    private final javafx.beans.property.ReadOnlyDoubleWrapper scaleHigh =
            new javafx.beans.property.ReadOnlyDoubleWrapper(this, "scaleHigh", 1);
    /** The UI scale, which the PE coordinate labels follow (1 = the base size). */
    private final javafx.beans.property.DoubleProperty textScale =
            new javafx.beans.property.SimpleDoubleProperty(this, "textScale", 1);
    private final javafx.beans.property.ReadOnlyBooleanWrapper diverging =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "diverging", false);
    private final javafx.beans.property.BooleanProperty signed =
            new javafx.beans.property.SimpleBooleanProperty(this, "signed", false);
    private final javafx.beans.property.BooleanProperty tilesAsRows =
            new javafx.beans.property.SimpleBooleanProperty(this, "tilesAsRows", false);
    private final javafx.beans.property.BooleanProperty tilesHalo =
            new javafx.beans.property.SimpleBooleanProperty(this, "tilesHalo", false);
    private final HeatmapImage image = new HeatmapImage();
    private boolean imageDirty = true;
    private boolean viewDirty = true;

    public HeatmapView() {
        getStyleClass().add("heatmap-view");
        setFocusTraversable(true);
        frame.addListener((o, a, b) -> imageDirty = true);
        palette.addListener((o, a, b) -> imageDirty = true);
        fitToData.addListener((o, a, b) -> imageDirty = true);
        tilesAsRows.addListener((o, a, b) -> imageDirty = true);
        signed.addListener((o, a, b) -> imageDirty = true);
        tilesHalo.addListener((o, a, b) -> imageDirty = true);
        viewport.addListener((o, a, b) -> viewDirty = true);
        selected.addListener((o, a, b) -> viewDirty = true);
        hovered.addListener((o, a, b) -> viewDirty = true);
        details.addListener((o, a, b) -> viewDirty = true);
        textScale.addListener((o, a, b) -> viewDirty = true);
    }

    public javafx.beans.property.DoubleProperty textScaleProperty() {
        return textScale;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new HeatmapSkin(this);
    }

    @Override
    public void paintIfDirty() {
        if (imageDirty) {
            image.raster().setSigned(signed.get());
            image.update(getFrame(), getPalette().lut(), fitToData.get(), tilesAsRows.get(), tilesHalo.get());
            scaleLow.set(image.raster().low());
            scaleHigh.set(image.raster().high());
            diverging.set(image.raster().diverging());
            imageVersion.set(imageVersion.get() + 1);
            imageDirty = false;
            viewDirty = true;
        }
        if (viewDirty && getSkin() instanceof HeatmapSkin skin) {
            viewDirty = false;
            skin.paint();
        }
    }

    /** Asks for a repaint on the next pulse (e.g. after a resize or a theme change). */
    public void markDirty() {
        viewDirty = true;
    }

    /** Zooms so the whole fabric is in view. */
    public void fitToView() {
        Viewport v = getViewport();
        setViewport(Viewport.fit(v.fabricWidth(), v.fabricHeight(), v.viewWidth(), v.viewHeight()));
    }

    /** The colour a PE shows, as last painted (for tests and exports). */
    public int argbAt(int x, int y) {
        return image.argbAt(x, y);
    }

    /** The one-pixel-per-PE image, or null before the first paint; shared with the minimap. */
    public Image fabricImage() {
        return image.image();
    }

    /** When set, a measurement layer's colours span its values present rather than the frame's full range. */
    public javafx.beans.property.BooleanProperty fitToDataProperty() {
        return fitToData;
    }

    /** The value shown in the palette's lowest colour, as last painted. */
    public javafx.beans.property.ReadOnlyDoubleProperty scaleLowProperty() {
        return scaleLow.getReadOnlyProperty();
    }

    /** The value shown in the palette's highest colour, as last painted. */
    public javafx.beans.property.ReadOnlyDoubleProperty scaleHighProperty() {
        return scaleHigh.getReadOnlyProperty();
    }

    /** Zoomed-in value tiles draw a 1-D array as one row per PE (an image row) instead of a square. */
    public javafx.beans.property.BooleanProperty tilesAsRowsProperty() {
        return tilesAsRows;
    }

    /** Zoomed-in value tiles are a tile inside a one-cell halo: its corners, no data of the program, drawn as no value. */
    public javafx.beans.property.BooleanProperty tilesHaloProperty() {
        return tilesHalo;
    }

    /**
     * The frame's values are differences (a comparison's B - A): every measurement layer is drawn
     * on the blue–red scale centred on zero, not on the palette.
     */
    public javafx.beans.property.BooleanProperty signedProperty() {
        return signed;
    }

    /** True when the last paint used the diverging palette (signed program values, or {@link #signedProperty()}). */
    public javafx.beans.property.ReadOnlyBooleanProperty divergingProperty() {
        return diverging.getReadOnlyProperty();
    }

    /** The value layer's per-element image of the zoomed-in PEs, or null; and where it lies. */
    Image tileImage() {
        return image.tileImage();
    }

    TileRaster tileRaster() {
        return image.tiles();
    }

    /** The colour element {@code i} of PE (x, y) shows in the value layer's tiles, as last painted, or 0. */
    public int tileArgbAt(int x, int y, int i) {
        TileRaster t = image.tiles();
        org.waferscope.engine.api.ValueQuery.Window w = t.window();
        if (image.tileImage() == null || w == null || x < w.x() || y < w.y() || x >= w.x() + w.width()
                || y >= w.y() + w.height()) {
            return 0;
        }
        int c = i % t.shape().columns();
        int r = i / t.shape().columns();
        return t.pixels()[((y - w.y()) * t.shape().rows() + r) * t.width() + (x - w.x()) * t.shape().columns() + c];
    }

    public ReadOnlyLongProperty imageVersionProperty() {
        return imageVersion.getReadOnlyProperty();
    }

    public ObjectProperty<Frame> frameProperty() {
        return frame;
    }

    public Frame getFrame() {
        return frame.get();
    }

    public void setFrame(Frame f) {
        frame.set(f);
    }

    public ObjectProperty<Palette> paletteProperty() {
        return palette;
    }

    public Palette getPalette() {
        return palette.get();
    }

    public void setPalette(Palette p) {
        palette.set(p);
    }

    public ObjectProperty<Viewport> viewportProperty() {
        return viewport;
    }

    public Viewport getViewport() {
        return viewport.get();
    }

    public void setViewport(Viewport v) {
        viewport.set(v);
    }

    public ObjectProperty<PeLocation> selectedProperty() {
        return selected;
    }

    public PeLocation getSelected() {
        return selected.get();
    }

    public void setSelected(PeLocation pe) {
        selected.set(pe);
    }

    public ReadOnlyObjectProperty<PeLocation> hoveredProperty() {
        return hovered.getReadOnlyProperty();
    }

    public PeLocation getHovered() {
        return hovered.get();
    }

    public List<CoreSnapshot> getDetails() {
        return details.get();
    }

    void setHovered(PeLocation pe) {
        hovered.set(pe);
    }

    /** Core snapshots of PEs in view, drawn when zoomed in far enough; may be empty. */
    public ObjectProperty<List<CoreSnapshot>> detailsProperty() {
        return details;
    }

    public void setDetails(List<CoreSnapshot> snapshots) {
        details.set(List.copyOf(snapshots));
    }
}
