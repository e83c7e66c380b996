package org.waferscope.views.layers;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.api.FrameRequest;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.engine.api.ValueQuery;
import org.waferscope.engine.api.ValueSymbol;
import org.waferscope.views.heatmap.PeLocation;
import org.waferscope.views.palette.Palette;

/**
 * Which layer the heatmap shows (for the route layer which color, for the value layer which
 * program variable), the palette, and
 * the selected PE the timeline follows. Together they make the {@link FrameRequest} the
 * engine is sent whenever one of them changes. Holds no Node. FX thread only.
 */
public final class LayerChooserModel {
    /** Routable colors on both profiles (WAFER-MODEL.md: 24 colors, 0–23). */
    public static final int COLORS = 24;

    private final Consumer<Command> commands;
    private final ObjectProperty<MetricLayer> layer = new SimpleObjectProperty<>(this, "layer", MetricLayer.UTILIZATION);
    private final IntegerProperty routeColor = new SimpleIntegerProperty(this, "routeColor", 0);
    private final ObjectProperty<Palette> palette = new SimpleObjectProperty<>(this, "palette", Palette.VIRIDIS);
    private final ObjectProperty<PeLocation> selected = new SimpleObjectProperty<>(this, "selected");
    private final javafx.beans.property.BooleanProperty wholeRun =
            new javafx.beans.property.SimpleBooleanProperty(this, "wholeRun", false);
    private final javafx.collections.ObservableList<ValueSymbol> symbols =
            javafx.collections.FXCollections.observableArrayList();
    private final ObjectProperty<ValueQuery> value = new SimpleObjectProperty<>(this, "value");
    private final javafx.beans.property.BooleanProperty tilesAsRows =
            new javafx.beans.property.SimpleBooleanProperty(this, "tilesAsRows", false);
    private final javafx.beans.property.BooleanProperty tilesHalo =
            new javafx.beans.property.SimpleBooleanProperty(this, "tilesHalo", false);
    private final ObjectProperty<ValueQuery.Window> valueTiles = new SimpleObjectProperty<>(this, "valueTiles");
    private final ReadOnlyObjectWrapper<FrameRequest> request = new ReadOnlyObjectWrapper<>(this, "request",
            FrameRequest.DEFAULT);
    private final BooleanBinding routeColorUsed = Bindings.createBooleanBinding(
            () -> layer.get() == MetricLayer.ROUTE, layer);

    public LayerChooserModel(Consumer<Command> commands) {
        this.commands = commands;
        layer.addListener((o, a, b) -> update());
        routeColor.addListener((o, a, b) -> update());
        selected.addListener((o, a, b) -> update());
        wholeRun.addListener((o, a, b) -> update());
        value.addListener((o, a, b) -> update());
        // a halo is a fact of one array (heat-diffusion's T), not of the next one picked
        value.addListener((o, a, b) -> {
            if (a == null || b == null || !a.symbol().equals(b.symbol())) {
                tilesHalo.set(false);
            }
        });
        valueTiles.addListener((o, a, b) -> update());
        // The value layer with nothing chosen yet shows the program's first variable.
        layer.addListener((o, a, l) -> {
            if (l == MetricLayer.VALUE && value.get() == null && !symbols.isEmpty()) {
                value.set(ValueQuery.of(symbols.get(0).name()));
            }
        });
    }

    private void update() {
        int c = Math.max(0, Math.min(COLORS - 1, routeColor.get()));
        PeLocation pe = selected.get();
        ValueQuery q = value.get();
        // Zoomed in, a PE shows its whole array only when the whole array is asked for: one element, or a
        // sum or max of them, is one number per PE, the number the legend's scale is made for.
        boolean wholeArrays = layer.get() == MetricLayer.VALUE && q != null && q.reduce() == ValueQuery.Reduce.ARRAY;
        FrameRequest r = new FrameRequest(layer.get(), c, pe == null ? -1 : pe.x(), pe == null ? -1 : pe.y(),
                wholeRun.get(), q == null ? null : q.withTiles(wholeArrays ? valueTiles.get() : null));
        if (!r.equals(request.get())) {
            request.set(r);
            commands.accept(new Command.Request(r));
        }
    }

    /** Sends the current request again (after a load, so the new program's frames carry the layer). */
    public void resend() {
        commands.accept(new Command.Request(request.get()));
    }

    public List<MetricLayer> layers() {
        return List.of(MetricLayer.values());
    }

    public ObjectProperty<MetricLayer> layerProperty() {
        return layer;
    }

    public IntegerProperty routeColorProperty() {
        return routeColor;
    }

    public ObjectProperty<Palette> paletteProperty() {
        return palette;
    }

    /** Rate layers measured over the whole run since cycle 0, instead of since the last frame. */
    public javafx.beans.property.BooleanProperty wholeRunProperty() {
        return wholeRun;
    }

    /** Whether the shown layer is a rate, for which "whole run" means something. */
    public boolean isRateLayer() {
        MetricLayer l = layer.get();
        return l == MetricLayer.UTILIZATION || l == MetricLayer.TRAFFIC || l == MetricLayer.BACKPRESSURE;
    }

    /** The program's globals the value layer can show (set by the app on every load). */
    public javafx.collections.ObservableList<ValueSymbol> symbols() {
        return symbols;
    }

    /**
     * Replaces the program's globals; a chosen variable the new program lacks is dropped
     * (the first of the new ones takes its place if the value layer is on show).
     */
    public void setSymbols(List<ValueSymbol> list) {
        symbols.setAll(list);
        ValueQuery q = value.get();
        if (q != null && list.stream().noneMatch(v -> v.name().equals(q.symbol()))) {
            value.set(layer.get() == MetricLayer.VALUE && !list.isEmpty() ? ValueQuery.of(list.get(0).name()) : null);
        }
    }

    /** The variable the value layer shows, and how (tiles are set apart, by {@link #valueTilesProperty()}). */
    public ObjectProperty<ValueQuery> valueProperty() {
        return value;
    }

    /** The PEs zoomed in far enough to show their whole arrays, or null. */
    public ObjectProperty<ValueQuery.Window> valueTilesProperty() {
        return valueTiles;
    }

    /** Whether zoomed-in value tiles draw 1-D arrays as rows (a view choice; the engine is not told). */
    public javafx.beans.property.BooleanProperty tilesAsRowsProperty() {
        return tilesAsRows;
    }

    /**
     * Whether the value's tiles are a tile inside a one-cell halo whose corners are no data
     * ({@code value:T@halo}); set after the value, since a new variable clears it.
     */
    public javafx.beans.property.BooleanProperty tilesHaloProperty() {
        return tilesHalo;
    }

    /** Shows the value layer with {@code q} (a lesson's watch, the command line's {@code --layer value:...}). */
    public void showValue(ValueQuery q) {
        value.set(q);
        layer.set(MetricLayer.VALUE);
    }

    public ObjectProperty<PeLocation> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<FrameRequest> requestProperty() {
        return request.getReadOnlyProperty();
    }

    /** True when the layer shown uses the route color. */
    public BooleanBinding routeColorUsedProperty() {
        return routeColorUsed;
    }
}
