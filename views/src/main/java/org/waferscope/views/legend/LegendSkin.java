package org.waferscope.views.legend;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.views.heatmap.ValueText;
import org.waferscope.views.palette.CategoricalColors;
import org.waferscope.views.palette.CategoricalColors.Swatch;
import org.waferscope.views.palette.Palette;

/** A title, then either "min [gradient] max unit" or a row of swatches. */
final class LegendSkin extends SkinBase<LegendView> {
    private final HBox row = new HBox(8);
    private final Label title = new Label();
    private final Label minLabel = new Label();
    private final Label maxLabel = new Label();
    private final WritableImage gradient = new WritableImage(Palette.SIZE, 1);
    private final ImageView gradientView = new ImageView(gradient);

    LegendSkin(LegendView view) {
        super(view);
        row.setAlignment(Pos.CENTER_LEFT);
        title.getStyleClass().add("legend-title");
        minLabel.getStyleClass().add("legend-value");
        maxLabel.getStyleClass().add("legend-value");
        gradientView.setFitWidth(220);
        gradientView.setFitHeight(12);
        gradientView.setSmooth(true);
        gradientView.getStyleClass().add("legend-gradient");
        getChildren().add(row);
        view.layerProperty().addListener((o, a, b) -> rebuild());
        view.paletteProperty().addListener((o, a, b) -> rebuild());
        view.routeColorProperty().addListener((o, a, b) -> rebuild());
        view.minProperty().addListener((o, a, b) -> range());
        view.maxProperty().addListener((o, a, b) -> range());
        rebuild();
    }

    private void rebuild() {
        LegendView v = getSkinnable();
        MetricLayer layer = v.layerProperty().get();
        title.setText(layer == MetricLayer.ROUTE ? layer.title + " " + v.routeColorProperty().get() : layer.title);
        row.getChildren().setAll(title);
        if (layer.categorical) {
            List<Swatch> swatches = layer == MetricLayer.TASK_STATE ? CategoricalColors.taskStateSwatches()
                    : CategoricalColors.routeSwatches();
            for (Swatch s : swatches) {
                row.getChildren().add(swatch(s));
            }
            return;
        }
        int[] lut = v.paletteProperty().get().lut();
        gradient.getPixelWriter().setPixels(0, 0, lut.length, 1, PixelFormat.getIntArgbInstance(), lut, 0, lut.length);
        row.getChildren().addAll(minLabel, gradientView, maxLabel);
        range();
    }

    private void range() {
        LegendView v = getSkinnable();
        MetricLayer layer = v.layerProperty().get();
        minLabel.setText(ValueText.number(v.minProperty().get()));
        maxLabel.setText(ValueText.number(v.maxProperty().get()) + (layer.unit.isEmpty() ? "" : " " + layer.unit));
    }

    private static Label swatch(Swatch s) {
        Rectangle r = new Rectangle(12, 12, Color.rgb((s.argb() >> 16) & 0xFF, (s.argb() >> 8) & 0xFF, s.argb() & 0xFF));
        r.getStyleClass().add("legend-swatch");
        Label l = new Label(s.label(), r);
        l.getStyleClass().add("legend-category");
        return l;
    }
}
