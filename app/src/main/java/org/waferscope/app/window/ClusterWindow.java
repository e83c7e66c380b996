package org.waferscope.app.window;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
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
 * The Cluster view's window: a cluster program trained step by step on a background
 * thread, each step's frame shown in the {@link ClusterView}; a click on a system writes
 * that wafer's next pass as a program folder and opens it in the main window's fabric view.
 *
 * <p>Threads: the training and the frames run on {@code background}; the model and nodes
 * are touched only on the FX thread, reached through {@code fx}.
 */
public final class ClusterWindow {
    private final Stage stage;
    private final ClusterViewModel model;
    private final ClusterView view;
    private final AnimationTimer pump;
    private ClusterTraining training;
    private final ClusterFrames frames = new ClusterFrames();

    /**
     * @param openWafer  opens a program folder in the fabric view (FX thread)
     * @param background runs training steps, one at a time
     * @param fx         runs on the FX thread
     */
    public ClusterWindow(Stage stage, ClusterProgram program, Consumer<Path> openWafer, java.util.concurrent.Executor background,
                         java.util.concurrent.Executor fx) {
        this.stage = stage;
        this.model = new ClusterViewModel(
                () -> background.execute(() -> {
                    ClusterFrame f = frames.after(training, training.step());
                    fx.execute(() -> show(f));
                }),
                i -> background.execute(() -> {
                    try {
                        Path dir = Files.createDirectory(Files.createTempDirectory("waferscope-cluster-")
                                .resolve("cs-" + (i + 1)));
                        WaferReplay.write(training, i, dir);
                        fx.execute(() -> openWafer.accept(dir));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }));
        this.view = new ClusterView(model);
        LessonView lesson = new LessonView();
        lesson.show(program.spec().title(), program.spec().summary(), program.spec().lesson());
        SplitPane split = new SplitPane(lesson, view);
        split.setDividerPositions(0.24);
        stage.setScene(new Scene(split, 1400, 820));
        stage.setTitle("Waferscope — cluster: " + program.spec().title());
        pump = new AnimationTimer() {
            @Override
            public void handle(long now) {
                view.paintIfDirty();
                if (model.runningProperty().get()) {
                    model.stepTraining();
                }
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
            });
        });
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

    /** True when the folder is a cluster program. */
    static boolean isCluster(Path dir) {
        return Files.isRegularFile(dir.resolve("cluster.json"));
    }

    /** Loads the cluster program in {@code dir} and opens its window; problems go to the main window's console. */
    static void fxOpen(Path dir, MainWindow main, SimulationSession session) {
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "waferscope-cluster");
            t.setDaemon(true);
            return t;
        });
        background.execute(() -> {
            try {
                ClusterProgram p = ClusterProgram.load(dir);
                Platform.runLater(() -> {
                    ClusterWindow w = new ClusterWindow(new Stage(), p, main::open, background, Platform::runLater);
                    w.stage().setOnCloseRequest(e -> background.shutdown());
                    w.stage().show();
                    session.console().note(Kind.HOST, 0, "Opened the cluster program " + dir.getFileName()
                            + " in its own window; click a system there to open its wafer here.");
                });
            } catch (Exception e) {
                Platform.runLater(() -> session.console().note(Kind.ERROR, 0, "Could not load " + dir + ": "
                        + e.getMessage()));
                background.shutdown();
            }
        });
    }
}
