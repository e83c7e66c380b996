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

    @Test
    void aNewFileWithTheSameCurrentLineIsScrolledToAndRevealWaitsForItsFile(FxRobot robot) {
        String a = IntStream.rangeClosed(1, 120).mapToObj(i -> "a " + i).collect(Collectors.joining("\n"));
        String b = IntStream.rangeClosed(1, 120).mapToObj(i -> "b " + i).collect(Collectors.joining("\n"));
        robot.interact(() -> {
            view.textProperty().set(a);
            view.currentLineProperty().set(90);
        });
        robot.interact(() -> view.scrollTo(0));
        robot.interact(() -> view.textProperty().set(b));
        robot.interact(() -> view.layout());
        assertMarked(robot, 90);
        robot.interact(() -> view.revealInNextFile(12));
        robot.interact(() -> view.textProperty().set(a));
        assertEquals(12, view.getSelectionModel().getSelectedItem().number(), "the line asked for, once its file came");
        robot.interact(() -> view.reveal(100));
        assertEquals(100, view.getSelectionModel().getSelectedItem().number());
    }

    @Test
    void everyVisibleRowHasTheSameHeightSoScrollingLeavesNoGaps(FxRobot robot) {
        String text = IntStream.rangeClosed(1, 300).mapToObj(i -> "const x" + i + ": i16 = " + i + "; // " + "w".repeat(i % 40))
                .collect(Collectors.joining("\n"));
        robot.interact(() -> view.textProperty().set(text));
        for (int at : new int[] {0, 120, 37, 250}) {
            robot.interact(() -> view.scrollTo(at));
            robot.interact(() -> view.layout());
            var cells = robot.lookup(".list-cell").queryAllAs(ListCell.class).stream()
                    .filter(c -> c.isVisible() && c.getItem() != null).sorted(java.util.Comparator.comparingDouble(c -> c.getLayoutY()))
                    .toList();
            assertTrue(cells.size() > 5);
            for (int k = 1; k < cells.size(); k++) {
                double gap = cells.get(k).getLayoutY() - (cells.get(k - 1).getLayoutY() + cells.get(k - 1).getHeight());
                assertTrue(Math.abs(gap) < 0.5, "no gap between rows at " + at + ": " + gap);
            }
        }
    }
}
