package org.waferscope.views.layers;

import javafx.beans.binding.Bindings;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import org.waferscope.views.palette.Palette;

/** The palette choice; hidden for categorical layers, whose colours are fixed. */
public class PaletteChooser extends ComboBox<Palette> {
    public PaletteChooser(LayerChooserModel model) {
        setId("palette");
        getStyleClass().add("palette-chooser");
        getItems().setAll(Palette.values());
        setCellFactory(v -> new PaletteCell());
        setButtonCell(new PaletteCell());
        valueProperty().bindBidirectional(model.paletteProperty());
        setFocusTraversable(false);
        // a crowded footer (the value layer's choosers beside it) must not squeeze the name away
        setMinWidth(USE_PREF_SIZE);
        setTooltip(new Tooltip("Colour palette (colour-blind safe)"));
        // Categorical layers have fixed colours, so the choice is not offered for them.
        visibleProperty().bind(Bindings.createBooleanBinding(() -> !model.layerProperty().get().categorical,
                model.layerProperty()));
        managedProperty().bind(visibleProperty());
    }

    /**
     * While {@code signed} holds, the map shows values below zero on the blue–red scale centred
     * on zero, whatever the palette: the chooser says so and is disabled, instead of naming a
     * palette that is not on show.
     */
    public void followSignedScale(javafx.beans.value.ObservableBooleanValue signed) {
        disableProperty().bind(signed);
        Runnable show = () -> {
            setButtonCell(signed.get() ? new SignedCell() : new PaletteCell());
            getTooltip().setText(signed.get() ? "Values below zero: a blue–red scale centred on zero (the palette "
                    + "applies when no value is negative)" : "Colour palette (colour-blind safe)");
        };
        signed.addListener((o, a, b) -> show.run());
        show.run();
    }

    private static class PaletteCell extends ListCell<Palette> {
        @Override
        protected void updateItem(Palette p, boolean empty) {
            super.updateItem(p, empty);
            setText(empty || p == null ? null : text(p));
        }

        String text(Palette p) {
            return p.title;
        }
    }

    private static final class SignedCell extends PaletteCell {
        @Override
        String text(Palette p) {
            return "Blue–red (signed)";
        }
    }
}
