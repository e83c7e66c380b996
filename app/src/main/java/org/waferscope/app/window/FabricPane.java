package org.waferscope.app.window;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.NotificationPane;
import org.waferscope.app.session.DetailSampler;
import org.waferscope.app.session.SimulationSession;
import org.waferscope.engine.api.Frame;
import org.waferscope.views.heatmap.HeatmapView;
import org.waferscope.views.heatmap.MinimapView;
import org.waferscope.views.layers.LayerChooserView;
import org.waferscope.views.layers.PaletteChooser;
import org.waferscope.views.layers.RouteColorChooser;
import org.waferscope.views.legend.LegendView;

/**
 * The centre of the window: program title and layer chooser above the heatmap (with the
 * minimap in its corner when part of the fabric is out of view), the legend below.
 */
final class FabricPane extends BorderPane {
    final HeatmapView heatmap = new HeatmapView();
    final MinimapView minimap = new MinimapView(heatmap);
    private final LegendView legend = new LegendView();
    private final Label title = new Label("No program");

    FabricPane(SimulationSession session) {
        new DetailSampler(session, heatmap);
        getStyleClass().add("fabric-pane");
        heatmap.setId("heatmap");
        heatmap.paletteProperty().bind(session.layers().paletteProperty());
        legend.paletteProperty().bind(session.layers().paletteProperty());
        legend.divergingProperty().bind(heatmap.divergingProperty());
        heatmap.tilesAsRowsProperty().bind(session.layers().tilesAsRowsProperty());
        heatmap.tilesHaloProperty().bind(session.layers().tilesHaloProperty());
        new org.waferscope.app.session.ValueTileWindow(session.layers(), heatmap);
        heatmap.selectedProperty().bindBidirectional(session.layers().selectedProperty());
        session.frameProperty().addListener((o, a, f) -> show(f));
        // a full wafer takes seconds to load: say so, rather than "No program" beside an empty fabric
        title.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> session.programProperty().get() != null ? session.programProperty().get().title()
                        : session.loadingProperty().get().isEmpty() ? "No program"
                        : "Loading " + session.loadingProperty().get() + " …",
                session.programProperty(), session.loadingProperty()));

        title.getStyleClass().add("fabric-title");
        title.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        LayerChooserView chooser = new LayerChooserView(session.layers());
        HBox header = new HBox(10, title, spacer, chooser);
        Runnable fitHeader = () -> {
            double w = header.getWidth();
            // the title keeps up to a third of the header at any UI scale, the chooser the rest
            title.setMinWidth(Math.min(title.prefWidth(-1), w / 3));
            chooser.setCompact(w < chooser.fullWidth() + title.getMinWidth() + 40);
        };
        header.widthProperty().addListener((o, a, w) -> fitHeader.run());
        // a new UI scale changes the fonts, not the header's width
        title.fontProperty().addListener((o, a, f) -> javafx.application.Platform.runLater(fitHeader));
        // later, not now: the label measures its old text until its skin has seen the new one
        // (a new program's title was fitted as "No program", shown as "Broadcast..." beside a full chooser)
        title.textProperty().addListener((o, a, t) -> javafx.application.Platform.runLater(fitHeader));
        header.setMinWidth(0);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("fabric-header");

        minimap.visibleProperty().bind(minimap.neededProperty());
        StackPane.setAlignment(minimap, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(minimap, new Insets(10));
        Label empty = new Label();
        empty.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> session.loadingProperty().get().isEmpty()
                        ? "Open a program folder (Ctrl+O) or pick a sample from the gallery."
                        : "Loading " + session.loadingProperty().get() + " …  (a full wafer takes a few seconds)",
                session.loadingProperty()));
        empty.getStyleClass().add("fabric-empty");
        empty.setMouseTransparent(true);
        empty.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> session.frameProperty().get().state() == org.waferscope.engine.api.SimState.EMPTY,
                session.frameProperty()));
        StackPane centre = new StackPane(heatmap, new WaitOverlay(heatmap, session.waits()), minimap, empty);
        centre.setMinSize(100, 100);

        // no program, no scale: an empty fabric's legend read "0 … 1 % busy"
        legend.visibleProperty().bind(empty.visibleProperty().not());
        HBox.setHgrow(legend, Priority.ALWAYS);
        legend.setMaxWidth(Double.MAX_VALUE);
        // The legend shows the range the heatmap actually painted (fitted to the data or not).
        legend.minProperty().bind(heatmap.scaleLowProperty());
        legend.maxProperty().bind(heatmap.scaleHighProperty());
        javafx.scene.control.ToggleButton fit = footerToggle("fit-to-data", "Fit to data",
                "Spread the colours over the values present, not the layer's full range");
        fit.selectedProperty().bindBidirectional(heatmap.fitToDataProperty());
        fit.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !session.layers().layerProperty().get().categorical
                        && session.layers().layerProperty().get() != org.waferscope.engine.api.MetricLayer.VALUE,
                session.layers().layerProperty()));
        fit.managedProperty().bind(fit.visibleProperty());
        javafx.scene.control.ToggleButton whole = footerToggle("whole-run", "Whole run",
                "Measure since cycle 0 instead of since the previous frame: see where the whole run spent its time");
        whole.selectedProperty().bindBidirectional(session.layers().wholeRunProperty());
        whole.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                session.layers()::isRateLayer, session.layers().layerProperty()));
        whole.managedProperty().bind(whole.visibleProperty());
        PaletteChooser palette = new PaletteChooser(session.layers());
        palette.followSignedScale(heatmap.divergingProperty());
        HBox footer = new HBox(12, legend, whole, fit, palette,
                new RouteColorChooser(session.layers()), new org.waferscope.views.layers.ValueChooser(session.layers()));
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.getStyleClass().add("fabric-footer");
        setTop(header);
        // Load errors also appear over the fabric, so a failed open is noticed at once.
        NotificationPane notes = new NotificationPane(new EarlierBreakpointsBar(centre, session.breakpoints()));
        notes.setId("load-error");
        notes.getStyleClass().add(NotificationPane.STYLE_CLASS_DARK);
        notes.setShowFromTop(true);
        // a long error (heat-diffusion with width 0) ended in "…" at 1280 wide, its place cut with it
        WholeNotificationText.install(notes, "load-error-text");
        session.loadErrorProperty().addListener((o, a, msg) -> {
            if (msg.isEmpty()) {
                notes.hide();
            } else {
                notes.show(msg, new org.kordamp.ikonli.javafx.FontIcon("mdi2a-alert-octagon-outline"));
            }
        });
        setCenter(notes);
        setBottom(footer);
    }

    private void show(Frame f) {
        heatmap.setFrame(f);
        legend.show(f);
    }

    /** A toggle beside the legend: never takes the focus, never squeezed below its text. */
    private static javafx.scene.control.ToggleButton footerToggle(String id, String text, String tooltip) {
        javafx.scene.control.ToggleButton b = new javafx.scene.control.ToggleButton(text);
        b.setId(id);
        b.setFocusTraversable(false);
        b.setMinWidth(javafx.scene.control.ToggleButton.USE_PREF_SIZE);
        b.setTooltip(new javafx.scene.control.Tooltip(tooltip));
        return b;
    }
}
