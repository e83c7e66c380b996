package org.waferscope.views.status;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.waferscope.engine.api.SimState;

/** The status bar; binds to a {@link StatusModel}. */
public class StatusBarView extends HBox {
    public StatusBarView(StatusModel model, javafx.beans.value.ObservableStringValue pending) {
        super(10);
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        Label message = label("status-message", model.messageProperty());
        FontIcon icon = new FontIcon(SimStateStyle.icon(SimState.EMPTY));
        Label state = new Label(SimStateStyle.label(SimState.EMPTY), icon);
        state.setId("status-state");
        state.getStyleClass().addAll("status-state", SimStateStyle.styleClass(SimState.EMPTY));
        model.stateProperty().addListener((o, a, s) -> {
            state.setText(SimStateStyle.label(s));
            icon.setIconLiteral(SimStateStyle.icon(s));
            state.getStyleClass().remove(SimStateStyle.styleClass(a));
            state.getStyleClass().add(SimStateStyle.styleClass(s));
            message.getStyleClass().remove("status-fault");
            if (s == SimState.FAULTED) {
                message.getStyleClass().add("status-fault");
            }
        });
        Label waiting = label("status-pending", pending);
        Label cycle = label("status-cycle", model.cycleProperty());
        Label time = label("status-time", model.timeProperty());
        Label activity = label("status-activity", model.activityProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label rate = label("status-rate", model.rateProperty());
        Label fps = label("status-fps", model.fpsProperty());
        // State and cycle never give way; the rest shrinks (with an ellipsis) in this order of
        // importance, so a long deadlock message or a large UI scale cannot squeeze them out.
        for (Label keep : new Label[] {state, cycle}) {
            keep.setMinWidth(Region.USE_PREF_SIZE);
        }
        for (Label shrink : new Label[] {waiting, time, activity, message, rate, fps}) {
            shrink.setMinWidth(0);
        }
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.SOMETIMES);
        // the counts give way before the message: at most a third of the bar
        widthProperty().addListener((o, a, w) -> activity.setMaxWidth(w.doubleValue() / 3));
        javafx.scene.control.Tooltip full = new javafx.scene.control.Tooltip();
        full.textProperty().bind(model.messageProperty());
        full.setWrapText(true);
        full.setMaxWidth(700);
        message.setTooltip(full);
        javafx.scene.control.Tooltip counts = new javafx.scene.control.Tooltip();
        counts.textProperty().bind(model.activityProperty());
        activity.setTooltip(counts);
        getChildren().addAll(state, waiting, sep(), cycle, sep(), time, sep(), activity, message, spacer, rate, sep(), fps);
        setMinWidth(0);
    }

    private static Label label(String id, javafx.beans.value.ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(id);
        l.textProperty().bind(text);
        return l;
    }

    private static Separator sep() {
        return new Separator(javafx.geometry.Orientation.VERTICAL);
    }
}
