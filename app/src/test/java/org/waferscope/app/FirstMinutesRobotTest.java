package org.waferscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.waferscope.app.session.SimulationSession;
import org.waferscope.engine.api.ConsoleLine;
import org.waferscope.engine.api.SimState;

/**
 * What a student meets in the first minutes, on the real engine at the test window's
 * 1280×800: the opening screen's value controls show what they hold, and F1's list of
 * shortcuts lines up. Writes target/screenshots/first-minutes-*.png.
 */
@ExtendWith(ApplicationExtension.class)
class FirstMinutesRobotTest {
    private RealExplorer explorer;
    private SimulationSession session;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        explorer = new RealExplorer(stage);
        session = explorer.session;
    }

    @AfterEach
    void tearDown(FxRobot robot) throws Exception {
        explorer.close(robot);
    }

    private void open(FxRobot robot, String name) {
        explorer.open(robot, name);
    }

    private void shot(FxRobot robot, String name) {
        RealExplorer.shoot(robot, stage.getScene(), name);
    }

    private static void wholeWidth(FxRobot robot, String id, double atLeast) {
        Control c = robot.lookup(id).queryAs(Control.class);
        assertTrue(c.isVisible(), id + " is shown");
        assertTrue(c.getWidth() >= atLeast - 0.5, id + " is squeezed to " + c.getWidth() + " < " + atLeast);
    }

    @Test
    void theOpeningScreensValueControlsShowWhatTheyHold(FxRobot robot) {
        open(robot, "broadcast-chain");   // opens on the value layer, one element of arrivals
        explorer.pulse(robot);
        Control palette = robot.lookup("#palette").queryAs(Control.class);
        wholeWidth(robot, "#palette", palette.prefWidth(-1));
        wholeWidth(robot, "#value-index", 60);
        javafx.scene.Node rows = robot.lookup("#value-rows").query();
        javafx.scene.Node heatmap = robot.lookup("#heatmap").query();
        assertTrue(rows.localToScene(rows.getBoundsInLocal()).getMaxX()
                <= heatmap.localToScene(heatmap.getBoundsInLocal()).getMaxX() + 0.5, "the last chooser is not cut off");
        shot(robot, "first-minutes-value-footer");
    }

    @Test
    void everySideTabShowsAtTheDefaultLayout(FxRobot robot) {
        // "what is this PE waiting on" is a student's first question: its tab is never under the overflow menu
        // at the test window's 1280×800 (the headless screen's size), narrower than the default 1440×900
        open(robot, "broadcast-chain");
        explorer.pulse(robot);
        allTabsInView(robot, "#side-tabs");
        allTabsInView(robot, "#inspector-tabs");
        shot(robot, "first-minutes-side-tabs");
    }

    @Test
    void theBreakpointsTabSaysWholeHowToSetOne(FxRobot robot) {
        // the tenth review: at 1280 its first words read "Click a line number in ..." and
        // "right-click a task, symbol or queue in t...", the places to click cut off
        open(robot, "broadcast-chain");
        robot.clickOn("#tab-breakpoints");
        robot.interact(() -> stage.getScene().getRoot().layout());
        javafx.scene.control.ListView<?> list = robot.lookup("#breakpoints-list").queryAs(javafx.scene.control.ListView.class);
        Label how = (Label) list.getPlaceholder();
        assertTrue(how.getText().contains("the Source tab") && how.getText().contains("in the inspector"), how.getText());
        String shown = robot.from(how).lookup(".text").queryAs(javafx.scene.text.Text.class).getText();
        assertEquals(how.getText(), shown, "the words are shown whole, not cut");
        javafx.geometry.Bounds b = how.localToScene(how.getLayoutBounds());
        javafx.geometry.Bounds room = list.localToScene(list.getLayoutBounds());
        assertTrue(b.getMinX() >= room.getMinX() - 0.5 && b.getMaxX() <= room.getMaxX() + 0.5,
                "inside the list: " + b + " in " + room);
        shot(robot, "first-minutes-breakpoints-empty");
    }

    @Test
    void everySideTabShowsAgainAfterALargerUiAndBack(FxRobot robot) {
        // Ctrl+= overflows the strip into a ▾ menu; Ctrl+− must bring back the strip as it was, "Waiting" whole
        open(robot, "broadcast-chain");
        robot.interact(() -> explorer.window.scaleUi(1.125));
        explorer.pulse(robot);
        robot.interact(() -> explorer.window.scaleUi(1 / 1.125));
        explorer.pulse(robot);
        allTabsInView(robot, "#side-tabs");
        allTabsInView(robot, "#inspector-tabs");
        shot(robot, "first-minutes-side-tabs-rescaled");
    }

    @Test
    void theValueFootersChoosersComeBackToTheirWidthAfterALargerUiAndBack(FxRobot robot) {
        // a combo box is as wide as its list, and the list kept the cell widths it measured at the larger
        // font: palette and reduction stayed 11-12 px wider and pushed "rows" past the fabric's edge
        open(robot, "broadcast-chain");   // opens on the value layer
        explorer.pulse(robot);
        Control palette = robot.lookup("#palette").queryAs(Control.class);
        Control reduce = robot.lookup("#value-reduce").queryAs(Control.class);
        double paletteBefore = palette.getWidth();
        double reduceBefore = reduce.getWidth();
        robot.interact(() -> explorer.window.scaleUi(1.125));
        explorer.pulse(robot);
        assertTrue(palette.getWidth() > paletteBefore, "a larger UI widens the palette chooser");
        robot.interact(() -> explorer.window.scaleUi(1 / 1.125));
        explorer.pulse(robot);
        assertEquals(paletteBefore, palette.getWidth(), 0.5, "the palette chooser is as wide as before");
        assertEquals(reduceBefore, reduce.getWidth(), 0.5, "the reduction chooser is as wide as before");
        javafx.scene.Node rows = robot.lookup("#value-rows").query();
        javafx.scene.Node heatmap = robot.lookup("#heatmap").query();
        assertTrue(rows.localToScene(rows.getBoundsInLocal()).getMaxX()
                <= heatmap.localToScene(heatmap.getBoundsInLocal()).getMaxX() + 0.5, "\"rows\" is not cut off");
        shot(robot, "first-minutes-value-footer-rescaled");
    }

    @Test
    void aSampleIsCopiedToAFolderOfTheStudentsAndTheCopyOpens(FxRobot robot, @org.junit.jupiter.api.io.TempDir
            java.nio.file.Path mine) throws Exception {
        // the lessons' "in a copy of the sample": a double-clicked jar has no sample folder of its own to copy
        open(robot, "broadcast-chain");
        robot.interact(() -> explorer.window.saveCopyIn(mine));
        explorer.pulse(robot);
        java.nio.file.Path copy = mine.resolve("broadcast-chain");
        assertEquals(copy, session.folderProperty().get(), "the copy is open");
        assertEquals(SimState.LOADED, session.frameProperty().get().state());
        assertTrue(java.nio.file.Files.exists(copy.resolve("receiver.csl")), "with the sample's files");
        assertTrue(session.console().lines().stream().anyMatch(l -> l.text().startsWith("Copied broadcast-chain to " + copy)),
                "the console says where it is");
    }

    /** Every tab header of the tab pane lies inside it, and no ▾ menu is shown for tabs that do not fit. */
    private static void allTabsInView(FxRobot robot, String id) {
        javafx.scene.control.TabPane pane = robot.lookup(id).queryAs(javafx.scene.control.TabPane.class);
        javafx.scene.Node menu = pane.lookup(".control-buttons-tab");
        assertTrue(menu == null || !menu.isVisible() || menu.getBoundsInLocal().getWidth() == 0,
                id + " shows no overflow menu");
        double right = pane.localToScene(pane.getBoundsInLocal()).getMaxX();
        java.util.List<String> shown = new java.util.ArrayList<>();
        for (javafx.scene.Node tab : pane.lookupAll(".tab")) {
            double end = tab.localToScene(tab.getBoundsInLocal()).getMaxX();
            if (end <= right + 0.5 && tab.isVisible()) {
                shown.add(((javafx.scene.control.Label) tab.lookup(".tab-label")).getText());
            } else {
                System.out.println(id + ": " + tab.lookup(".tab-label") + " ends at " + end + ", beyond " + right);
            }
        }
        assertEquals(pane.getTabs().stream().map(javafx.scene.control.Tab::getText).toList(), shown,
                "every tab of " + id + " is in view");
    }

    @Test
    void noLayerButtonIsCutOffWhateverTheProgramsTitle(FxRobot robot) throws java.io.IOException {
        for (String name : java.util.List.of("broadcast-chain", "gemv-checkerboard", "relay-deadlock", "summa",
                "broadcast-chain")) {
            open(robot, name);
            explorer.pulse(robot);
            javafx.scene.Node value = robot.lookup("#layer-value").query();
            javafx.scene.Node header = robot.lookup(".fabric-header").query();
            double end = value.localToScene(value.getBoundsInLocal()).getMaxX();
            double right = header.localToScene(header.getBoundsInLocal()).getMaxX();
            assertTrue(end <= right + 0.5, name + ": the last layer button ends at " + end + ", the header at " + right);
        }
        // the console names a bundled sample, not the temporary folder it is unpacked to
        assertTrue(session.console().lines().stream().anyMatch(l -> l.text().equals("Loading the sample broadcast-chain\u00a0…")),
                "the sample is named when it loads");
        // a cluster system's replay has the longest title a user meets
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("waferscope-long-title");
        java.nio.file.Path from = java.nio.file.Path.of("..", "sample-programs", "src", "main", "resources", "org",
                "waferscope", "samples", "broadcast-chain");
        try (var files = java.nio.file.Files.list(from)) {
            for (java.nio.file.Path f : files.toList()) {
                java.nio.file.Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        java.nio.file.Path run = dir.resolve("run.json");
        java.nio.file.Files.writeString(run, java.nio.file.Files.readString(run).replace("\"Broadcast chain\"",
                "\"CS-1 of the cluster: layer 1 forward of step 1\""));
        robot.interact(() -> explorer.window.open(dir));
        for (int i = 0; i < 5; i++) {
            explorer.pulse(robot);
        }
        assertEquals("CS-1 of the cluster: layer 1 forward of step 1", robot.lookup(".fabric-title").queryAs(
                javafx.scene.control.Label.class).getText());
        javafx.scene.Node value = robot.lookup("#layer-value").query();
        javafx.scene.Node header = robot.lookup(".fabric-header").query();
        assertTrue(value.localToScene(value.getBoundsInLocal()).getMaxX()
                <= header.localToScene(header.getBoundsInLocal()).getMaxX() + 0.5, "a long title: no button cut off");
        // the same program again (a copy): the variable chooser still names what the value layer shows
        assertEquals("arrivals", robot.lookup("#value-symbol").queryAs(javafx.scene.control.ComboBox.class)
                .getButtonCell().getText());
        shot(robot, "first-minutes-long-title");
    }

    @Test
    void aNewProgramsTitleIsFittedByItsOwnLength(FxRobot robot) {
        // a header wide enough for the layer names beside "Switches" but not beside "Broadcast chain":
        // the new title must be measured, not the one before (it was shown as "Broadcast...")
        open(robot, "switches");
        explorer.pulse(robot);
        javafx.scene.control.Label title = robot.lookup(".fabric-title").queryAs(javafx.scene.control.Label.class);
        javafx.scene.layout.Region header = robot.lookup(".fabric-header").queryAs(javafx.scene.layout.Region.class);
        org.waferscope.views.layers.LayerChooserView chooser = robot.lookup(".layer-chooser")
                .queryAs(org.waferscope.views.layers.LayerChooserView.class);
        double[] target = new double[1];
        robot.interact(() -> {
            javafx.scene.text.Text probe = new javafx.scene.text.Text("Broadcast chain");
            probe.setFont(title.getFont());
            double longer = probe.getLayoutBounds().getWidth();
            probe.setText("Switches");
            double shorter = probe.getLayoutBounds().getWidth();
            target[0] = chooser.fullWidth() + (longer + shorter) / 2 + 40;
        });
        javafx.scene.control.SplitPane main = (javafx.scene.control.SplitPane)
                ((javafx.scene.layout.BorderPane) stage.getScene().getRoot()).getCenter();
        for (int i = 0; i < 4; i++) {   // the dividers move the header's edges: a few turns to settle
            robot.interact(() -> {
                double[] d = main.getDividerPositions();
                main.setDividerPositions(d[0] - (target[0] - header.getWidth()) / main.getWidth(), d[1]);
            });
            explorer.pulse(robot);
        }
        assertEquals(target[0], header.getWidth(), 3, "the header is as wide as wanted");
        open(robot, "broadcast-chain");
        explorer.pulse(robot);
        explorer.pulse(robot);
        assertTrue(title.getWidth() >= Math.min(title.prefWidth(-1), header.getWidth() / 3) - 0.5,
                "the title is not cut to " + title.getWidth() + " beside a chooser of " + chooser.getWidth());
    }

    @Test
    void helpShowsTheSimulatedMachineAndTheChoicesMadeForIt(FxRobot robot) {
        open(robot, "broadcast-chain");
        robot.interact(() -> explorer.window.showMachine());
        javafx.scene.Node sheet = robot.lookup("#machine-sheet").query();
        java.util.List<String> texts = robot.from(sheet).lookup(".label").queryAllAs(javafx.scene.control.Label.class)
                .stream().map(javafx.scene.control.Label::getText).toList();
        assertTrue(texts.contains("757 × 996 PEs"), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.contains("task picker: round-robin")), "the task picker's rule: " + texts);
        assertTrue(texts.stream().anyMatch(t -> t.contains("2 cycles per hop")), texts.toString());
        RealExplorer.shoot(robot, sheet.getScene(), "first-minutes-machine");
        robot.interact(() -> ((Stage) sheet.getScene().getWindow()).close());
    }

    @Test
    void helpAboutNamesTheVersionTheDocsTheLicenceAndTheDataItShips(FxRobot robot) throws Exception {
        open(robot, "broadcast-chain");
        javafx.scene.control.MenuBar bar = robot.lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.Menu help = bar.getMenus().stream().filter(m -> m.getText().equals("_Help")).findFirst()
                .orElseThrow();
        javafx.scene.control.MenuItem about = help.getItems().stream()
                .filter(i -> "About Waferscope".equals(i.getText())).findFirst().orElseThrow(() -> new AssertionError(
                        "Help has an About: " + help.getItems().stream().map(javafx.scene.control.MenuItem::getText).toList()));
        robot.interact(about::fire);
        javafx.scene.Node sheet = robot.lookup("#about-sheet").query();
        java.util.List<String> texts = robot.from(sheet).lookup(".label").queryAllAs(javafx.scene.control.Label.class)
                .stream().map(javafx.scene.control.Label::getText).toList();
        // the version the POM gives this build, not one written a second time in the source
        String pom = java.nio.file.Files.readString(java.nio.file.Path.of("pom.xml"));
        java.util.regex.Matcher parent = java.util.regex.Pattern.compile("(?s)<parent>.*?<version>([^<]+)</version>").matcher(pom);
        assertTrue(parent.find(), "the module's POM names its parent's version");
        String version = parent.group(1);
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("Waferscope " + version + " on Java ")), texts.toString());
        assertEquals("Waferscope " + version, org.waferscope.app.cli.WaferscopeCli.VERSION, "--version says the same");
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("A desktop explorer for a wafer-scale dataflow processor")),
                texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.contains("README.md") && t.contains("docs/")), texts.toString());
        assertTrue(texts.contains("Licence"), texts.toString());
        // the one data set the samples ship, with the attribution its NOTICE asks for
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("Sample cluster-digits: digits.csv.gz")
                && t.contains("E. Alpaydin and C. Kaynak, 1998; licensed CC BY 4.0")), texts.toString());
        assertEquals(1, texts.stream().filter(t -> t.startsWith("Sample ")).count(), "only what really ships: " + texts);
        RealExplorer.shoot(robot, sheet.getScene(), "first-minutes-about");
        robot.interact(() -> ((Stage) sheet.getScene().getWindow()).close());
    }

    @Test
    void theShortcutListLinesUpItsKeysAndActions(FxRobot robot) {
        open(robot, "broadcast-chain");
        robot.interact(() -> explorer.window.showShortcuts());
        javafx.scene.layout.GridPane keys = robot.lookup("#shortcuts").queryAs(javafx.scene.layout.GridPane.class);
        java.util.Set<Long> actionColumn = new java.util.HashSet<>();
        for (javafx.scene.Node n : keys.getChildren()) {
            Integer column = javafx.scene.layout.GridPane.getColumnIndex(n);
            if (column != null && column == 1) {
                actionColumn.add(Math.round(n.getBoundsInParent().getMinX()));
            }
        }
        assertEquals(1, actionColumn.size(), "every action starts at the same x: " + actionColumn);
        assertTrue(keys.getChildren().stream().anyMatch(n -> n instanceof javafx.scene.control.Label l
                && l.getText().equals("Step back 1 cycle")), "the actions are listed");
        RealExplorer.shoot(robot, keys.getScene(), "first-minutes-shortcuts");
        robot.interact(() -> ((Stage) keys.getScene().getWindow()).close());
    }

    @Test
    void theShortcutListSaysHowToSetABreakpoint(FxRobot robot) {
        open(robot, "broadcast-chain");
        robot.interact(() -> explorer.window.showShortcuts());
        javafx.scene.layout.GridPane keys = robot.lookup("#shortcuts").queryAs(javafx.scene.layout.GridPane.class);
        String said = robot.lookup(".label").queryAllAs(Label.class).stream()
                .filter(l -> l.getScene() == keys.getScene()).map(Label::getText).filter(t -> t != null)
                .collect(java.util.stream.Collectors.joining("\n"));
        assertTrue(said.contains("click a source line's number to set or clear a breakpoint"), said);
        assertTrue(said.contains("right-click a task, symbol, color or queue to set a breakpoint on it"), said);
        Label inspector = robot.lookup("#inspector-gestures").queryAs(Label.class);
        assertTrue(inspector.getHeight() > 1.5 * inspector.getFont().getSize(), "the words wrap within the dialog");
        robot.interact(() -> ((Stage) keys.getScene().getWindow()).close());
    }

    // the eighth new-user review (session 16): the console's counts after a step back out of a deadlock,
    // a long load error over the fabric read whole, the value footer at 1280 with the signed palette

    @Test
    void afterASteppingBackOutOfADeadlockTheCountsAreOfTheCycleShown(FxRobot robot) {
        open(robot, "relay-deadlock");
        explorer.runToStop(robot);
        assertEquals(SimState.FAULTED, session.frameProperty().get().state());
        int reported = session.console().errorsProperty().get();
        assertTrue(reported > 0, "the deadlock's report is counted");
        Label counts = robot.lookup("#console-counts").queryAs(Label.class);
        assertTrue(counts.getText().startsWith(reported + " err"), counts.getText());

        robot.type(KeyCode.LEFT);
        explorer.pulse(robot);
        assertEquals(18, session.frameProperty().get().cycle());
        // the run shown has no deadlock: "8 err" described a cycle the user is no longer at
        assertEquals(0, session.console().errorsProperty().get());
        assertTrue(counts.getText().startsWith("0 err"), counts.getText());
        assertEquals(reported, session.console().errorsSteppedBackFromProperty().get());
        assertTrue(counts.getTooltip().getText().contains(reported + " errors more in the greyed lines"),
                counts.getTooltip().getText());
        // the report stays, greyed, where it was read
        ConsoleLine report = session.console().lines().stream().filter(l -> l.kind() == ConsoleLine.Kind.ERROR)
                .findFirst().orElseThrow();
        assertTrue(session.console().isSteppedBackFrom(report));
        RealExplorer.shoot(robot, stage.getScene(), "console-stepped-back-from-a-deadlock");

        // forward again: the deadlock is met again and counted once, not twice
        robot.type(KeyCode.RIGHT);
        explorer.pulse(robot);
        assertEquals(SimState.FAULTED, session.frameProperty().get().state());
        assertEquals(reported, session.console().errorsProperty().get());
        // a reset goes back to cycle 0 as a step back does
        robot.press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        explorer.pulse(robot);
        assertEquals(0, session.frameProperty().get().cycle());
        assertEquals(0, session.console().errorsProperty().get());
        assertFalse(session.console().isSteppedBackFrom(session.console().lines().get(0)), "what came before the run stays");
    }

    @Test
    void aLongLoadErrorOverTheFabricIsReadWholeWithItsPlace(FxRobot robot) {
        open(robot, "heat-diffusion");
        java.nio.file.Path folder = session.folderProperty().get();
        robot.interact(() -> session.fxOpen(folder, Map.of("width", "0")));
        explorer.pulse(robot);
        String said = session.loadErrorProperty().get();
        assertTrue(said.contains("layout.csl:"), "the error keeps its file:line:col: " + said);
        Label words = robot.lookup("#load-error .notification-bar .label").match((Label l) -> said.equals(l.getText()))
                .queryAs(Label.class);
        robot.interact(() -> { });
        Text drawn = (Text) words.lookup(".text");
        // a label drawn cut ends in "…" and holds less than its text
        assertEquals(said, drawn.getText(), "the banner's words are drawn whole at 1280 wide");
        assertTrue(words.getHeight() >= words.prefHeight(words.getWidth()) - 0.5,
                "every line of the wrapped words has its room: " + words.getHeight());
        assertTrue(words.localToScene(words.getLayoutBounds()).getMaxX() <= stage.getScene().getWidth(),
                "and within the window");
        RealExplorer.shoot(robot, stage.getScene(), "load-error-whole-at-1280");
    }

    @Test
    void theValueFooterFitsAt1280WithTheSignedPaletteAndOneElement(FxRobot robot) {
        // allreduce's result[0] after its run: "Blue–red (signed)", the element's index, and "rows" cut at the edge
        open(robot, "allreduce");
        explorer.runToStop(robot);
        assertTrue(robot.lookup("#palette").queryAs(javafx.scene.control.Control.class).isDisabled(), "values are signed");
        javafx.scene.Node heatmap = robot.lookup("#heatmap").query();
        double edge = heatmap.localToScene(heatmap.getBoundsInLocal()).getMaxX() + 0.5;
        for (String id : new String[] {"#palette", "#value-reduce", "#value-index"}) {
            javafx.scene.Node n = robot.lookup(id).query();
            assertTrue(n.isVisible() && n.localToScene(n.getBoundsInLocal()).getMaxX() <= edge, id + " is cut at the edge");
        }
        javafx.scene.Node rows = robot.lookup("#value-rows").query();
        assertFalse(rows.isVisible(), "\"rows\" lays out whole arrays; one element has none to lay out");
        robot.interact(() -> robot.lookup("#value-reduce").queryComboBox().getSelectionModel()
                .select(org.waferscope.engine.api.ValueQuery.Reduce.ARRAY));
        explorer.pulse(robot);
        assertTrue(rows.isVisible(), "a whole array can be laid out as rows");
        assertTrue(rows.localToScene(rows.getBoundsInLocal()).getMaxX() <= edge, "\"rows\" is not cut off");
        RealExplorer.shoot(robot, stage.getScene(), "value-footer-signed-at-1280");
    }
}
