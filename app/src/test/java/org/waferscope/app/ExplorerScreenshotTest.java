package org.waferscope.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.waferscope.app.export.PngWriter;
import org.waferscope.app.prefs.AppPreferences;
import org.waferscope.app.prefs.Theme;
import org.waferscope.app.samples.SampleCatalog;
import org.waferscope.app.session.SimulationSession;
import org.waferscope.app.window.MainWindow;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.views.heatmap.PeLocation;

/**
 * Renders the whole window headless, in both themes, to {@code target/screenshots/} so
 * the look can be checked by eye; asserts only that a picture with content was written.
 */
@ExtendWith(ApplicationExtension.class)
class ExplorerScreenshotTest {
    private final FakeEngine engine = new FakeEngine();
    private Preferences node;
    private SimulationSession session;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        node = Preferences.userRoot().node("org/waferscope/test/" + UUID.randomUUID());
        session = new SimulationSession(engine.engine(), FakeEngine::open, Runnable::run, Runnable::run);
        window = new MainWindow(stage, session, new AppPreferences(node), new SampleCatalog(getClass().getClassLoader()));
        stage.setWidth(1280);
        stage.setHeight(800);
        window.show();
    }

    @AfterEach
    void forgetPreferences(FxRobot robot) throws Exception {
        // the primary stage outlives this test: later tests must not fire this window's handlers
        robot.interact(() -> {
            stage.hide();
            stage.setOnShown(null);
            stage.setOnHidden(null);
        });
        node.removeNode();
    }

    private Path shoot(FxRobot robot, String name) throws Exception {
        Path file = Path.of("target", "screenshots", name);
        robot.interact(() -> {
            window.pump().pulse(System.nanoTime());
            try {
                PngWriter.write(stage.getScene().snapshot(null), file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(Files.size(file) > 20_000, name + " has content");
        return file;
    }

    private void prepare(FxRobot robot, MetricLayer layer) {
        robot.interact(() -> {
            window.open(Path.of("heat"));
            session.layers().layerProperty().set(layer);
            session.post(new Command.Step(600));
            window.pump().pulse(System.nanoTime());
            session.layers().selectedProperty().set(new PeLocation(9, 15));
        });
    }

    @Test
    void darkThemeUtilization(FxRobot robot) throws Exception {
        prepare(robot, MetricLayer.UTILIZATION);
        shoot(robot, "explorer-dark.png");
    }

    @Test
    void inspectorSourceTab(FxRobot robot) throws Exception {
        prepare(robot, MetricLayer.TASK_STATE);
        robot.clickOn("Source");
        shoot(robot, "explorer-source.png");
    }

    @Test
    void projectorScale(FxRobot robot) throws Exception {
        prepare(robot, MetricLayer.UTILIZATION);
        robot.interact(() -> window.scaleUi(1.4));
        shoot(robot, "explorer-scaled.png");
    }

    @Test
    void lightThemeZoomedTraffic(FxRobot robot) throws Exception {
        new AppPreferences(node).setTheme(Theme.LIGHT);
        robot.interact(() -> window.toggleTheme());
        prepare(robot, MetricLayer.TRAFFIC);
        robot.interact(() -> {
            var heatmap = (org.waferscope.views.heatmap.HeatmapView) stage.getScene().lookup("#heatmap");
            heatmap.setViewport(heatmap.getViewport().zoom(5).centerOn(8, 15));
        });
        shoot(robot, "explorer-light-traffic.png");
    }
}
