package org.waferscope.app;

import java.io.IOException;
import java.nio.file.Path;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.waferscope.app.export.PngWriter;
import org.waferscope.app.session.SimulationSession;
import org.waferscope.app.window.MainWindow;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.api.Frame;
import org.waferscope.engine.api.SimState;

/**
 * {@code --screenshot}: waits (pulse by pulse, never sleeping) for the program to load,
 * runs the requested cycles, lets the window settle for a few pulses, writes the scene
 * as PNG and exits. Gives up waiting after a time limit and shoots what there is. A program
 * that did not load is still shot (the picture shows why), but the run then fails: it says so
 * on standard error and {@link #exitStatus()} is 2, as for {@code run}'s load errors.
 */
final class ScreenshotRun extends AnimationTimer {
    private static final long LIMIT_NANOS = 120_000_000_000L;
    private static final int SETTLE_PULSES = 8;
    /** The cycles are run in this many steps, so the timeline has points to draw. */
    private static final int CHUNKS = 60;
    /** Set on the FX thread before the toolkit exits, read by the launcher after it has. */
    private static volatile int exitStatus;

    private enum Phase { LOADING, RUNNING, SETTLING }

    private final SimulationSession session;
    private final MainWindow window;
    private final Stage stage;
    private final Path file;
    private final long cycles;
    private Phase phase;
    private long started = -1;
    private int settled;
    private final Settling settling = new Settling(SETTLE_PULSES);
    private long target;

    ScreenshotRun(SimulationSession session, MainWindow window, Stage stage, Path file, long cycles,
                  boolean loading) {
        this.session = session;
        this.window = window;
        this.stage = stage;
        this.file = file;
        this.cycles = cycles;
        this.phase = loading ? Phase.LOADING : Phase.SETTLING;
    }

    @Override
    public void handle(long now) {
        if (started < 0) {
            started = now;
        }
        boolean late = now - started > LIMIT_NANOS;
        Frame f = session.frameProperty().get();
        switch (phase) {
            case LOADING -> {
                boolean failed = session.console().errorsProperty().get() > 0;
                if (f.state() == SimState.LOADED || failed || late) {
                    phase = failed ? Phase.SETTLING : Phase.RUNNING;
                }
            }
            case RUNNING -> {
                if (f.cycle() >= cycles || !f.state().canAdvance() || late) {
                    phase = Phase.SETTLING;
                } else if (f.cycle() >= target) {
                    long chunk = Math.max(1, (cycles + CHUNKS - 1) / CHUNKS);
                    target = Math.min(cycles, f.cycle() + chunk);
                    session.post(new Command.Step(target - f.cycle()));
                }
            }
            case SETTLING -> {
                if (settling.at(++settled, loadErrorBounds())) {
                    shoot();
                }
            }
        }
    }

    private javafx.geometry.Bounds loadErrorBounds() {
        javafx.scene.Node bar = stage.getScene().getRoot().lookup("#load-error .notification-bar");
        return bar == null || !bar.isVisible() ? null : bar.localToScene(bar.getLayoutBounds());
    }

    private void shoot() {
        stop();
        window.pump().pulse(System.nanoTime());
        try {
            PngWriter.write(stage.getScene().snapshot(null), file);
            System.out.println("Waferscope: screenshot written to " + file.toAbsolutePath());
        } catch (IOException e) {
            System.err.println("Waferscope: could not write " + file + ": " + e.getMessage());
        }
        String problem = problem(session);
        if (problem != null) {
            System.err.println("waferscope: --screenshot: " + problem);
            exitStatus = 2;
        }
        stage.close();
        Platform.exit();
    }

    /** Why the screenshot shows no program (the first error the console has of its load), or null when it shows one. */
    static String problem(SimulationSession session) {
        if (session.programProperty().get() != null) {
            return null;
        }
        String first = session.console().lines().stream()
                .filter(l -> l.kind() == org.waferscope.engine.api.ConsoleLine.Kind.ERROR).map(l -> l.text())
                .findFirst().orElse("no program was loaded");
        return "the program did not load, so the picture shows none: " + first;
    }

    /** The process's exit status once the toolkit has exited: 2 when the program shot did not load, else 0. */
    static int exitStatus() {
        return exitStatus;
    }
}
