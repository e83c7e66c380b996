package org.waferscope.app.window;

import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.waferscope.views.controls.ControlsModel;

/** The toolbar: open and gallery, the run controls with step count, and the speed slider. */
final class RunToolBar extends ToolBar {
    RunToolBar(WindowActions a, ControlsModel c) {
        getStyleClass().add("run-toolbar");
        Button run = a.runPause.button("run-pause");
        run.getStyleClass().add("run-button");
        FontIcon runIcon = (FontIcon) run.getGraphic();
        runIcon.setIconLiteral("mdi2p-play");
        c.runningProperty().addListener((o, was, running) -> {
            runIcon.setIconLiteral(running ? "mdi2p-pause" : "mdi2p-play");
            run.getStyleClass().remove("running");
            if (running) {
                run.getStyleClass().add("running");
            }
        });

        Spinner<Integer> n = new Spinner<>(1, 1_000_000_000, c.stepCountProperty().get(), 10);
        n.setId("step-count");
        n.setEditable(true);
        n.setPrefWidth(95);
        n.setTooltip(new Tooltip("Cycles for “Step n cycles” (Shift+Right)"));
        n.getValueFactory().valueProperty().addListener((o, x, v) -> c.stepCountProperty().set(v));

        Slider speed = new Slider(0, 1, c.speedPositionProperty().get());
        speed.setId("speed");
        speed.setPrefWidth(150);
        speed.setFocusTraversable(false);
        speed.valueProperty().bindBidirectional(c.speedPositionProperty());
        speed.setTooltip(new Tooltip("Simulation speed: slow motion to as fast as possible"));
        Label speedText = new Label();
        speedText.setId("speed-text");
        speedText.textProperty().bind(c.speedTextProperty());
        speedText.setMinWidth(130);
        Label speedLabel = new Label("Speed");
        speedLabel.getStyleClass().add("toolbar-group-label");
        HBox speedBox = new HBox(6, speedLabel, speed, speedText);
        speedBox.setAlignment(Pos.CENTER_LEFT);

        getItems().addAll(a.open.button("open"), a.gallery.button("show-gallery"), a.params.button("params"), sep(),
                a.reset.button("reset"), a.stepBack.button("step-back"), run, a.step.button("step"),
                a.stepToTask.button("step-task"), a.stepN.button("step-n"), n, sep(), speedBox, sep(),
                a.fit.button("fit"), a.theme.button("theme"));
    }

    private static Separator sep() {
        return new Separator(Orientation.VERTICAL);
    }
}
