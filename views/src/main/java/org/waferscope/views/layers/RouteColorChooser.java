package org.waferscope.views.layers;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/** Which color the route layer shows (0–23); shown only for that layer. */
public class RouteColorChooser extends HBox {
    public RouteColorChooser(LayerChooserModel model) {
        super(6);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("route-color-chooser");
        Spinner<Integer> color = new Spinner<>(0, LayerChooserModel.COLORS - 1, model.routeColorProperty().get());
        color.setId("route-color");
        color.setPrefWidth(72);
        color.setEditable(true);
        color.setTooltip(new Tooltip("The color whose routes are shown (0–23)"));
        color.getValueFactory().valueProperty().addListener((o, a, v) -> model.routeColorProperty().set(v));
        model.routeColorProperty().addListener((o, a, v) -> color.getValueFactory().setValue(v.intValue()));
        Label label = new Label("color");
        label.setMinWidth(Label.USE_PREF_SIZE);
        getChildren().addAll(label, color);
        visibleProperty().bind(model.routeColorUsedProperty());
        managedProperty().bind(visibleProperty());
    }
}
