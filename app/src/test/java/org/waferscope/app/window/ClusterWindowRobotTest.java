package org.waferscope.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.waferscope.app.export.PngWriter;
import org.waferscope.engine.cluster.ClusterProgram;
import org.waferscope.engine.program.ClasspathSource;

/**
 * The Cluster view with the bundled cluster program on two systems, its training run on
 * the test's thread: a training step by button, a walk through the step's phases, and a
 * click on a system that opens that wafer as a program folder. Writes
 * target/screenshots/cluster.png.
 */
@ExtendWith(ApplicationExtension.class)
class ClusterWindowRobotTest {
    private ClusterWindow window;
    private final List<Path> opened = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        ClusterProgram p = ClusterProgram.load(new ClasspathSource(getClass().getClassLoader(),
                "org/waferscope/samples/cluster-digits"));
        p = p.with(p.spec().withSystems(2).withBatch(16).withSteps(3));
        window = new ClusterWindow(stage, p, opened::add, Runnable::run, Runnable::run);
        stage.setWidth(1260);   // within the headless screen
        stage.setHeight(780);
        stage.show();
    }

    @Test
    void trainsAStepWalksItsPhasesAndOpensAWafer(FxRobot robot) throws Exception {
        robot.clickOn("#cluster-step");
        robot.interact(() -> window.view().paintIfDirty());
        assertEquals(1, window.model().frameProperty().get().step());
        assertTrue(robot.lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().startsWith("step 1/3")), "status shows the step");
        double end = window.model().playheadProperty().get();
        robot.interact(() -> window.model().rewind());
        robot.clickOn("#cluster-phase");
        double first = window.model().playheadProperty().get();
        assertTrue(first > 0 && first < end, "the playhead moved to the first event's end: " + first);

        Path shot = Path.of("target", "screenshots", "cluster.png");
        robot.interact(() -> {
            window.model().playheadProperty().set(end * 0.3);
            window.view().paintIfDirty();
            try {
                PngWriter.write(window.stage().getScene().snapshot(null), shot);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(Files.size(shot) > 20_000);

        double[] box = window.view().diagram().systemBox(1);
        Bounds b = window.view().diagram().localToScreen(window.view().diagram().getBoundsInLocal());
        robot.clickOn(b.getMinX() + box[0] + box[2] / 2, b.getMinY() + box[1] + box[3] / 2);
        assertEquals(2, opened.size(), "CS-1's wafer opened at the start, then the one clicked");
        assertNotNull(opened.get(1));
        assertTrue(Files.isRegularFile(opened.get(1).resolve("run.json")));
        assertTrue(Files.readString(opened.get(1).resolve("run.json")).contains("CS-2 of the cluster"));
    }
}
