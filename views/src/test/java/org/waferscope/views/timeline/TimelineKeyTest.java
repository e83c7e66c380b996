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

/** A run without a single link hop is said to have none, not "max 1"; a maximum reads in tenths. */
@ExtendWith(ApplicationExtension.class)
class TimelineKeyTest {
    // made in start, on the toolkit: a field initializer ran before it, and failed when this class ran alone
    private TimelineView view;

    @Start
    void start(Stage stage) {
        view = new TimelineView();
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

    @Test
    void aMaximumKeptToTenthsReadsInTenths(FxRobot robot) {
        // the eighth review: summa's key read "max 9.200", three decimals on a figure of tenths
        robot.interact(() -> {
            view.setPoints(List.of(new TimelinePoint(10, 10, 0.5f, 0, 9.2f, 1), new TimelinePoint(20, 10, 0.5f, 0, 4.04f, 1)));
            view.paintIfDirty();
        });
        assertTrue(hopsKey(robot).equals("link hops/cycle (max 9.2)"), hopsKey(robot));
        robot.interact(() -> {
            view.setPoints(List.of(new TimelinePoint(10, 10, 0.5f, 0, 1234.56f, 1)));
            view.paintIfDirty();
        });
        assertTrue(hopsKey(robot).equals("link hops/cycle (max 1,234.6)"), hopsKey(robot));
    }
}
