package org.waferscope.app.window;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.waferscope.app.export.MetricsCsv;
import org.waferscope.app.history.HistoryActions;
import org.waferscope.app.export.PngWriter;
import org.waferscope.app.prefs.AppPreferences;
import org.waferscope.app.samples.Sample;
import org.waferscope.app.samples.SampleCatalog;
import org.waferscope.app.session.FramePump;
import org.waferscope.app.session.SimulationSession;
import org.waferscope.assets.AppIcon;
import org.waferscope.engine.api.ConsoleLine.Kind;
import org.waferscope.views.inspector.CoreInspectorView;
import org.waferscope.views.lesson.LessonView;
import org.waferscope.views.status.StatusBarView;

/**
 * The explorer's main window: builds the panes around the session's view models, runs the
 * frame pump while it is showing, and does what actions need a window for (dialogs,
 * exports, theme). FX thread only.
 */
public final class MainWindow implements Shell {
    private final Stage stage;
    private final SimulationSession session;
    private final AppPreferences prefs;
    private final SampleCatalog samples;
    private final FabricPane fabric;
    private final BottomPanel bottom;
    private final TabPane left = new TabPane();
    private final LessonView lesson = new LessonView();
    private final SplitPane main = new SplitPane();
    private final SplitPane centre = new SplitPane();
    private final FramePump pump;
    private final Looks looks;
    private final WindowActions actions;
    private final HistoryActions history;
    private final DebuggerWiring debugger;
    private GalleryPane gallery;

    /** Lessons suggest runs as command-line params; in the window they go in the parameters dialog. */
    static final String PARAMS_HINT = "\n\nIn this window, a --param NAME=VALUE goes in File → Layout parameters… "
            + "(Ctrl+L): the program reloads with it.";

    static final String COPY_HINT = "\n\nFor \"a copy of the sample\": File → Save a copy to edit… puts its files in "
            + "a folder of yours and opens the copy.";

    /** A lesson with how to do in this window what its "things to try" say on the command line. */
    static String lessonWithHints(String lesson) {
        return lesson + (lesson.contains("--param") ? PARAMS_HINT : "")
                + (lesson.contains("copy of the sample") ? COPY_HINT : "");
    }

