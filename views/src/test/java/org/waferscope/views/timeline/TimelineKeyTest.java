package org.waferscope.views.timeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.waferscope.engine.api.TimelinePoint;

/** A run without a single link hop is said to have none, not "max 1". */
@ExtendWith(ApplicationExtension.class)
class TimelineKeyTest {
    private final TimelineView view = new TimelineView();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(view, 600, 200));
        stage.show();
    }

    private String hopsKey(FxRobot robot) {
        return robot.lookup(".timeline-key").queryAllAs(Label.class).stream().map(Label::getText)
                .filter(t -> t.startsWith("link hops")).findFirst().orElse("");
    }

    @Test
    void noHopsIsNone(FxRobot robot) {
        robot.interact(() -> {
            view.setPoints(List.of(new TimelinePoint(10, 10, 0.5f, 0, 0, 1), new TimelinePoint(20, 10, 0.5f, 0, 0, 1)));
            view.paintIfDirty();
        });
        assertTrue(hopsKey(robot).equals("link hops/cycle (none)"), hopsKey(robot));
        robot.interact(() -> {
            view.setPoints(List.of(new TimelinePoint(10, 10, 0.5f, 0, 3, 1)));
            view.paintIfDirty();
        });
        assertTrue(hopsKey(robot).equals("link hops/cycle (max 3)"), hopsKey(robot));
    }
}
