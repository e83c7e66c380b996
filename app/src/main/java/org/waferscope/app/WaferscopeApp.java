package org.waferscope.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.prefs.Preferences;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.waferscope.app.prefs.AppPreferences;
import org.waferscope.app.prefs.Theme;
import org.waferscope.app.samples.SampleCatalog;
import org.waferscope.app.session.EngineFactory;
import org.waferscope.app.session.SimulationSession;
import org.waferscope.app.window.MainWindow;
import org.waferscope.views.heatmap.PeLocation;

/**
 * The JavaFX application and composition root: it builds the engine, the session, the
 * preferences, the sample catalogue and the main window once, and wires them together.
 */
public final class WaferscopeApp extends Application {
    private EngineFactory.Engine engine;
    private ExecutorService loader;
    private Preferences prefsNode;

    @Override
    public void start(Stage stage) {
        AppOptions options;
        try {
            options = AppOptions.parse(getParameters().getRaw());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            Platform.exit();
            return;
        }
        engine = EngineWiring.engines().start();
        loader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "waferscope-loader");
            t.setDaemon(true);
            return t;
        });
        SimulationSession session = new SimulationSession(engine, EngineWiring.programs(options.params()), loader,
                Platform::runLater);
        // A screenshot is reproducible: it neither reads nor changes the user's preferences.
        prefsNode = options.screenshot() != null
                ? Preferences.userRoot().node("org/waferscope/screenshot-" + ProcessHandle.current().pid())
                : Preferences.userRoot().node("org/waferscope/explorer");
        AppPreferences.quietLockFailures();
        AppPreferences prefs = new AppPreferences(prefsNode);
        if (options.theme() != null) {
            prefs.setTheme(Theme.byName(options.theme()));
        }
        SampleCatalog samples = new SampleCatalog(WaferscopeApp.class.getClassLoader());
        MainWindow window = new MainWindow(stage, session, prefs, samples);
        if (options.screenshot() != null || options.window() != null) {
            stage.setMaximized(false);
            stage.setWidth(options.window() == null ? 1440 : options.window()[0]);
            stage.setHeight(options.window() == null ? 900 : options.window()[1]);
        }
        // Closing the main window quits, as the user expects: an open Cluster window would
        // otherwise keep the application running with nowhere to open its wafers.
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> Platform.exit());
        StartupTiming.watchIfAsked(stage.getScene(), session.frameProperty());
        window.show();
        if (options.layer() != null) {
            session.fxChooseLayerAndKeep(options.layer());
        }
        if (options.select() != null) {
            session.layers().selectedProperty().set(new PeLocation(options.select()[0], options.select()[1]));
            warnIfOffTheFabric(options.select(), session);
        }
        boolean loading = openFirstProgram(options, samples, window, session);
        if (options.screenshot() != null) {
            new ScreenshotRun(session, window, stage, options.screenshot(), options.cycles(), loading).start();
        }
        if (options.exitAfterMs() > 0) {
            PauseTransition exit = new PauseTransition(Duration.millis(options.exitAfterMs()));
            exit.setOnFinished(e -> stage.close());
            exit.play();
        }
    }

    /** Says so when the program's first frame shows that {@code --select X,Y} is off its fabric (it selects nothing). */
    private static void warnIfOffTheFabric(int[] xy, SimulationSession session) {
        session.frameProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends org.waferscope.engine.api.Frame> o,
                                org.waferscope.engine.api.Frame was, org.waferscope.engine.api.Frame f) {
                if (f == null || f.state() == org.waferscope.engine.api.SimState.EMPTY) {
                    return; // the frame before any program
                }
                o.removeListener(this);
                if (xy[0] >= f.width() || xy[1] >= f.height()) {
                    String why = "--select " + xy[0] + "," + xy[1] + ": there is no PE (" + xy[0] + ", " + xy[1]
                            + ") on this " + f.width() + " × " + f.height() + " fabric, so none is selected";
                    System.err.println("waferscope: " + why);
                    session.console().note(org.waferscope.engine.api.ConsoleLine.Kind.WARNING, f.cycle(), why);
                }
            }
        });
    }

    /** Opens {@code --open}, {@code --sample} or the default sample; false when there is none. */
    private static boolean openFirstProgram(AppOptions options, SampleCatalog samples, MainWindow window,
                                            SimulationSession session) {
        if (options.open() != null) {
            // no chooser at start: --build says which build, else the script's first
            window.open(options.open(), options.build());
            return true;
        }
        var sample = options.sample() != null ? samples.byName(options.sample()) : samples.defaultSample();
        if (sample.isEmpty()) {
            String why = options.sample() != null ? samples.unknown(options.sample()) : "no samples packaged";
            System.err.println(why);
            session.console().note(org.waferscope.engine.api.ConsoleLine.Kind.ERROR, 0, why);
            return false;
        }
        window.openSample(sample.get());
        return true;
    }

    @Override
    public void stop() throws Exception {
        if (loader != null) {
            loader.shutdownNow();
        }
        if (engine != null) {
            engine.closer().close();
        }
        if (prefsNode != null && prefsNode.name().startsWith("screenshot-")) {
            prefsNode.removeNode();
        }
    }
}
