package org.waferscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.waferscope.app.export.PngWriter;
import org.waferscope.app.history.CompareTarget;
import org.waferscope.app.session.SimulationSession;
import org.waferscope.app.window.MainWindow;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.api.SimState;
import org.waferscope.engine.api.TimelinePoint;
import org.waferscope.views.heatmap.PeLocation;
import org.waferscope.views.palette.Palette;
import org.waferscope.views.timeline.PeTimelineView;
import org.waferscope.views.timeline.TimelineView;

/**
 * The history tools in the explorer on the real simulator, headless; the simulator's loop
 * and the background work run on the FX thread by hand, so nothing sleeps.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryRobotTest {
    private RealExplorer explorer;
    private SimulationSession session;
    private MainWindow window;
    private Stage stage;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        explorer = new RealExplorer(stage);
        session = explorer.session;
        window = explorer.window;
        window.openSample(explorer.samples.byName("fifo-pipeline").orElseThrow());
    }

    @AfterEach
    void tearDown(FxRobot robot) throws Exception {
        explorer.close(robot);
    }

    private void pulse(FxRobot robot) {
        explorer.pulse(robot);
    }

    private void shoot(FxRobot robot, String name) {
        robot.interact(() -> {
            try {
                PngWriter.write(stage.getScene().snapshot(null), Path.of("target", "screenshots", name));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void aFinishedRunLeavesItsWholeTimelineAndThePeRowItsHistory(FxRobot robot) {
        pulse(robot);
        robot.interact(() -> session.post(new Command.Step(100_000)));
        pulse(robot);
        pulse(robot);
        assertEquals(SimState.HALTED, session.frameProperty().get().state());
        long end = session.frameProperty().get().cycle();
        List<TimelinePoint> pts = robot.lookup("#timeline").queryAs(TimelineView.class).pointsProperty().get();
        assertEquals(end, pts.get(pts.size() - 1).cycle(), "the timeline reaches the end of the run");
        assertEquals(end, pts.stream().mapToLong(TimelinePoint::span).sum(), "from cycle 0, without gaps");

        robot.interact(() -> session.layers().selectedProperty().set(new PeLocation(1, 0)));
        robot.clickOn("PE row");
        pulse(robot);
        PeTimelineView row = robot.lookup("#pe-timeline").queryAs(PeTimelineView.class);
        assertEquals(3, row.tracksProperty().get().size(), "the whole 3-PE row");
        assertEquals(end, row.tracksProperty().get().get(1).cycles(), "replayed up to the cycle on show");
        assertEquals(1, row.highlightProperty().get());
        shoot(robot, "history-window-pe-row.png");

        robot.interact(() -> session.post(new Command.StepBack(end - 200)));
        pulse(robot);
        pulse(robot);
        assertEquals(200, row.tracksProperty().get().get(1).cycles(), "stepping back replays to the new cycle");
        robot.clickOn("Whole run");
        pulse(robot);
        List<TimelinePoint> back = robot.lookup("#timeline").queryAs(TimelineView.class).pointsProperty().get();
        assertEquals(200, back.get(back.size() - 1).cycle(), "and the recorded timeline is cut back with it");
    }

    @Test
    void exportTraceAndCompareWorkFromTheWindow(FxRobot robot) throws Exception {
        pulse(robot);
        robot.interact(() -> session.post(new Command.Step(150)));
        pulse(robot);
        Path file = tmp.resolve("fifo.json");
        robot.interact(() -> window.history().exportTraceTo(file));
        var events = new ObjectMapper().readTree(file.toFile()).get("traceEvents");
        assertTrue(events.size() > 10);
        assertEquals(150, new ObjectMapper().readTree(file.toFile()).get("otherData").get("cycles").asLong());

        robot.interact(() -> window.history().compare(stage, Palette.VIRIDIS,
                new CompareTarget(session.folderProperty().get(), Map.of("use_fifo", "false"))));
        Stage compare = (Stage) robot.listWindows().stream().filter(w -> w instanceof Stage s
                && s.getTitle() != null && s.getTitle().startsWith("Compare:")).findFirst().orElseThrow();
        assertTrue(compare.getTitle().contains("use_fifo=false"), compare.getTitle());
        assertTrue(session.console().lines().stream().anyMatch(l -> l.text().startsWith("Compared: A")));
        robot.interact(compare::hide);
        assertTrue(Files.size(file) > 1000);
    }
}
