package org.waferscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.waferscope.app.samples.SampleCatalog;
import org.waferscope.app.session.SimulationSession;
import org.waferscope.app.window.MainWindow;
import org.waferscope.engine.api.SimState;
import org.waferscope.views.heatmap.PeLocation;
import org.waferscope.views.source.SourceView;

/**
 * The debugger as a student uses it, on the real engine, headless: set a breakpoint by
 * clicking a line number, see its marker and its entry at once, run to it, see which PE
 * hit it and on which line, continue past it, find each program's own breakpoints, clear
 * them, and see a deadlock at the same cycle however it was stepped to.
 */
@ExtendWith(ApplicationExtension.class)
class DebuggerRobotTest {
    private RealExplorer explorer;
    private SimulationSession session;
    private MainWindow window;
    private SampleCatalog samples;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        explorer = new RealExplorer(stage);
        session = explorer.session;
        window = explorer.window;
        samples = explorer.samples;
    }

    @AfterEach
    void tearDown(FxRobot robot) throws Exception {
        explorer.close(robot);
    }

    private void pulse(FxRobot robot) {
        explorer.pulse(robot);
    }

    private void open(FxRobot robot, String name) {
        explorer.open(robot, name);
    }

    private void runToStop(FxRobot robot) {
        explorer.runToStop(robot);
    }

    private Label lineNumber(FxRobot robot, int line) {
        return robot.lookup("#inspector-source .source-line-number").match((Label l) -> l.getText().equals("" + line))
                .query();
    }

    private static boolean has(Node n, String pseudo) {
        return n.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals(pseudo));
    }

    private List<Integer> currentRows(FxRobot robot) {
        return robot.lookup("#inspector-source .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getItem() != null && c.isVisible() && has(c, "current"))
                .map(c -> ((SourceView.Line) c.getItem()).number()).toList();
    }

    private void shot(FxRobot robot, String name) {
        robot.interact(() -> {
            try {
                org.waferscope.app.export.PngWriter.write(stage.getScene().snapshot(null),
                        Path.of("target", "screenshots", name + ".png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void aBreakpointIsSetSeenHitContinuedAndKeptPerProgram(FxRobot robot) {
        open(robot, "broadcast-chain");
        robot.interact(() -> session.layers().selectedProperty().set(new PeLocation(1, 0)));
        pulse(robot);
        robot.clickOn("#inspector-tab-source");
        robot.clickOn(lineNumber(robot, 27));
        assertTrue(has(lineNumber(robot, 27), "breakpoint"), "the marker shows at once");
        assertEquals(1, session.breakpoints().entries().size());

        // a PE other than the selected one hits it: it becomes the selected PE, its line shown
        robot.interact(() -> session.layers().selectedProperty().set(new PeLocation(3, 0)));
        pulse(robot);
        runToStop(robot);
        assertEquals(SimState.PAUSED, session.frameProperty().get().state());
        String status = robot.lookup("#status-message").queryAs(Label.class).getText();
        assertTrue(status.startsWith("paused at breakpoint receiver.csl:27: PE (1, 0) arrived at line 27"), status);
        assertEquals(new PeLocation(1, 0), session.layers().selectedProperty().get(), "the PE that hit it is selected");
        pulse(robot);
        assertEquals(27, session.inspector().sourceLineProperty().get());
        assertEquals(List.of(27), currentRows(robot), "the line is marked in the source");
        assertTrue(session.console().lines().stream().anyMatch(l -> l.text().startsWith("paused at breakpoint receiver.csl:27")),
                "the console names it too");
        ListView<?> list = robot.lookup("#breakpoints-list").queryAs(ListView.class);
        assertEquals(1, list.getItems().size());
        shot(robot, "debugger-stop");

        long first = session.frameProperty().get().cycle();
        runToStop(robot);
        long second = session.frameProperty().get().cycle();
        assertTrue(second > first + 1, "Continue runs past the hit to the next arrival: " + first + " -> " + second);

        // a manual step clears "paused at a breakpoint"
        robot.type(KeyCode.RIGHT);
        pulse(robot);
        assertEquals("", robot.lookup("#status-message").queryAs(Label.class).getText());

        // sentinel has its own receiver.csl: none of broadcast-chain's breakpoints
        open(robot, "sentinel");
        assertEquals(0, session.breakpoints().entries().size());
        open(robot, "broadcast-chain");
        assertEquals(1, session.breakpoints().entries().size(), "kept with its program");

        robot.clickOn("#tab-breakpoints");
        shot(robot, "breakpoints-panel");
        robot.clickOn("#breakpoints-clear");
        assertEquals(0, session.breakpoints().entries().size());
        robot.interact(() -> session.layers().selectedProperty().set(new PeLocation(1, 0)));
        pulse(robot);
        robot.clickOn("#inspector-tab-source");
        assertTrue(!has(lineNumber(robot, 27), "breakpoint"), "the marker goes at once");
    }

    @Test
    void aBreakpointOnALineWithNoCodeIsDrawnApartAndSaysWhyItNeverStops(FxRobot robot) {
        // the eighth review: a breakpoint clicked on a comment was drawn red like any other, and never stopped
        open(robot, "broadcast-chain");
        robot.interact(() -> session.layers().selectedProperty().set(new PeLocation(1, 0)));
        pulse(robot);
        robot.clickOn("#inspector-tab-source");
        robot.clickOn(lineNumber(robot, 23));
        robot.clickOn(lineNumber(robot, 27));
        Label comment = lineNumber(robot, 23);
        Label code = lineNumber(robot, 27);
        assertTrue(has(comment, "breakpoint-never"), "a line with no instruction is marked apart");
        assertTrue(comment.getTooltip() != null && comment.getTooltip().getText().contains(
                "can never stop: receiver.csl has no code on line 23 (the nearest with code: 25)"),
                comment.getTooltip() == null ? "no tooltip" : comment.getTooltip().getText());
        assertTrue(has(code, "breakpoint") && !has(code, "breakpoint-never"), "a line with code is an ordinary breakpoint");
        assertEquals(null, code.getTooltip());
        javafx.scene.layout.Border drawn = comment.getBorder();
        assertTrue(drawn != null && !drawn.getStrokes().isEmpty(), "hollow: a ring, not a filled dot");
        assertNotEquals(code.getTextFill(), comment.getTextFill(), "and greyed");
        shot(robot, "breakpoint-no-code");

        runToStop(robot);
        assertEquals(27, session.inspector().sourceLineProperty().get(), "the run stops at the line with code, not at 23");
        robot.clickOn(lineNumber(robot, 23));
        assertTrue(!has(lineNumber(robot, 23), "breakpoint-never") && lineNumber(robot, 23).getTooltip() == null,
                "removed with a click, its mark and tooltip gone");
    }

    @Test
    void aPeWithNoProgramHasNoSourceLineToClick(FxRobot robot) {
        // the tenth review: switches' corner PEs run nothing, yet their Source tab showed a line 1
        // and the hint to click it; the click made a breakpoint ":1" that could never stop
        open(robot, "switches");
        robot.interact(() -> session.layers().selectedProperty().set(new PeLocation(1, 1)));
        pulse(robot);
        robot.clickOn("#inspector-tab-source");
        ListView<?> source = robot.lookup("#inspector-source").queryAs(ListView.class);
        assertTrue(source.getItems().size() > 10, "the centre's program shows: " + source.getItems().size() + " lines");

        robot.interact(() -> session.layers().selectedProperty().set(new PeLocation(2, 0)));
        pulse(robot);
        assertEquals("no program", session.inspector().programProperty().get(), "the corner runs nothing");
        assertEquals(List.of(), source.getItems(), "no line, so no line number to click");
        assertEquals("This PE runs no program: no source, no line to pause at.",
                ((Label) source.getPlaceholder()).getText());
        robot.clickOn(source);
        assertEquals(0, session.breakpoints().entries().size(), "a click on it sets nothing");
        shot(robot, "source-of-a-pe-with-no-program");
    }

    @Test
    void thePanelAddsOtherKindsAndExplainsMistakes(FxRobot robot) {
        open(robot, "broadcast-chain");
        robot.clickOn("#tab-breakpoints");
        javafx.scene.control.TextField spec = robot.lookup("#breakpoint-spec").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> spec.setText("task@2,0"));
        robot.clickOn("#breakpoint-add");
        robot.interact(() -> spec.setText("recv"));
        robot.clickOn("#breakpoint-add");
        Label problem = robot.lookup(".breakpoint-problem").queryAs(Label.class);
        assertTrue(problem.getText().startsWith("expected FILE:LINE"), problem.getText());
        assertEquals(1, session.breakpoints().entries().size());
        runToStop(robot);
        assertEquals(new PeLocation(2, 0), session.layers().selectedProperty().get());
        assertTrue(session.frameProperty().get().message().contains("PE (2, 0) started task"),
                session.frameProperty().get().message());

        // right-click a symbol in the inspector: break when it is written on this PE
        pulse(robot);
        robot.clickOn("#inspector-tab-memory");
        javafx.scene.control.TableView<?> symbols = robot.lookup("#inspector-symbols")
                .queryAs(javafx.scene.control.TableView.class);
        // the Memory tab's symbol table is short: bring the row into view before looking for its cell
        robot.interact(() -> symbols.scrollTo(symbols.getItems().stream().filter(i -> i.toString().contains("name=seen"))
                .findFirst().map(i -> symbols.getItems().indexOf(i)).orElse(0)));
        Node seenRow = robot.lookup("#inspector-symbols .table-row-cell").match((javafx.scene.control.TableRow<?> r) ->
                r.getItem() != null && r.getItem().toString().contains("name=seen")).query();
        robot.clickOn(seenRow);
        // Monocle's robot does not raise the context-menu event a real right click does: fire it as the OS would
        robot.interact(() -> {
            javafx.geometry.Bounds at = seenRow.localToScreen(seenRow.getBoundsInLocal());
            javafx.event.Event.fireEvent(seenRow, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 10, 10, at.getMinX() + 10,
                    at.getMinY() + 10, false, null));
        });
        robot.clickOn("Break when seen is written on this PE");
        assertTrue(session.breakpoints().entries().stream().anyMatch(e -> e.breakpoint().equals(
                new org.waferscope.engine.api.Breakpoint.SymbolWritten("seen", new org.waferscope.engine.api.Breakpoint.Pe(2, 0), ""))),
                session.breakpoints().entries().toString());
        assertTrue(symbols.getItems().size() > 0);

        // jump to a line breakpoint: the first PE running its file, its Source tab at the line
        robot.interact(() -> session.layers().selectedProperty().set(null));
        robot.clickOn("#tab-breakpoints");
        robot.interact(() -> spec.setText("receiver.csl:30"));
        robot.clickOn("#breakpoint-add");
        Node entry = robot.lookup("#breakpoints-list .list-cell").match((ListCell<?> c) -> c.getItem() != null
                && c.getItem().toString().contains("receiver.csl")).query();
        robot.doubleClickOn(entry);
        pulse(robot);
        assertEquals(new PeLocation(1, 0), session.layers().selectedProperty().get());
        SourceView source = robot.lookup("#inspector-source").queryAs(SourceView.class);
        assertTrue(source.isVisible(), "the Source tab is shown");
        assertEquals(30, source.getSelectionModel().getSelectedItem().number());
        assertTrue(has(lineNumber(robot, 30), "breakpoint"));
    }

    @Test
    void relayDeadlockIsReportedAtCycle19HoweverItIsStepped(FxRobot robot) {
        open(robot, "relay-deadlock");
        for (int i = 0; i < 17; i++) {
            robot.type(KeyCode.RIGHT);
        }
        pulse(robot);
        assertEquals(17, session.frameProperty().get().cycle());
        runToStop(robot);
        assertEquals(SimState.FAULTED, session.frameProperty().get().state());
        assertEquals(19, session.frameProperty().get().cycle());
        pulse(robot);
        // why is it stuck: the relay waits for the sender's scale, the sender for the relay's room
        assertTrue(session.waits().stream().anyMatch(l -> l.x() == 1 && l.fromX() == 0), session.waits().toString());
        assertTrue(session.waits().stream().anyMatch(l -> l.x() == 0 && l.fromX() == 1), session.waits().toString());
        assertTrue(robot.lookup("#waiting-list").queryAs(ListView.class).isVisible(), "a deadlock shows the chain");
        robot.interact(() -> session.layers().selectedProperty().set(null));
        ListView<?> waits = robot.lookup("#waiting-list").queryAs(ListView.class);
        robot.clickOn(robot.lookup("#waiting-list .list-cell").nth(0).queryAs(ListCell.class));
        WaitLinkAssert.selected(session, (org.waferscope.engine.api.WaitLink) waits.getItems().get(0));
        shot(robot, "waiting-panel");
        robot.type(KeyCode.LEFT);
        robot.type(KeyCode.LEFT);
        pulse(robot);
        for (int i = 0; i < 5; i++) {
            robot.type(KeyCode.RIGHT);
            pulse(robot);
        }
        assertEquals(19, session.frameProperty().get().cycle());
        assertEquals(SimState.FAULTED, session.frameProperty().get().state());
    }

    /** The PE a waiting-chain row names is the one selected. */
    private static final class WaitLinkAssert {
        static void selected(SimulationSession session, org.waferscope.engine.api.WaitLink l) {
            assertEquals(new PeLocation(l.x(), l.y()), session.layers().selectedProperty().get());
        }
    }

    @Test
    void atTheLargestUiScaleTheStatusBarKeepsStateAndCycleWholeAt1280x720(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
            for (int i = 0; i < 12; i++) {
                window.scaleUi(1.125);
            }
        });
        open(robot, "relay-deadlock");
        runToStop(robot);
        assertEquals(SimState.FAULTED, session.frameProperty().get().state());
        pulse(robot);
        for (String id : List.of("#status-state", "#status-cycle")) {
            Label l = robot.lookup(id).queryAs(Label.class);
            assertTrue(l.getWidth() >= l.prefWidth(-1) - 0.5, id + " is squeezed: " + l.getWidth() + " < " + l.prefWidth(-1));
            assertTrue(l.localToScene(l.getBoundsInLocal()).getMaxX() <= stage.getScene().getWidth() + 0.5, id + " is off screen");
        }
        assertEquals("cycle 19", robot.lookup("#status-cycle").queryAs(Label.class).getText());
        Label title = robot.lookup(".fabric-title").queryAs(Label.class);
        assertTrue(title.getWidth() > 60, "the program title keeps room: " + title.getWidth());
        assertTrue(robot.lookup("#heatmap").queryAs(org.waferscope.views.heatmap.HeatmapView.class)
                .textScaleProperty().get() > 2, "fabric labels follow the UI scale");
        shot(robot, "ui-scale-largest");
    }

    @Test
    void smallerThingsAPupilNotices(FxRobot robot) {
        // the error count starts afresh with each program
        open(robot, "relay-deadlock");
        runToStop(robot);
        assertTrue(session.console().errorsProperty().get() > 0);
        robot.interact(() -> session.layers().routeColorProperty().set(7));
        open(robot, "switches");
        assertEquals(0, session.console().errorsProperty().get(), "errors of the program before are not counted");
        // the route layer's color is one this program routes
        int c = session.layers().routeColorProperty().get();
        var layout = session.programProperty().get().layout();
        boolean routed = false;
        for (int pe = 0; pe < layout.peCount(); pe++) {
            int[] pairs = layout.colorsOf(pe);
            for (int i = 0; i < pairs.length; i += 2) {
                routed |= pairs[i] == c;
            }
        }
        assertTrue(routed, "color " + c + " is routed in switches");
        // Ctrl+G puts the keys on the gallery list
        robot.press(KeyCode.CONTROL).type(KeyCode.G).release(KeyCode.CONTROL);
        assertEquals("gallery", stage.getScene().getFocusOwner().getId());
        robot.type(KeyCode.DOWN);
        robot.interact(() -> { });
        shot(robot, "gallery-selected");
    }

    @Test
    void breakpointsKeptFromAnEarlierSessionAreSaidInTheConsoleAndListed(FxRobot robot) throws Exception {
        String key = SimulationSession.programKey(samples.materialize(samples.byName("broadcast-chain").orElseThrow()));
        explorer.preferences().setBreakpoints(key, List.of("on receiver.csl:27", "off task@1,0"));
        open(robot, "broadcast-chain");
        String said = session.console().lines().stream().map(l -> l.text()).filter(t -> t.startsWith("restored "))
                .findFirst().orElse("nothing said of the 2 breakpoints a Run would stop at");
        assertTrue(said.startsWith("restored 2 breakpoints for this program, set in an earlier session: "
                + "receiver.csl:27, "), said);
        assertTrue(said.contains("(off)") && said.contains("Clear all"), said);
        robot.clickOn("#tab-breakpoints");
        assertEquals(2, robot.lookup("#breakpoints-list").queryAs(ListView.class).getItems().size());
        // said once a session: opening it again, or another program and back, restores nothing new
        open(robot, "sentinel");
        open(robot, "broadcast-chain");
        assertEquals(1, session.console().lines().stream().filter(l -> l.text().startsWith("restored ")).count());
    }

    @Test
    void breakpointsKeptFromAnEarlierSessionStopNothingUntilKeptAndCanBeRemoved(FxRobot robot) throws Exception {
        // a shared lab machine: the last student's breakpoints come back switched off, named in a bar over the fabric
        String key = SimulationSession.programKey(samples.materialize(samples.byName("broadcast-chain").orElseThrow()));
        explorer.preferences().setBreakpoints(key, List.of("on receiver.csl:27", "off task@1,0"));
        open(robot, "broadcast-chain");
        pulse(robot);
        org.controlsfx.control.NotificationPane bar = robot.lookup("#earlier-breakpoints")
                .queryAs(org.controlsfx.control.NotificationPane.class);
        assertTrue(bar.isShowing(), "the bar shows");
        assertTrue(bar.getText().startsWith("2 breakpoints from an earlier session, now off: receiver.csl:27, "),
                bar.getText());
        assertTrue(session.breakpoints().entries().stream().noneMatch(e -> e.enabled()), "all switched off");
        assertEquals(List.of("on receiver.csl:27", "off task@1,0"), explorer.preferences().breakpoints(key),
                "the store keeps them as they were until the user says");
        shot(robot, "earlier-breakpoints");
        runToStop(robot);
        assertEquals(SimState.HALTED, session.frameProperty().get().state(), "a Run stops at none of them");

        // the student who set them keeps them: as they were, and the next Run stops at the line
        robot.interact(() -> action(robot, "Keep").fire());
        assertTrue(!bar.isShowing(), "the bar goes once answered");
        assertEquals(List.of(true, false), session.breakpoints().entries().stream().map(e -> e.enabled()).toList());
        robot.interact(() -> session.controls().reset());
        pulse(robot);
        runToStop(robot);
        assertEquals(SimState.PAUSED, session.frameProperty().get().state(), "the kept breakpoint stops the run");

        // another student removes them, here and in the preferences
        String other = SimulationSession.programKey(samples.materialize(samples.byName("sentinel").orElseThrow()));
        explorer.preferences().setBreakpoints(other, List.of("on task@0,0"));
        open(robot, "sentinel");
        pulse(robot);
        assertTrue(bar.isShowing() && bar.getText().startsWith("A breakpoint from an earlier session, now off: "),
                bar.getText());
        robot.interact(() -> action(robot, "Remove").fire());
        assertEquals(0, session.breakpoints().entries().size());
        assertEquals(List.of(), explorer.preferences().breakpoints(other));
        assertTrue(!bar.isShowing());
    }

    private static javafx.scene.control.Button action(FxRobot robot, String text) {
        return robot.lookup("#earlier-breakpoints .button").match((javafx.scene.control.Button b) -> text.equals(b.getText()))
                .query();
    }
}
