package org.waferscope.views.cluster;

import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.VBox;
import org.waferscope.engine.api.ClusterFrame;

/** Loss per step and test accuracy after each step, redrawn from the frame's history. */
public final class TrainingCharts extends VBox {
    private final XYChart.Series<Number, Number> loss = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> accuracy = new XYChart.Series<>();

    public TrainingCharts(ClusterViewModel model) {
        LineChart<Number, Number> lossChart = chart("loss", loss);
        LineChart<Number, Number> accChart = chart("test accuracy", accuracy);
        ((NumberAxis) accChart.getYAxis()).setAutoRanging(false);
        ((NumberAxis) accChart.getYAxis()).setLowerBound(0);
        ((NumberAxis) accChart.getYAxis()).setUpperBound(1);
        ((NumberAxis) accChart.getYAxis()).setTickUnit(0.2);
        getChildren().addAll(lossChart, accChart);
        setPrefWidth(300);
        model.frameProperty().addListener((o, a, f) -> show(f));
    }

    private static LineChart<Number, Number> chart(String title, XYChart.Series<Number, Number> s) {
        NumberAxis x = new NumberAxis(0, 1, 1);
        x.setLabel("step");
        x.setAutoRanging(false);   // whole steps only: show() sets the range as steps are done
        x.setMinorTickVisible(false);
        LineChart<Number, Number> c = new LineChart<>(x, new NumberAxis());
        c.setTitle(title);
        c.setLegendVisible(false);
        c.setCreateSymbols(false);
        c.setAnimated(false);
        c.getData().add(s);
        c.setMinHeight(120);
        return c;
    }

    private void show(ClusterFrame f) {
        fill(loss, f == null ? List.of() : f.losses());
        fill(accuracy, f == null ? List.of() : f.accuracies());
        int n = Math.max(1, loss.getData().size());
        for (XYChart.Series<Number, Number> s : List.of(loss, accuracy)) {
            NumberAxis x = (NumberAxis) s.getChart().getXAxis();
            x.setUpperBound(n + 1);   // the last point clear of the edge
            x.setTickUnit(n <= 6 ? 1 : n <= 12 ? 2 : n <= 30 ? 5 : n <= 60 ? 10 : 20 * Math.ceil(n / 120.0));
        }
    }

    private static void fill(XYChart.Series<Number, Number> s, List<Double> values) {
        if (values.size() < s.getData().size()) {
            s.getData().clear();
        }
        for (int i = s.getData().size(); i < values.size(); i++) {
            s.getData().add(new XYChart.Data<>(i + 1, values.get(i)));
        }
    }

    /** Points drawn, for tests. */
    public int points() {
        return loss.getData().size();
    }
}
