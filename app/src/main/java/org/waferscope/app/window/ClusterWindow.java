package org.waferscope.app.window;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.waferscope.app.session.SimulationSession;
import org.waferscope.engine.api.ClusterFrame;
import org.waferscope.engine.api.ConsoleLine.Kind;
import org.waferscope.engine.cluster.ClusterFrames;
import org.waferscope.engine.cluster.ClusterProgram;
import org.waferscope.engine.cluster.ClusterTraining;
import org.waferscope.engine.cluster.WaferReplay;
import org.waferscope.views.cluster.ClusterView;
import org.waferscope.views.cluster.ClusterViewModel;
import org.waferscope.views.lesson.LessonView;

/**
 * The Cluster view's window: a cluster program trained on a background thread a few
 * cycles, a layer phase or a step at a time, each answer's frame shown in the
 * {@link ClusterView}; a click on a system writes that wafer's forward pass of layer 1 in
 * the step on show (under way, else the last done, else the first) as a program folder and opens it in the main window's fabric view, saying that it is a
 * replay (a copy that starts the pass afresh), not the training's own wafer. The folder lives in
 * one temporary folder of this window's, replaced at each click and deleted when the
 * window closes (or, at the latest, when the application exits).
 *
 * <p>Threads: the training, the frames and the folders are made on {@code background}; the
 * model and nodes are touched only on the FX thread, reached through {@code fx}.
 */
public final class ClusterWindow {
    private final Stage stage;
    private final ClusterViewModel model;
    private final ClusterView view;
    private final AnimationTimer pump;
    private final Executor background;
    private final Executor fx;
    private final BiConsumer<Path, String> openWafer;
    private ClusterTraining training;
    private final ClusterFrames frames = new ClusterFrames();
    /** Where a clicked system's wafer is written (background thread only); null until the first click. */
    private Path replays;

