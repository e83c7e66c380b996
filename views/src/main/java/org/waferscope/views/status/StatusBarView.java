package org.waferscope.views.status;

import java.util.List;
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
        // like the host's, its text is set as the bar is laid out: which cycle its count is of, where there is room
        activityFull = model.activityProperty();
        activityBrief = model.activityBriefProperty();
        activity = laidOut("status-activity", activityFull, activityBrief);
        // its text is set as the bar is laid out: the whole step, or its few words where that does not fit
        hostFull = model.hostProperty();
        hostShort = model.hostShortProperty();
        host = laidOut("status-host", hostFull, hostShort);
        Separator hostSep = sep();
        hostSep.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(hostFull));
        hostSep.managedProperty().bind(hostSep.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label rate = label("status-rate", model.rateProperty());
        Label fps = label("status-fps", model.fpsProperty());
        Separator fpsSep = sep();
        fpsSep.visibleProperty().bind(fps.textProperty().isNotEmpty());
        fpsSep.managedProperty().bind(fpsSep.visibleProperty());
        // State, cycle and time never give way; the others keep their whole text in this order
        // while there is room, and then end in an ellipsis, their whole text in a tooltip: the
        // host's step is long at full wafer, and a long deadlock message or a large UI scale
        // must not squeeze the cycle out. Where the host's whole step does not fit it says it in
        // a few words ("host waits for 3 PE(s)"), or not at all: beside a deadlock's message it
        // was cut to "h…".
        for (Label keep : new Label[] {state, cycle, time}) {
            keep.setMinWidth(Region.USE_PREF_SIZE);
        }
        givers = List.of(activity, message, rate, fps, host, waiting);
        for (Label l : givers) {
            l.setMinWidth(0);
            javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
            whole.textProperty().bind(l == host ? hostFull : l == activity ? activityFull : l.textProperty());
            whole.setWrapText(true);
            whole.setMaxWidth(700);
            l.setTooltip(whole);
        }
        getChildren().addAll(state, waiting, sep(), cycle, sep(), time, sep(), activity, hostSep, host, message, spacer,
                rate, fpsSep, fps);
        setMinWidth(0);
    }

    /** The labels that give way when the bar is short, the one that keeps its text longest first. */
    private final List<Label> givers;
    private final Label host;
    private final javafx.beans.value.ObservableStringValue hostFull;
    private final javafx.beans.value.ObservableStringValue hostShort;
    private final Label activity;
    private final javafx.beans.value.ObservableStringValue activityFull;
    private final javafx.beans.value.ObservableStringValue activityBrief;

    /** Shares out what the others leave of the bar's width among {@link #givers}, in their order (no drawing). */
    @Override
    protected void layoutChildren() {
        List<javafx.scene.Node> shown = getManagedChildren();
        // in the HBox's own snapped sizes: a pixel short on one label is an ellipsis on another
        double room = getWidth() - snappedLeftInset() - snappedRightInset() - snapSpaceX(getSpacing()) * (shown.size() - 1);
        for (javafx.scene.Node n : shown) {
            if (!(n instanceof Label l && givers.contains(l))) {
                room -= snapSizeX(n.prefWidth(-1));
            }
        }
        for (Label l : givers) {
            double w;
            if (l == host) {
                // the whole step, or its few words, or nothing: "h…" said nothing
                double fullWidth = snapSizeX(widthOf(host, hostFull.get()));
                double briefWidth = snapSizeX(widthOf(host, hostShort.get()));
                String text = room >= fullWidth ? hostFull.get() : room >= briefWidth ? hostShort.get() : "";
                if (!host.getText().equals(text)) {
                    host.setText(text);
                }
                w = text.isEmpty() ? 0 : text.equals(hostFull.get()) ? fullWidth : briefWidth;
            } else if (l == activity) {
                // the brief words first; which cycle the count is of only with what the others leave
                w = Math.max(0, Math.min(snapSizeX(widthOf(activity, activityBrief.get())), Math.floor(room)));
            } else {
                w = Math.max(0, Math.min(snapSizeX(l.prefWidth(-1)), Math.floor(room)));
            }
            l.setMaxWidth(w);
            room -= w;
        }
        double briefWidth = snapSizeX(widthOf(activity, activityBrief.get()));
        double fullWidth = snapSizeX(widthOf(activity, activityFull.get()));
        boolean full = activity.getMaxWidth() >= briefWidth && room >= fullWidth - briefWidth;
        String text = full ? activityFull.get() : activityBrief.get();
        if (!activity.getText().equals(text)) {
            activity.setText(text);
        }
        if (full) {
            activity.setMaxWidth(fullWidth);
        }
        super.layoutChildren();
    }

    /** What {@code l} would need to show {@code text} whole, in its font and padding. */
    private static double widthOf(Label l, String text) {
        if (text.isEmpty()) {
            return 0;
        }
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(l.getFont());
        return Math.ceil(t.getLayoutBounds().getWidth()) + l.snappedLeftInset() + l.snappedRightInset();
    }

    private static Label label(String id, javafx.beans.value.ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(id);
        l.textProperty().bind(text);
        return l;
    }

    /** A label whose text {@link #layoutChildren} chooses among {@code texts} by the room there is. */
    private Label laidOut(String id, javafx.beans.value.ObservableStringValue... texts) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(id);
        for (javafx.beans.value.ObservableStringValue t : texts) {
            t.addListener((o, a, b) -> requestLayout());
        }
        return l;
    }

    private static Separator sep() {
        return new Separator(javafx.geometry.Orientation.VERTICAL);
    }
}
