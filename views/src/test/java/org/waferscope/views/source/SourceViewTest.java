package org.waferscope.views.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The current line is marked and in view, also in a long file. */
@ExtendWith(ApplicationExtension.class)
class SourceViewTest {
    private SourceView view;

    @Start
    void start(Stage stage) {
        view = new SourceView();
        stage.setScene(new Scene(new StackPane(view), 400, 300));
        stage.show();
    }

    @Test
    void aLineSetWhileHiddenIsMarkedWhenShown(FxRobot robot) {
        String text = IntStream.rangeClosed(1, 120).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        robot.interact(() -> {
            view.textProperty().set(text);
            view.currentLineProperty().set(50);
        });
        robot.interact(() -> view.layout());
        robot.interact(() -> {
            view.setVisible(false);
            view.currentLineProperty().set(64);
        });
        robot.interact(() -> view.setVisible(true));
        robot.interact(() -> view.layout());
        assertMarked(robot, 64);
    }

    private static void assertMarked(FxRobot robot, int line) {
        var current = robot.lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.isVisible() && c.getItem() != null)
                .filter(c -> c.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("current")))
                .toList();
        assertEquals(1, current.size(), "exactly one line is marked");
        assertEquals(line, ((SourceView.Line) current.get(0).getItem()).number());
    }

    @Test
    void theCurrentLineIsMarkedAndScrolledTo(FxRobot robot) {
        String text = IntStream.rangeClosed(1, 120).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        robot.interact(() -> {
            view.textProperty().set(text);
            view.currentLineProperty().set(64);
        });
        robot.interact(() -> view.layout());
        var current = robot.lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("current")))
                .toList();
        assertEquals(1, current.size(), "exactly one line is marked");
        assertEquals(64, ((SourceView.Line) current.get(0).getItem()).number());
        assertTrue(current.get(0).isVisible());
    }
}
