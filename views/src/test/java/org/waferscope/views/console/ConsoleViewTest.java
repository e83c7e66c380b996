package org.waferscope.views.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.waferscope.engine.api.ConsoleLine.Kind;

/** A line longer than the console is wide wraps, so all of it can be read. */
@ExtendWith(ApplicationExtension.class)
class ConsoleViewTest {
    private final ConsoleModel model = new ConsoleModel();
    private ConsoleView view;

    @Start
    void start(Stage stage) {
        view = new ConsoleView(model);
        stage.setScene(new Scene(new StackPane(view), 420, 240));
        stage.sizeToScene();   // the test stage is shared, and an earlier test may have left it another size
        stage.show();
    }

    @Test
    void aLongLineWrapsToTheConsolesWidth(FxRobot robot) {
        String end = "and this is the end of it";
        robot.interact(() -> {
            model.note(Kind.HOST, 0, "short");
            model.note(Kind.ERROR, 12, "deadlock at cycle 12: PE (3, 4) waits on input queue 2 (color 5), which is "
                    + "empty; its router holds nothing from the west; " + end);
        });
        robot.interact(() -> { });
        var cells = robot.lookup("#console-list .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getItem() != null).toList();
        ListCell<?> shortCell = cells.stream().filter(c -> c.getText().endsWith("short")).findFirst().orElseThrow();
        ListCell<?> longCell = cells.stream().filter(c -> c.getText().endsWith(end)).findFirst().orElseThrow();
        assertTrue(longCell.getHeight() > 1.8 * shortCell.getHeight(),
                "wrapped over several lines: " + longCell.getHeight() + " vs " + shortCell.getHeight());
        assertTrue(longCell.getWidth() <= 420, "no wider than the console: " + longCell.getWidth());
    }

    @Test
    void anEarlierProgramsLinesAreDimmedBelowARuleOpeningTheNewOne(FxRobot robot) {
        robot.interact(() -> {
            view.getScene().getStylesheets().setAll(org.waferscope.assets.Stylesheet.BASE.url(),
                    org.waferscope.assets.Stylesheet.DARK.url());
            model.note(Kind.ERROR, 19, "deadlock at cycle 19");
            model.resetCounts();
            model.note(Kind.HOST, 0, "Loading the sample game-of-life \u00a0…");
            model.note(Kind.HOST, 0, "launch start on 144 PE(s)");
        });
        robot.interact(() -> { });
        var cells = robot.lookup("#console-list .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getItem() != null).toList();
        ListCell<?> old = cells.stream().filter(c -> c.getText().endsWith("deadlock at cycle 19")).findFirst().orElseThrow();
        ListCell<?> loading = cells.stream().filter(c -> c.getText().contains("Loading")).findFirst().orElseThrow();
        ListCell<?> launch = cells.stream().filter(c -> c.getText().endsWith("144 PE(s)")).findFirst().orElseThrow();
        assertEquals("0 errors · 0 warnings", robot.lookup("#console-counts").queryAs(javafx.scene.control.Label.class).getText());
        assertTrue(old.getOpacity() < 0.6, "the last program's deadlock is dimmed: opacity " + old.getOpacity());
        assertEquals("Of a program opened before this one (not counted)", old.getTooltip().getText());
        assertEquals(1.0, loading.getOpacity());
        assertEquals(1.0, launch.getOpacity());
        var rule = loading.getBorder();
        assertTrue(rule != null && rule.getStrokes().stream().anyMatch(b -> b.getWidths().getTop() >= 1),
                "a rule above the new load's first line");
        assertTrue(launch.getBorder() == null || launch.getBorder().getStrokes().stream().allMatch(b -> b.getWidths().getTop() == 0),
                "no rule between the new program's own lines");
    }

    @Test
    void oneErrorIsOneErrorNotOneErrors(FxRobot robot) {
        robot.interact(() -> model.note(Kind.ERROR, 0, "receiver.csl:27:23: error: expected an expression"));
        assertEquals("1 error · 0 warnings", robot.lookup("#console-counts").queryAs(javafx.scene.control.Label.class).getText());
    }

    @Test
    void theNewestLineIsInViewAfterManyArrive(FxRobot robot) {
        robot.interact(() -> {
            for (int i = 1; i <= 60; i++) {
                model.note(Kind.HOST, i, "line " + i);
            }
        });
        robot.interact(() -> { });
        javafx.scene.control.ListView<?> list = robot.lookup("#console-list").queryAs(javafx.scene.control.ListView.class);
        ListCell<?> last = robot.lookup("#console-list .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.isVisible() && c.getItem() != null && c.getText().endsWith("line 60")).findFirst()
                .orElseThrow(() -> new AssertionError("no cell shows the newest line"));
        double bottom = last.localToScene(last.getBoundsInLocal()).getMaxY();
        double listBottom = list.localToScene(list.getBoundsInLocal()).getMaxY();
        assertTrue(bottom <= listBottom + 0.5, "the newest line ends at " + bottom + ", the list at " + listBottom);
    }

    @Test
    void aNarrowConsoleKeepsItsButtonsInView(FxRobot robot) {
        robot.interact(() -> { });
        javafx.scene.control.Button clear = robot.lookup(".console-bar .button").queryAs(javafx.scene.control.Button.class);
        double right = clear.localToScene(clear.getBoundsInLocal()).getMaxX();
        assertTrue(right <= 420, "the Clear button ends at x = " + right + " of 420");
        assertTrue(clear.getContentDisplay() == javafx.scene.control.ContentDisplay.GRAPHIC_ONLY, "icons only");
    }

    @Test
    void theCountsAreShownWholeOrShortNeverCut(FxRobot robot) {
        // (1280 px wide, the console was a third of a screen and showed "0 errors · 0 warni…")
        robot.interact(() -> model.note(Kind.WARNING, 0, "a warning"));
        javafx.scene.control.Label counts = robot.lookup("#console-counts").queryAs(javafx.scene.control.Label.class);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (double width = 420; width >= 270; width -= 10) {
            double w = width;
            robot.interact(() -> view.setMaxWidth(w));   // (the stage keeps its size for the other tests)
            robot.interact(() -> { });
            String shown = ((javafx.scene.text.Text) counts.lookup(".text")).getText();
            assertTrue(shown.equals("0 errors · 1 warning") || shown.equals("0 err · 1 warn"), "at " + w + " px: " + shown);
            assertEquals("0 errors · 1 warning", counts.getTooltip().getText());
            seen.add(shown);
        }
        assertEquals(2, seen.size(), "the words while they fit, then the short form: " + seen);
    }
}
