package org.waferscope.views.legend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.engine.api.TimelinePoint;
import org.waferscope.views.timeline.TimelineView;

/**
 * On a laptop's 1280 px the fabric's footer and the timeline get a few hundred pixels: the
 * keys wrap, and the pane under each grows to hold the lines instead of cutting the last
 * one off ("no value" below the footer's edge, the timeline's range shown as "cycl…").
 */
@ExtendWith(ApplicationExtension.class)
class NarrowKeysTest {
    private LegendView legend;
    private TimelineView timeline;
    private HBox footer;

    @Start
    void start(Stage stage) {
        legend = new LegendView();   // controls are made once the toolkit runs
        timeline = new TimelineView();
        HBox.setHgrow(legend, Priority.ALWAYS);
        legend.setMaxWidth(Double.MAX_VALUE);
        Region choosers = new Region();   // the palette, variable and element choosers beside it
        choosers.setMinWidth(380);
        choosers.setPrefWidth(380);
        footer = new HBox(12, legend, choosers);
        BorderPane pane = new BorderPane(timeline, null, null, footer, null);
        stage.setScene(new Scene(pane, 1440, 400));
        stage.sizeToScene();   // the test stage is shared: an earlier test may have left it another size
        stage.show();
    }

    private void resize(FxRobot robot, double width) {
        robot.interact(() -> footer.getScene().getWindow().setWidth(width));
        robot.interact(() -> { });
        robot.interact(timeline::paintIfDirty);
        robot.interact(() -> { });
    }

    @Test
    void theValueKeyWrapsInsideTheFooter(FxRobot robot) {
        robot.interact(() -> {
            legend.valueTitleProperty().set("cell · [1]u16");
            legend.valueUnitProperty().set("u16");
            legend.layerProperty().set(MetricLayer.VALUE);
        });
        for (double width : new double[] {1440, 700, 600}) {
            resize(robot, width);
            Label none = noValue(robot);
            Bounds key = none.localToScene(none.getBoundsInLocal());
            Bounds bar = legend.localToScene(legend.getBoundsInLocal());
            double sceneHeight = legend.getScene().getHeight();
            assertTrue(key.getMaxY() <= bar.getMaxY() + 0.5 && key.getMaxX() <= bar.getMaxX() + 0.5
                            && bar.getMaxY() <= sceneHeight + 0.5,
                    "\"no value\" at " + key + " inside the legend at " + bar + ", inside the window's "
                            + sceneHeight + " px height, window " + width + " px wide");
        }
    }

    @Test
    void theTimelinesRangeWrapsBelowItsKeyUncut(FxRobot robot) {
        robot.interact(() -> timeline.pointsProperty().set(List.of(
                new TimelinePoint(100, 100, 0.5f, 0.1f, 2.5f, 10), new TimelinePoint(1_650, 1_550, 0.2f, 0, 1, 4))));
        for (double width : new double[] {1440, 360}) {
            resize(robot, width);
            Label range = robot.lookup(".timeline-range").queryAs(Label.class);
            assertTrue(range.getText().startsWith("cycles 0 – 1,650"), range.getText());
            assertEquals(range.getText(), shown(range), "the range at " + width + " px");
        }
    }

    private static Label noValue(FxRobot robot) {
        return robot.lookup(".legend-category").match((Node n) -> ((Label) n).getText().equals("no value"))
                .queryAs(Label.class);
    }

    private static String shown(Label l) {
        Node text = l.lookup(".text");
        return text == null ? "" : ((javafx.scene.text.Text) text).getText();
    }
}
