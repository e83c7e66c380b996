package org.waferscope.app;

import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.waferscope.app.prefs.AppPreferences;
import org.waferscope.app.samples.SampleCatalog;
import org.waferscope.app.session.EngineFactory;
import org.waferscope.app.session.SimulationSession;
import org.waferscope.app.window.MainWindow;
import org.waferscope.engine.sim.Simulator;

/**
 * The explorer's window on a real one-thread simulator, for robot tests. The simulator's loop
 * and the session's background work run on the FX thread, turned by hand with {@link #pulse},
 * so no test sleeps. Its preferences live in a node of their own, which {@link #close} removes.
 */
final class RealExplorer {
    final Simulator sim = new Simulator(1);
    final SimulationSession session;
    final SampleCatalog samples;
    final MainWindow window;
    private final Stage stage;
    private final Preferences node = Preferences.userRoot().node("org/waferscope/test/" + UUID.randomUUID());

    /** Builds the window on TestFX's stage, 1280×800, and shows it. */
    RealExplorer(Stage stage) {
        this.stage = stage;
        session = new SimulationSession(new EngineFactory.Engine(sim, sim::load, sim), EngineWiring.programs(),
                Runnable::run, Runnable::run);
        samples = new SampleCatalog(RealExplorer.class.getClassLoader());
        window = new MainWindow(stage, session, new AppPreferences(node), samples);
        stage.setWidth(1280);
        stage.setHeight(800);
        window.show();
    }

    /** The preferences this window keeps (in the node of its own), as an earlier session would have left them. */
    AppPreferences preferences() {
        return new AppPreferences(node);
    }

    /** One turn of the simulator's loop, then one display pulse. */
    void pulse(FxRobot robot) {
        robot.interact(() -> {
            sim.tick();
            window.pump().pulse(System.nanoTime());
        });
    }

    /** Opens the bundled sample {@code name} as the gallery does, and waits until it is loaded. */
    void open(FxRobot robot, String name) {
        robot.interact(() -> window.openSample(samples.byName(name).orElseThrow()));
        pulse(robot);
        org.junit.jupiter.api.Assertions.assertEquals(org.waferscope.engine.api.SimState.LOADED,
                session.frameProperty().get().state());
    }

    /** Space, then turns of the loop until the run pauses or ends. */
    void runToStop(FxRobot robot) {
        robot.type(javafx.scene.input.KeyCode.SPACE);
        pulse(robot);
        for (int i = 0; i < 2_000 && session.frameProperty().get().state() == org.waferscope.engine.api.SimState.RUNNING; i++) {
            pulse(robot);
        }
        pulse(robot);
    }

    /** Writes {@code scene} as target/screenshots/NAME.png, to look at. */
    static void shoot(FxRobot robot, javafx.scene.Scene scene, String name) {
        robot.interact(() -> {
            try {
                org.waferscope.app.export.PngWriter.write(scene.snapshot(null), java.nio.file.Path.of("target", "screenshots",
                        name + ".png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Hides the window, unhooks it and drops its preferences and simulator. */
    void close(FxRobot robot) throws BackingStoreException {
        // TestFX's primary stage outlives this test: later tests must not fire this window's handlers
        robot.interact(() -> {
            stage.hide();
            stage.setOnShown(null);
            stage.setOnHidden(null);
        });
        node.removeNode();
        sim.close();
    }
}
