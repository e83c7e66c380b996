package org.waferscope.views.cluster;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import org.waferscope.engine.api.ClusterFrame;
import org.waferscope.views.Paintable;

/**
 * The Cluster view: controls (phase by phase through the step, a whole training step,
 * run), the diagram above the step's Gantt chart, and the training charts beside them.
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
        Button phase = new Button("Next phase");
        phase.setId("cluster-phase");
        phase.setTooltip(new Tooltip("Move the playhead to the next event of the step; after the last, train the next step"));
        phase.setOnAction(e -> model.stepPhase());
        Button rewind = new Button("Step start");
        rewind.setTooltip(new Tooltip("Back to the start of the step, to walk through it phase by phase"));
        rewind.setOnAction(e -> model.rewind());
        Button step = new Button("Train step");
        step.setId("cluster-step");
        step.setTooltip(new Tooltip("Run one training step on every system's wafer"));
        step.setOnAction(e -> model.stepTraining());
        ToggleButton run = new ToggleButton("Run");
        run.setId("cluster-run");
        run.selectedProperty().bindBidirectional(model.runningProperty());
        step.disableProperty().bind(model.busyProperty());
        ToolBar bar = new ToolBar(rewind, phase, step, run, status);
        setTop(bar);
        SplitPane centre = new SplitPane(diagram, gantt);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.62);
        setCenter(centre);
        TrainingCharts charts = new TrainingCharts(model);
        charts.setPadding(new Insets(4));
        setRight(charts);
        Label hint = new Label("Click a CS system to open its wafer in the fabric view. Blue: weights going down; "
                + "orange: gradients going up; a link's thickness is the share of its bandwidth in use.");
        hint.setPadding(new Insets(4, 8, 4, 8));
        hint.setWrapText(true);
        setBottom(hint);
        model.frameProperty().addListener((o, a, f) -> status.setText(describe(f)));
        status.setText(describe(model.frameProperty().get()));
    }

    private static String describe(ClusterFrame f) {
        if (f == null) {
            return "";
        }
        if (f.step() == 0) {
            return String.format(Locale.ROOT, "%s: %d systems, no step yet", f.title(), f.wafers().size());
        }
        return String.format(Locale.ROOT, "step %d/%d  loss %.4f  test accuracy %.1f %%  %,.0f samples/s  reference %s",
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
