package org.waferscope.views.layers;

import javafx.geometry.Pos;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.waferscope.engine.api.MetricLayer;

/**
 * A segmented row of layer buttons (keys 1–7 in the app's View menu). Binds to a
 * {@link LayerChooserModel}; the route color has its own {@link RouteColorChooser}.
 */
public class LayerChooserView extends HBox {
    private static final String[] ICONS = {"mdi2c-chip", "mdi2m-memory", "mdi2t-transit-connection-variant",
        "mdi2c-car-brake-alert", "mdi2s-state-machine", "mdi2r-routes", "mdi2v-variable"};
    /**
     * Icons only (names stay in the tooltips) when {@code narrow}, so a small window or a
     * large UI scale never pushes the panes beside the fabric out of the window.
     */
    public void setCompact(boolean narrow) {
        if (narrow == compact) {
            return;
        }
        if (!narrow || fullWidth == 0) {
            fullWidth = prefWidth(-1);
        }
        compact = narrow;
        for (ToggleButton b : layerButtons) {
            b.setContentDisplay(narrow ? javafx.scene.control.ContentDisplay.GRAPHIC_ONLY
                    : javafx.scene.control.ContentDisplay.LEFT);
        }
    }

    /** The width the chooser needs with its names shown. */
    public double fullWidth() {
        return compact ? fullWidth : prefWidth(-1);
    }

    private static final String[] SHORT = {"Utilization", "SRAM", "Traffic", "Back-pressure", "Task state", "Route",
        "Value"};

    private final java.util.List<ToggleButton> layerButtons = new java.util.ArrayList<>();
    private boolean compact;
    private double fullWidth;

    public LayerChooserView(LayerChooserModel model) {
        super(8);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("layer-chooser");
        ToggleGroup group = new ToggleGroup();
        HBox buttons = new HBox(0);
        buttons.getStyleClass().add("segmented");
        for (MetricLayer l : MetricLayer.values()) {
            ToggleButton b = new ToggleButton(SHORT[l.ordinal()], new FontIcon(ICONS[l.ordinal()]));
            b.setId("layer-" + l.name().toLowerCase(java.util.Locale.ROOT));
            b.setUserData(l);
            b.setToggleGroup(group);
            b.setFocusTraversable(false);
            b.setMinWidth(ToggleButton.USE_PREF_SIZE);
            b.setTooltip(new Tooltip(l.title + (l.unit.isEmpty() ? "" : " (" + l.unit + ")") + "  —  key "
                    + (l.ordinal() + 1)));
            b.setSelected(model.layerProperty().get() == l);
            buttons.getChildren().add(b);
            layerButtons.add(b);
        }
        group.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                a.setSelected(true);
            } else {
                model.layerProperty().set((MetricLayer) t.getUserData());
            }
        });
        model.layerProperty().addListener((o, a, l) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == l).findFirst().ifPresent(t -> t.setSelected(true)));

        getChildren().add(buttons);
    }

}
