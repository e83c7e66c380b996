package org.waferscope.views.cluster;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.waferscope.engine.api.ClusterFrame;
import org.waferscope.views.Paintable;

/**
 * The Cluster view: controls (run every wafer by cycles, by layer phase or by training
 * step, or keep running at a pace), the diagram above the step's Gantt chart, and the
 * training charts beside them; all follow the frame the trainer sends back.
 */
public final class ClusterView extends BorderPane implements Paintable {
    private final ClusterDiagram diagram;
    private final StepGantt gantt;
    private final Label status = new Label();

    public ClusterView(ClusterViewModel model) {
        diagram = new ClusterDiagram(model);
        diagram.setId("cluster-diagram");
        gantt = new StepGantt(model);
        gantt.setId("cluster-gantt");
        Button cycles = button("Cycles ▸", "cluster-cycles",
                "Run every system's wafer the chosen number of cycles: the thumbnails show which PEs worked");
        cycles.setOnAction(e -> model.stepCycles());
        ChoiceBox<Long> count = new ChoiceBox<>(FXCollections.observableArrayList(1L, 10L, 100L, 1_000L, 10_000L));
        count.setId("cluster-cycle-count");
        count.setConverter(new StringConverter<>() {
            @Override
            public String toString(Long n) {
                return n == null ? "" : String.format(Locale.ROOT, "%,d", n);
            }

            @Override
            public Long fromString(String s) {
                return Long.valueOf(s.replace(",", ""));
            }
        });
        count.valueProperty().bindBidirectional(model.cyclesPerClickProperty());
        count.setTooltip(new Tooltip("Cycles per click on Cycles"));
        Button phase = button("Layer phase ▸", "cluster-phase",
                "Run to the end of the layer phase under way (one layer's forward or backward pass on every system); "
                        + "SwarmX's reduction and MemoryX's update follow a backward pass");
        phase.setOnAction(e -> model.stepPhase());
        Button step = button("Training step ▸", "cluster-step", "Run to the end of the training step under way, or a whole new one");
        step.setOnAction(e -> model.stepTraining());
        ToggleButton run = new ToggleButton("Run");
        run.setId("cluster-run");
        run.setTooltip(new Tooltip("Keep going at the chosen pace; click again to pause"));
        run.selectedProperty().bindBidirectional(model.runningProperty());
        ChoiceBox<ClusterViewModel.Pace> pace = new ChoiceBox<>(
                FXCollections.observableArrayList(ClusterViewModel.Pace.values()));
        pace.setId("cluster-pace");
        pace.valueProperty().bindBidirectional(model.paceProperty());
        pace.setTooltip(new Tooltip("How far Run goes at each frame of the display"));
        for (Button b : new Button[] {cycles, phase, step}) {
            b.disableProperty().bind(model.busyProperty().or(model.runningProperty()));
        }
        status.setId("cluster-status");
        status.setWrapText(true);
        ToolBar bar = new ToolBar(cycles, count, new Separator(), phase, step, new Separator(), run, pace);
        VBox top = new VBox(bar, status);
        status.setPadding(new Insets(2, 8, 2, 8));
        setTop(top);
        SplitPane centre = new SplitPane(diagram, gantt);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.62);
        setCenter(centre);
        TrainingCharts charts = new TrainingCharts(model);
        charts.setPadding(new Insets(4));
        Button measure = button("Measure layer-pipelined", "cluster-pipelined",
                "Train one step of the same network layer-pipelined on one wafer (each layer its own region, "
                        + "weights resident), on the engine, and compare");
        measure.setOnAction(e -> model.comparePipelined());
        measure.disableProperty().bind(model.busyProperty().or(model.runningProperty()));
        Label figures = new Label();
        figures.setId("cluster-pipelined-figures");
        figures.setWrapText(true);
        figures.setPrefWidth(284);   // wraps inside the charts' column
        figures.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        figures.textProperty().bind(model.comparisonProperty());
        VBox contrast = new VBox(4, measure, figures);
        contrast.setPadding(new Insets(4, 8, 8, 8));
        contrast.setMaxWidth(300);
        setRight(new VBox(charts, contrast));
        Label hint = new Label("Click a CS system to open a replay of its wafer in the main window: a copy of layer 1's "
                + "forward pass of the step under way (or of the last one done), from its start, to step and inspect "
                + "(the training here does not move). Thumbnails: each PE's busy share "
                + "since the last update (dark idle, yellow busy). Blue: weights going down; orange: gradients going up; "
                + "a link's thickness is the share of its bandwidth in use. Click the timeline to look at any moment.");
        hint.setId("cluster-hint");
        hint.setPadding(new Insets(4, 8, 4, 8));
        hint.setWrapText(true);
        setBottom(hint);
        model.frameProperty().addListener((o, a, f) -> status.setText(describe(f)));
        status.setText(describe(model.frameProperty().get()));
    }

    private static Button button(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    /** "Weight-streaming cluster: digits: 4 systems. Step 1 done.   Steps done 1/60, loss …". */
    static String describe(ClusterFrame f) {
        if (f == null) {
            return "";
        }
        // the phase is said in lower case ("step 1 done"), as words that may stand mid-sentence; here one starts
        String phase = f.phase().isEmpty() ? "" : Character.toUpperCase(f.phase().charAt(0)) + f.phase().substring(1);
        String where = String.format(Locale.ROOT, "%s: %d systems. %s", f.title(), f.wafers().size(), phase);
        if (f.losses().isEmpty()) {
            return where;
        }
        return where + String.format(Locale.ROOT,
                ".   Steps done %d/%d, loss %.4f, test accuracy %.1f %%, %,.0f samples/s, reference %s",
                f.step(), f.steps(), f.losses().get(f.losses().size() - 1),
                100 * f.accuracies().get(f.accuracies().size() - 1), f.samplesPerSecond(),
                f.referenceOk() ? "agrees" : "DIFFERS");
    }

    public ClusterDiagram diagram() {
        return diagram;
    }

    @Override
    public void paintIfDirty() {
        diagram.paintIfDirty();
        gantt.paintIfDirty();
    }
}