    public MainWindow(Stage stage, SimulationSession session, AppPreferences prefs, SampleCatalog samples) {
        this.stage = stage;
        this.session = session;
        this.prefs = prefs;
        this.samples = samples;
        session.layers().paletteProperty().set(prefs.palette());
        session.layers().paletteProperty().addListener((o, a, p) -> prefs.setPalette(p));
        session.controls().refreshRateProperty().set(prefs.refreshRate());
        fabric = new FabricPane(session);
        bottom = new BottomPanel(session);
        actions = new WindowActions(session, this);
        history = new HistoryActions(session);
        pump = new FramePump(session, List.of(fabric.heatmap, fabric.minimap, bottom.timeline, bottom.peTimeline));

        CoreInspectorView inspector = new CoreInspectorView(session.inspector(), session.breakpoints());
        inspector.setId("inspector");
        lesson.setId("lesson");
        left.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        left.setId("side-tabs");
        left.getStyleClass().add("side-tabs");
        javafx.scene.control.Label galleryHint = new javafx.scene.control.Label("Double-click a sample to open it.");
        galleryHint.getStyleClass().add("inspector-hint");
        galleryHint.setPadding(new javafx.geometry.Insets(6, 10, 4, 10));
        gallery = new GalleryPane(samples.samples(), this::openSample);
        javafx.scene.layout.VBox.setVgrow(gallery, javafx.scene.layout.Priority.ALWAYS);
        debugger = new DebuggerWiring(session, prefs, fabric, inspector);
        left.getTabs().addAll(new Tab("Samples", new VBox(galleryHint, gallery)), new Tab("Lesson", lesson),
                debugger.tab(), debugger.waitingTab());
        session.programProperty().addListener((o, a, p) -> {
            lesson.show(p.title(), p.summary(), lessonWithHints(p.lesson()));
            left.getSelectionModel().select(1);
            stage.setTitle("Waferscope — " + p.title());
        });

        centre.setOrientation(Orientation.VERTICAL);
        // Panes may shrink below their content's preferred sizes (content clips or goes
        // compact), so a small window or a large UI scale never pushes a pane off screen.
        fabric.setMinSize(200, 150);
        bottom.setMinSize(200, 80);
        centre.setMinWidth(200);
        centre.getItems().addAll(fabric, bottom);
        javafx.scene.layout.VBox inspectorPanel = BottomPanel.titled("Core inspector", inspector);
        inspectorPanel.setMinWidth(300);
        left.setMinWidth(180);
        main.getItems().addAll(left, centre, inspectorPanel);
        BorderPane root = new BorderPane(main);
        root.setTop(new VBox(MenuBarFactory.create(actions, session, prefs, this::open), new RunToolBar(actions,
                session.controls())));
        root.setBottom(new StatusBarView(session.status(), session.controls().pendingProperty()));
        Scene scene = new Scene(root);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, actions::filter);
        looks = new Looks(scene, prefs);
        fabric.heatmap.textScaleProperty().set(looks.scale());
        stage.setScene(scene);
        stage.setTitle("Waferscope");
        for (int s : AppIcon.SIZES) {
            try (var in = AppIcon.open(s)) {
                stage.getIcons().add(new Image(in));
            } catch (IOException e) {
                // An icon is decoration; the window works without it.
            }
        }
        WindowLayoutKeeper layout = new WindowLayoutKeeper(stage, main, centre, prefs);
        layout.restore();
        // Lifecycle hygiene: the pump runs only while the window is on screen.
        stage.setOnShown(e -> {
            layout.restoreDividers();
            pump.start();
        });
        stage.setOnHidden(e -> {
            pump.stop();
            layout.save();
        });
    }

    public void show() {
        stage.show();
        fabric.heatmap.requestFocus();
    }

    public FramePump pump() {
        return pump;
    }

    /**
     * Opens a program folder and remembers it among the recent ones. An SDK example whose
     * build script compiles several programs asks which one first ({@link BuildChooser}).
     */
    public void open(Path dir) {
        if (ClusterWindow.isCluster(dir)) {
            open(dir, null);
            return;
        }
        BuildChooser.ask(stage, dir, choice -> open(dir, choice));
    }

    /** Opens a program folder, and build {@code build} of its SDK build script (null: the first), without asking. */
    public void open(Path dir, org.waferscope.engine.program.SdkChoice build) {
        prefs.addRecent(dir);
        if (ClusterWindow.isCluster(dir)) {
            ClusterWindow.fxOpen(dir, session, stage.getScene());
            return;
        }
        session.fxOpen(dir, java.util.Map.of(), build);
        String others = build == null ? BuildChooser.firstOfSeveral(dir) : null;
        if (others != null) {
            session.console().note(Kind.WARNING, 0, others);
        }
    }

    public void openSample(Sample s) {
        try {
            Path dir = samples.materialize(s);
            if (ClusterWindow.isCluster(dir)) {
                ClusterWindow.fxOpen(dir, session, stage.getScene());
                return;
            }
            session.fxOpenSample(dir, s.name());
        } catch (IOException e) {
            session.console().note(Kind.ERROR, 0, "Could not unpack sample " + s.name() + ": " + e.getMessage());
        }
    }

    @Override
    public void openFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a program folder (layout.csl, *.csl, run.json) or an SDK example folder");
        prefs.recentPrograms().stream().findFirst().map(Path::getParent).map(Path::toFile).filter(File::isDirectory)
                .ifPresent(chooser::setInitialDirectory);
        File dir = chooser.showDialog(stage);
        if (dir != null) {
            open(dir.toPath());
        }
    }

    @Override
    public void showGallery() {
        left.getSelectionModel().select(0);
        // the keys go to the list: arrows choose a sample, Enter opens it
        gallery.requestFocus();
        if (gallery.getSelectionModel().isEmpty() && !gallery.getItems().isEmpty()) {
            gallery.getSelectionModel().select(0);
        }
    }

    @Override
    public void exportPng() {
        File f = chooseFile("Export fabric view", "fabric.png", "PNG image", "*.png");
        if (f != null) {
            exportPngTo(f.toPath());
        }
    }

    /** Writes the fabric pane (heatmap, legend, title) as PNG; the console says how it went. */
    public void exportPngTo(Path file) {
        try {
            PngWriter.write(fabric.snapshot(null, null), file);
            session.console().note(Kind.HOST, session.frameProperty().get().cycle(), "Fabric view saved to " + file);
        } catch (IOException e) {
            session.console().note(Kind.ERROR, 0, "Could not save " + file + ": " + e.getMessage());
        }
    }

    @Override
    public void exportCsv() {
        File f = chooseFile("Export layer", "layer.csv", "CSV", "*.csv");
        if (f != null) {
            exportCsvTo(f.toPath());
        }
    }

    /** Writes the layer on show as CSV, one row per PE; the console says how it went. */
    public void exportCsvTo(Path file) {
        try {
            MetricsCsv.write(session.frameProperty().get(), file);
            session.console().note(Kind.HOST, session.frameProperty().get().cycle(), "Layer saved to " + file);
        } catch (IOException e) {
            session.console().note(Kind.ERROR, 0, "Could not save " + file + ": " + e.getMessage());
        }
    }

    @Override
    public void exportTrace() {
        history.exportTrace(stage);
    }

    @Override
    public void compareWith() {
        history.compareWith(stage, session.layers().paletteProperty().get());
    }

    /** The history tools (trace export, compare), for tests and --screenshot. */
    public HistoryActions history() {
        return history;
    }

    private File chooseFile(String title, String name, String kind, String glob) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, glob));
        return chooser.showSaveDialog(stage);
    }

    @Override
    public void toggleTheme() {
        looks.toggleTheme();
        fabric.heatmap.markDirty();
    }

    @Override
    public void scaleUi(double factor) {
        looks.scale(factor);
        fabric.heatmap.textScaleProperty().set(looks.scale());
        ComboWidths.release(stage.getScene().getRoot());
        TabStrips.refit(stage.getScene().getRoot());
    }

    @Override
    public void fitFabric() {
        fabric.heatmap.fitToView();
    }

    @Override
    public void editParams() {
        org.waferscope.engine.program.WaferProgram p = session.programProperty().get();
        Path dir = session.folderProperty().get();
        if (p == null || dir == null) {
            return;
        }
        ParamsDialog dialog = new ParamsDialog(stage, p);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() != null) {
                session.fxOpen(dir, dialog.getResult());
            }
        });
        dialog.show();
    }

    @Override
    public void saveCopy() {
        Path dir = session.folderProperty().get();
        if (dir == null) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose where to put a copy of " + dir.getFileName() + " (a folder of that name is made in it)");
        File into = chooser.showDialog(stage);
        if (into != null) {
            saveCopyIn(into.toPath());
        }
    }

    /** Copies the open program's folder into {@code into} and opens the copy; the console says where it is. */
    public void saveCopyIn(Path into) {
        Path dir = session.folderProperty().get();
        try {
            Path copy = ProgramCopy.copy(dir, into);
            open(copy);
            session.console().note(Kind.HOST, 0, "Copied " + dir.getFileName() + " to " + copy + ": edit its files "
                    + "there with any text editor, then open it again (File → Open recent) to see your change");
        } catch (IOException e) {
            session.console().note(Kind.ERROR, 0, "Could not copy " + dir.getFileName() + ": " + e.getMessage());
        }
    }

    @Override
    public void showShortcuts() {
        // a grid, not padded text: in a proportional font spaces never line the actions up
        javafx.scene.layout.GridPane keys = new javafx.scene.layout.GridPane();
        keys.setId("shortcuts");
        keys.setHgap(16);
        keys.setVgap(2);
        int row = 0;
        for (AppAction a : actions.all()) {
            if (a.key() != null) {
                keys.addRow(row++, new javafx.scene.control.Label(a.key().getDisplayText()),
                        new javafx.scene.control.Label(a.text()));
            }
        }
        javafx.scene.control.Label fabricKeys = new javafx.scene.control.Label(
                "On the fabric: wheel zooms, drag pans, click inspects a PE, +/− zoom, 0 fits, Ctrl+arrows pan.");
        fabricKeys.setWrapText(true);
        fabricKeys.setMaxWidth(420);
        // breakpoints are set by the mouse only: without these words a newcomer finds them in the README alone
        javafx.scene.control.Label inspectorKeys = new javafx.scene.control.Label(
                "In the inspector: click a source line's number to set or clear a breakpoint there; "
                        + "right-click a task, symbol, color or queue to set a breakpoint on it.");
        inspectorKeys.setId("inspector-gestures");
        inspectorKeys.setWrapText(true);
        inspectorKeys.setMaxWidth(420);
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.getDialogPane().setContent(new VBox(12, keys, fabricKeys, inspectorKeys));
        alert.setHeaderText("Keyboard shortcuts");
        alert.initOwner(stage);
        alert.show();
    }

    @Override
    public void showMachine() {
        org.waferscope.engine.program.WaferProgram p = session.programProperty().get();
        org.waferscope.engine.arch.ArchProfile profile = p == null ? org.waferscope.engine.arch.ArchProfile.WSE2
                : p.profile();
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.getDialogPane().setContent(MachineSheet.of(profile));
        alert.setHeaderText(MachineSheet.title(profile));
        alert.setTitle("The simulated machine");
        alert.initOwner(stage);
        alert.show();
    }

    @Override
    public void showAbout() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.getDialogPane().setContent(AboutSheet.of(samples.notices()));
        alert.setHeaderText(AboutSheet.title());
        alert.setTitle("About Waferscope");
        alert.initOwner(stage);
        alert.show();
    }

    @Override
    public void quit() {
        stage.close();
    }
}
