package org.waferscope.app.history;

import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.waferscope.app.cli.CompareReport;
import org.waferscope.engine.api.Frame;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.engine.trace.RunComparison;
import org.waferscope.engine.trace.RunSummary;
import org.waferscope.views.heatmap.HeatmapView;
import org.waferscope.views.legend.LegendView;
import org.waferscope.views.palette.Palette;
import org.waferscope.views.timeline.TimelineView;

/**
 * Two runs side by side: A's and B's heatmaps of a chosen layer on one range, their
 * difference B - A, the figures the command line's {@code compare} prints, and both
 * timelines on one axis (B dashed). Its own pulse timer paints it while it shows. FX thread only.
 */
public final class CompareWindow {
    private final Stage stage = new Stage();
    private final RunComparison c;
    private final HeatmapView heatA = heatmap("compare-a");
    private final HeatmapView heatB = heatmap("compare-b");
    private final HeatmapView heatDiff = heatmap("compare-diff");
    private final LegendView legendA = new LegendView();
    private final LegendView legendDiff = new LegendView();
    private final Label diffTitle = new Label();
    private final TimelineView timeline = new TimelineView();
    private final ComboBox<MetricLayer> layer = new ComboBox<>();
    private final AnimationTimer pulse;

    public CompareWindow(Window owner, String labelA, String labelB, RunComparison c, Palette palette) {
        this.c = c;
        stage.initOwner(owner);
        stage.setTitle("Compare: " + labelA + "  vs  " + labelB);
        for (HeatmapView h : new HeatmapView[] {heatA, heatB, heatDiff}) {
            h.setPalette(palette);
        }
        legendA.paletteProperty().set(palette);
        legendDiff.paletteProperty().set(palette);
        heatDiff.signedProperty().set(true);   // B - A: blue below zero, white at zero, red above
        legendDiff.divergingProperty().bind(heatDiff.divergingProperty());
        layer.getItems().addAll(RunSummary.LAYERS);
        layer.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(MetricLayer l) {
                return l == null ? "" : l.title;
            }

            @Override
            public MetricLayer fromString(String s) {
                return null;
            }
        });
        layer.setId("compare-layer");
        layer.valueProperty().addListener((o, a, l) -> show(l));
        // three equal columns, and one row for the maps: sized by their contents, A's column (with its
        // legend) took more width than B's, and a legend on two lines left its map shorter
        GridPane maps = new GridPane();
        maps.setHgap(10);
        maps.setVgap(4);
        Label[] titles = {new Label("A: " + labelA), new Label("B: " + labelB), diffTitle};
        HeatmapView[] heat = {heatA, heatB, heatDiff};
        javafx.scene.Node[] legends = {legendA, new Label(), legendDiff};
        for (int i = 0; i < 3; i++) {
            titles[i].getStyleClass().add("panel-title");
            maps.add(titles[i], i, 0);
            maps.add(heat[i], i, 1);
            maps.add(legends[i], i, 2);
            GridPane.setValignment(legends[i], javafx.geometry.VPos.TOP);
            ColumnConstraints third = new ColumnConstraints();
            third.setPercentWidth(100.0 / 3);
            third.setHgrow(Priority.ALWAYS);
            third.setFillWidth(true);
            maps.getColumnConstraints().add(third);
        }
        RowConstraints tall = new RowConstraints();
        tall.setVgrow(Priority.ALWAYS);
        tall.setFillHeight(true);
        maps.getRowConstraints().addAll(new RowConstraints(), tall, new RowConstraints());
        maps.setPadding(new Insets(8));
        StringWriter text = new StringWriter();
        new CompareReport(labelA, labelB, c).text(new PrintWriter(text));
        TextArea figures = new TextArea(text.toString());
        figures.setEditable(false);
        figures.setId("compare-figures");
        figures.setStyle("-fx-font-family: monospace;");
        figures.setPrefRowCount(12);
        figures.setPrefColumnCount(72);
        figures.setMinWidth(420);
        timeline.setPoints(c.a().timeline());
        timeline.overlayProperty().set(c.b().timeline());
        timeline.setId("compare-timeline");
        timeline.setPrefHeight(150);
        HBox bottom = new HBox(10, figures, timeline);
        HBox.setHgrow(timeline, Priority.ALWAYS);
        bottom.setPadding(new Insets(0, 8, 8, 8));
        Label layerLabel = new Label("Layer");
        layerLabel.setLabelFor(layer);
        HBox top = new HBox(8, layerLabel, layer);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        top.setPadding(new Insets(8, 8, 0, 8));
        BorderPane root = new BorderPane(maps, top, null, bottom, null);
        root.setId("compare-window");
        Scene scene = new Scene(root, 1200, 720);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            root.getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
        }
        stage.setScene(scene);
        // closes as a dialog does: Esc, or Ctrl+W (Cmd+W)
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE
                    || e.isShortcutDown() && e.getCode() == javafx.scene.input.KeyCode.W) {
                e.consume();
                stage.hide();
            }
        });
        pulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                heatA.paintIfDirty();
                heatB.paintIfDirty();
                heatDiff.paintIfDirty();
                timeline.paintIfDirty();
            }
        };
        stage.setOnShown(e -> {
            pulse.start();
            heatA.fitToView();
            heatB.fitToView();
            heatDiff.fitToView();
        });
        stage.setOnHidden(e -> pulse.stop());
        layer.setValue(MetricLayer.UTILIZATION);
    }

    private static HeatmapView heatmap(String id) {
        HeatmapView h = new HeatmapView();
        h.setId(id);
        h.fitToDataProperty().set(false);
        h.setPrefSize(360, 300);
        return h;
    }

    /** Picks the layer the three maps show. */
    public void select(MetricLayer l) {
        layer.setValue(l);
    }

    private void show(MetricLayer layer) {
        float max = CompareFrames.sharedMax(c, layer);
        Frame a = CompareFrames.run(c.a(), layer, max);
        heatA.setFrame(a);
        heatB.setFrame(CompareFrames.run(c.b(), layer, max));
        legendA.show(a);
        Frame d = CompareFrames.difference(c, layer);
        heatDiff.setVisible(d != null);
        legendDiff.setVisible(d != null);
        if (d != null) {
            heatDiff.setFrame(d);
            legendDiff.show(d);
            diffTitle.setText("B - A (" + layer.unit + ")" + (d.max() == 0 ? ": no difference" : ""));
        } else {
            diffTitle.setText("B - A: the fabrics differ in shape");
        }
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
    }
}
