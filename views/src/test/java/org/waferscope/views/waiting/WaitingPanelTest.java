package org.waferscope.views.waiting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.waferscope.engine.api.WaitLink;

/** A paused 2-D program: nine PEs each waiting on four colors, in a side tab's narrow width. */
@ExtendWith(ApplicationExtension.class)
class WaitingPanelTest {
    private final ObservableList<WaitLink> links = FXCollections.observableArrayList();
    private WaitingPanel panel;

    @Start
    void start(Stage stage) {
        panel = new WaitingPanel(links);
        stage.setScene(new Scene(panel, 220, 700));
        stage.show();
    }

    /** What SUMMA's inner PEs wait for at a pause: a wavelet on each of four colors, one per neighbour. */
    static List<WaitLink> fourEach() {
        List<WaitLink> out = new ArrayList<>();
        for (int y = 1; y <= 3; y++) {
            for (int x = 1; x <= 3; x++) {
                int[][] from = {{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}};
                for (int c = 0; c < 4; c++) {
                    out.add(new WaitLink(x, y, "a wavelet of color " + c + " (input queue " + (c + 2) + " is empty)",
                            from[c][0], from[c][1], "should send it"));
                }
            }
        }
        return out;
    }

    private List<String> rowTexts(FxRobot robot) {
        return robot.lookup("#waiting-list .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getItem() != null && c.isVisible()).sorted(java.util.Comparator.comparingInt(ListCell::getIndex))
                .map(ListCell::getText).toList();
    }

    /** Shows these rows; the list returned fills with the PEs that clicks on them select. */
    private List<int[]> shownAndClicked(FxRobot robot, WaitLink... rows) {
        List<int[]> chosen = new ArrayList<>();
        robot.interact(() -> {
            panel.setOnSelect((x, y) -> chosen.add(new int[] {x, y}));
            links.setAll(rows);
        });
        return chosen;
    }

    @Test
    void aPeWaitingOnManyThingsIsNamedOnceAndTheRestAreShort(FxRobot robot) {
        robot.interact(() -> links.setAll(fourEach()));
        List<String> rows = rowTexts(robot);
        assertTrue(rows.get(0).startsWith("PE (1, 1) waits for a wavelet of color 0"), rows.get(0));
        for (int i = 1; i < 4; i++) {
            assertTrue(rows.get(i).startsWith("also a wavelet of color " + i), rows.get(i));
            assertTrue(!rows.get(i).contains("waits for"), "PE (1, 1) is not named again: " + rows.get(i));
        }
        assertTrue(rows.get(4).startsWith("PE (2, 1) waits for"), "the next PE is named: " + rows.get(4));
        assertEquals("36 waits on 9 PEs", robot.lookup("#waiting-summary").queryAs(Label.class).getText());
        // the first PE's four rows fit above the fold of a 700-pixel tab, each one short
        assertTrue(rows.size() >= 8, "rows in view: " + rows.size());
    }

    @Test
    void theEmptyListExplainsItselfInFullAtASideTabsWidth(FxRobot robot) {
        robot.interact(links::clear);
        Label empty = (Label) robot.lookup("#waiting-list").queryAs(javafx.scene.control.ListView.class).getPlaceholder();
        robot.interact(() -> { });
        assertTrue(empty.isWrapText(), "the explanation wraps");
        assertTrue(empty.getWidth() <= panel.getWidth(), "and fits: " + empty.getWidth() + " > " + panel.getWidth());
        assertTrue(!robot.lookup("#waiting-summary").queryAs(Label.class).isVisible(), "no count when nothing waits");
    }

    @Test
    void theHostsWaitsAreNamedAndAClickSelectsThePeItWaitsFor(FxRobot robot) {
        List<int[]> chosen = shownAndClicked(robot, WaitLink.host("unblock_cmd_stream", 3, 0, "has not called it"),
                WaitLink.host("unblock_cmd_stream", 4, 0, "has not called it"),
                new WaitLink(1, 0, "a wavelet of color 1 (input queue 3 is empty)", 0, 0, "should send it"));
        List<String> rows = rowTexts(robot);
        assertEquals("the host waits for unblock_cmd_stream  ←  PE (3, 0) has not called it", rows.get(0));
        assertEquals("also unblock_cmd_stream  ←  PE (4, 0)", rows.get(1));
        assertEquals("the host waits for 2 PEs · 1 wait on 1 PE",
                robot.lookup("#waiting-summary").queryAs(Label.class).getText());
        robot.clickOn(rows.get(0));
        assertEquals(1, chosen.size(), "one click");
        assertEquals(3, chosen.get(0)[0], "the host has no square: the PE it waits for is selected");
        assertEquals(0, chosen.get(0)[1]);
    }

    @Test
    void wavesThatLeftTheFabricAreARowOfTheirOwnAndAClickSelectsTheSender(FxRobot robot) {
        List<int[]> chosen = shownAndClicked(robot, WaitLink.host("unblock_cmd_stream", 1, 0, "has not called it"),
                WaitLink.leftFabric(0, 0, "3 wavelets of color 0 WEST, off the fabric's edge: nothing receives them"));
        List<String> rows = rowTexts(robot);
        assertEquals("PE (0, 0) sent 3 wavelets of color 0 WEST, off the fabric's edge: nothing receives them", rows.get(1));
        assertEquals("the host waits for 1 PE · wavelets left the fabric by 1 route",
                robot.lookup("#waiting-summary").queryAs(Label.class).getText());
        robot.clickOn(rows.get(1));
        assertEquals(List.of(0, 0), List.of(chosen.get(0)[0], chosen.get(0)[1]), "the PE that sent them");
    }
}
