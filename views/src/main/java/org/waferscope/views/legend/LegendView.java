package org.waferscope.views.legend;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import org.waferscope.engine.api.Frame;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.views.palette.Palette;

/** The scale of the layer on show: gradient and range with units, or category swatches. */
public class LegendView extends Control {
    private final ObjectProperty<MetricLayer> layer = new SimpleObjectProperty<>(this, "layer",
            MetricLayer.UTILIZATION);
    private final ObjectProperty<Palette> palette = new SimpleObjectProperty<>(this, "palette", Palette.VIRIDIS);
    private final DoubleProperty min = new SimpleDoubleProperty(this, "min", 0);
    private final DoubleProperty max = new SimpleDoubleProperty(this, "max", 1);
    private final IntegerProperty routeColor = new SimpleIntegerProperty(this, "routeColor", 0);
    private final javafx.beans.property.StringProperty valueTitle =
            new javafx.beans.property.SimpleStringProperty(this, "valueTitle", "");
    private final javafx.beans.property.StringProperty valueUnit =
            new javafx.beans.property.SimpleStringProperty(this, "valueUnit", "");
    private final javafx.beans.property.BooleanProperty diverging =
            new javafx.beans.property.SimpleBooleanProperty(this, "diverging", false);

    public LegendView() {
        getStyleClass().add("legend-view");
    }

    /** Takes layer, range and route color from a frame (bind min and max instead to show another range). */
    public void show(Frame f) {
        layer.set(f.layer());
        if (!min.isBound()) {
            min.set(f.min());
        }
        if (!max.isBound()) {
            max.set(f.max());
        }
        routeColor.set(f.routeColor());
        org.waferscope.engine.api.ValueSample v = f.value();
        valueTitle.set(v == null ? "Program value: choose a variable" : v.problem().isEmpty() ? v.title() : v.problem());
        valueUnit.set(v == null || v.pes() == 0 ? "" : v.type().cslName());
    }

    /** For the value layer: what is shown ("sum(T) · [36]f32"), or why nothing is. */
    public javafx.beans.property.StringProperty valueTitleProperty() {
        return valueTitle;
    }

    /** For the value layer: the variable's type, shown after the range. */
    public javafx.beans.property.StringProperty valueUnitProperty() {
        return valueUnit;
    }

    /** Whether the scale is the diverging one (signed values; bind to the heatmap's). */
    public javafx.beans.property.BooleanProperty divergingProperty() {
        return diverging;
    }

    @Override
    public javafx.geometry.Orientation getContentBias() {
        // the key wraps on a narrow window, so its height depends on the width it is given
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new LegendSkin(this);
    }

    public ObjectProperty<MetricLayer> layerProperty() {
        return layer;
    }

    public ObjectProperty<Palette> paletteProperty() {
        return palette;
    }

    public DoubleProperty minProperty() {
        return min;
    }

    public DoubleProperty maxProperty() {
        return max;
    }

    public IntegerProperty routeColorProperty() {
        return routeColor;
    }
}