    /**
     * @param openWafer  opens a program folder in the fabric view and tells the user what it is (FX thread)
     * @param background runs the training, one request at a time
     * @param fx         runs on the FX thread
     */
    public ClusterWindow(Stage stage, ClusterProgram program, BiConsumer<Path, String> openWafer, Executor background,
                         Executor fx) {
        this.stage = stage;
        this.background = background;
        this.fx = fx;
        this.openWafer = openWafer;
        this.model = new ClusterViewModel(new ClusterViewModel.Trainer() {
            @Override
            public void cycles(long n) {
                answer(() -> frames.now(training, training.advanceCycles(n)));
            }

            @Override
            public void phase() {
                answer(() -> frames.now(training, training.advancePhase().map(List::of).orElse(List.of())));
            }

            @Override
            public void step() {
                answer(() -> frames.now(training, training.finished() ? List.of() : List.of(training.step())));
            }

            @Override
            public void open(int system) {
                background.execute(() -> openSystem(system));
            }

            @Override
            public void comparePipelined() {
                background.execute(() -> {
                    String text;
                    try {
                        text = PipelinedContrast.measure(program, training);
                    } catch (Exception e) {
                        text = "Layer-pipelined: " + e.getMessage();
                    }
                    String shown = text;
                    fx.execute(() -> model.showComparison(shown));
                });
            }
        });
        this.view = new ClusterView(model);
        LessonView lesson = new LessonView();
        lesson.show(program.spec().title(), program.spec().summary(), program.spec().lesson());
        SplitPane split = new SplitPane(lesson, view);
        split.setDividerPositions(0.24);
        stage.setScene(new Scene(split));
        // 1400x820 where it fits; on a smaller screen (a 1280x800 laptop) its visible part, whole
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(1400, screen.getWidth()));
        stage.setHeight(Math.min(820, screen.getHeight()));
        stage.setTitle("Waferscope — cluster: " + program.spec().title());
        pump = new AnimationTimer() {
            @Override
            public void handle(long now) {
                view.paintIfDirty();
                model.pulse();
            }
        };
        background.execute(() -> {
            try {
                training = new ClusterTraining(program, 1);
                ClusterFrame f = frames.first(training);
                fx.execute(() -> {
                    show(f);
                    model.openSystem(0);   // the main window shows CS-1's wafer from the start
                });
            } catch (Exception e) {
                fx.execute(() -> stage.setTitle("Waferscope — cluster: cannot load: " + e.getMessage()));
            }
        });
        stage.setOnShown(e -> pump.start());
        stage.setOnHidden(e -> {
            pump.stop();
            model.runningProperty().set(false);
            background.execute(() -> {
                if (training != null) {
                    training.close();
                }
                deleteReplays();
                if (background instanceof ExecutorService own) {
                    own.shutdown();   // after this last task: the window's thread ends with it
                }
            });
        });
    }

    /** Runs {@code work} on the background thread and shows its frame; a kernel that stops ends Run and says why. */
    private void answer(Supplier<ClusterFrame> work) {
        background.execute(() -> {
            try {
                ClusterFrame f = work.get();
                fx.execute(() -> show(f));
            } catch (RuntimeException e) {
                fx.execute(() -> {
                    model.runningProperty().set(false);
                    model.show(model.frameProperty().get());
                    stage.setTitle("Waferscope — cluster: stopped: " + e.getMessage().lines().findFirst().orElse(""));
                });
            }
        });
    }

    /** Writes system i's wafer into this window's one replay folder (the last one's files go) and opens it. */
    private void openSystem(int i) {
        try {
            if (replays == null) {
                replays = Files.createTempDirectory("waferscope-cluster-");
                replays.toFile().deleteOnExit();
            }
            clear(replays);
            Path dir = Files.createDirectory(replays.resolve("cs-" + (i + 1)));
            int step = WaferReplay.write(training, i, dir);
            try (Stream<Path> files = Files.walk(dir)) {
                files.forEach(f -> f.toFile().deleteOnExit());   // in case the window is never closed
            }
            String what = replayNote(org.waferscope.engine.cluster.StepSchedule.system(i), step);
            fx.execute(() -> openWafer.accept(dir, what));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a click on a system opened, in the user's words: people expect the live wafer, and
     * get a copy of one pass that they can step and inspect while the training stays put.
     */
    static String replayNote(String system, int step) {
        return "Opened a replay of " + system + "'s wafer from the Cluster window: a copy of layer 1's forward pass "
                + "of step " + step + ", from its start. Stepping it here does not move the training, which goes on "
                + "in the Cluster window; click a system there again for a fresh copy.";
    }

    /** The replay folder, if any, and everything in it. Background thread. */
    private void deleteReplays() {
        if (replays == null) {
            return;
        }
        try {
            clear(replays);
            Files.deleteIfExists(replays);
        } catch (IOException e) {
            // a temporary folder left behind is no reason to fail closing the window
        }
    }

    private static void clear(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!f.equals(dir)) {
                    Files.delete(f);
                }
            }
        }
    }

    /** The folder a click on a system writes into (for tests); null before the first click. */
    Path replayFolder() {
        return replays;
    }

    private void show(ClusterFrame f) {
        model.show(f);
    }

    public ClusterViewModel model() {
        return model;
    }

    public ClusterView view() {
        return view;
    }

    public Stage stage() {
        return stage;
    }

    /**
     * Dresses this window as {@code owner} is (the app's stylesheet, the theme, the UI scale)
     * and keeps doing so when the user toggles the theme or the scale there; without it the
     * window showed JavaFX's light default beside a dark main window.
     */
    public void followLooks(Scene owner) {
        Scene scene = stage.getScene();
        javafx.beans.binding.Bindings.bindContent(scene.getStylesheets(), owner.getStylesheets());
        scene.getRoot().styleProperty().bind(owner.getRoot().styleProperty());
        Runnable themes = () -> {
            scene.getRoot().getStyleClass().removeIf(c -> c.startsWith("theme-"));
            owner.getRoot().getStyleClass().stream().filter(c -> c.startsWith("theme-"))
                    .forEach(scene.getRoot().getStyleClass()::add);
        };
        themes.run();
        owner.getRoot().getStyleClass().addListener((javafx.collections.ListChangeListener<String>) c -> themes.run());
    }

    /** True when the folder is a cluster program. */
    static boolean isCluster(Path dir) {
        return Files.isRegularFile(dir.resolve("cluster.json"));
    }

    /** Loads the cluster program in {@code dir} and opens its window; problems go to the main window's console. */
    static void fxOpen(Path dir, SimulationSession session, Scene looks) {
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "waferscope-cluster");
            t.setDaemon(true);
            return t;
        });
        background.execute(() -> {
            try {
                ClusterProgram p = ClusterProgram.load(dir);
                Platform.runLater(() -> {
                    ClusterWindow w = new ClusterWindow(new Stage(), p, (wafer, what) -> {
                        session.fxOpen(wafer);   // not main::open: a replay folder is no recent program
                        session.console().note(Kind.HOST, 0, what);
                    }, background, Platform::runLater);
                    w.followLooks(looks);
                    w.stage().show();
                    session.console().note(Kind.HOST, 0, "Opened the cluster program " + dir.getFileName()
                            + " in its own window; click a system there to open a replay of its wafer here.");
                });
            } catch (Exception e) {
                Platform.runLater(() -> session.console().note(Kind.ERROR, 0, "Could not load " + dir + ": "
                        + e.getMessage()));
                background.shutdown();
            }
        });
    }
}
