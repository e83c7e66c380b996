package org.waferscope.views.legend;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import java.util.ArrayList;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.views.heatmap.ValueText;
import org.waferscope.views.palette.CategoricalColors;
import org.waferscope.views.palette.CategoricalColors.Swatch;
import org.waferscope.views.palette.Palette;

/** A title, then either "min [gradient] max unit" or a row of swatches. */
final class LegendSkin extends SkinBase<LegendView> {
    private final javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(8, 2);
    private final Label title = new Label();
    private final Label minLabel = new Label();
    private final Label maxLabel = new Label();
    /** A region, not a shape: on a narrow footer the bar gives way before the choosers beside it. */
    private final javafx.scene.layout.Region gradient = new javafx.scene.layout.Region();
    /** The scale's ends stay beside its bar: wrapped apart, the top value read as the bottom one. */
    private final javafx.scene.layout.HBox scale = new javafx.scene.layout.HBox(8);

    LegendSkin(LegendView view) {
        super(view);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPrefWrapLength(400);
        title.getStyleClass().add("legend-title");
        title.setMinWidth(Label.USE_PREF_SIZE);
        minLabel.setMinWidth(Label.USE_PREF_SIZE);
        maxLabel.setMinWidth(Label.USE_PREF_SIZE);
        minLabel.getStyleClass().add("legend-value");
        maxLabel.getStyleClass().add("legend-value");
        gradient.getStyleClass().add("legend-gradient");
        gradient.setPrefSize(160, 12);
        gradient.setMinSize(40, 12);
        gradient.setMaxHeight(12);
        javafx.scene.layout.HBox.setHgrow(gradient, javafx.scene.layout.Priority.SOMETIMES);
        scale.setAlignment(Pos.CENTER_LEFT);
        scale.getChildren().addAll(minLabel, gradient, maxLabel);
        getChildren().add(row);
        view.layerProperty().addListener((o, a, b) -> rebuild());
        view.paletteProperty().addListener((o, a, b) -> rebuild());
        view.routeColorProperty().addListener((o, a, b) -> rebuild());
        view.valueTitleProperty().addListener((o, a, b) -> rebuild());
        view.divergingProperty().addListener((o, a, b) -> rebuild());
        view.valueUnitProperty().addListener((o, a, b) -> range());
        view.minProperty().addListener((o, a, b) -> range());
        view.maxProperty().addListener((o, a, b) -> range());
        rebuild();
    }

    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        // what the legend had before its scale became one piece: the choosers beside it keep their room
        return left + Math.max(title.prefWidth(-1), 160) + right;
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        // narrower than the scale wants: its bar gives way (a flow lays children at their preferred width)
        double natural = minLabel.prefWidth(-1) + 160 + maxLabel.prefWidth(-1) + 2 * scale.getSpacing();
        double fitted = Math.min(natural, w);
        if (scale.getPrefWidth() != fitted) {
            scale.setPrefWidth(fitted);
        }
        super.layoutChildren(x, y, w, h);
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        // as tall as the key's wrapped lines at this width: at 1280 px "no value" wrapped below the footer's edge
        return top + row.prefHeight(width < 0 ? -1 : Math.max(0, width - left - right)) + bottom;
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return computePrefHeight(width, top, right, bottom, left);
    }

    private void rebuild() {
        LegendView v = getSkinnable();
        MetricLayer layer = v.layerProperty().get();
        title.setText(switch (layer) {
            case ROUTE -> layer.title + " " + v.routeColorProperty().get();
            case VALUE -> v.valueTitleProperty().get();
            default -> layer.title;
        });
        row.getChildren().setAll(title);
        if (layer.categorical) {
            List<Swatch> swatches = layer == MetricLayer.TASK_STATE ? CategoricalColors.taskStateSwatches()
                    : CategoricalColors.routeSwatches();
            for (Swatch s : swatches) {
                row.getChildren().add(swatch(s));
            }
            return;
        }
        boolean diverging = v.divergingProperty().get();
        gradient.setBackground(new javafx.scene.layout.Background(new javafx.scene.layout.BackgroundFill(
                gradientOf(diverging ? org.waferscope.views.palette.DivergingPalette.lut()
                : v.paletteProperty().get().lut()),
                new javafx.scene.layout.CornerRadii(2), javafx.geometry.Insets.EMPTY)));
        row.getChildren().add(scale);
        if (layer == MetricLayer.VALUE) {
            row.getChildren().add(swatch(new Swatch("no value", CategoricalColors.NOTHING)));
        }
        range();
    }

    private void range() {
        LegendView v = getSkinnable();
        MetricLayer layer = v.layerProperty().get();
        minLabel.setText(ValueText.number(v.minProperty().get()));
        String unit = layer == MetricLayer.VALUE ? v.valueUnitProperty().get() : layer.unit;
        maxLabel.setText(ValueText.number(v.maxProperty().get()) + (unit.isEmpty() ? "" : " " + unit));
    }

    /** The palette as a horizontal gradient with a stop every 16 entries (the LUT is linear between anchors). */
    static LinearGradient gradientOf(int[] lut) {
        java.util.List<Stop> stops = new ArrayList<>();
        for (int i = 0; i < lut.length; i += 15) {
            stops.add(new Stop(i / (double) (lut.length - 1), color(lut[i])));
        }
        return new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, stops);
    }

    private static Color color(int argb) {
        return Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF);
    }

    private static Label swatch(Swatch s) {
        Rectangle r = new Rectangle(12, 12, color(s.argb()));
        r.getStyleClass().add("legend-swatch");
        Label l = new Label(s.label(), r);
        l.getStyleClass().add("legend-category");
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }
}
