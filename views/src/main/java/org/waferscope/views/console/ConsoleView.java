package org.waferscope.views.console;

import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.waferscope.engine.api.ConsoleLine;
import org.waferscope.engine.api.ConsoleLine.Kind;

/**
 * The console panel: kind filters over a list of lines, each with its cycle and PE, long
 * ones wrapped; new lines scroll into view. It only binds to a {@link ConsoleModel}.
 */
public class ConsoleView extends VBox {
    private final ListView<ConsoleLine> list;

    public ConsoleView(ConsoleModel model) {
        getStyleClass().add("console-view");
        list = new ListView<>(model.visibleLines());
        list.setId("console-list");
        list.setCellFactory(v -> new LineCell(model));
        // lines already drawn become stepped back from: their cells redraw greyed
        model.rewindsProperty().addListener((o, was, now) -> list.refresh());
        list.setPlaceholder(new Label("Nothing printed yet."));
        // scroll once the list has taken the new lines in, in the next layout pass: scrolling
        // from this listener ran before the list knew its new length and left the last line hidden
        model.visibleLines().addListener((ListChangeListener<ConsoleLine>) c -> {
            scrollToEnd = true;
            requestLayout();
        });
        HBox bar = new HBox(4);
        bar.getStyleClass().add("console-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getChildren().add(filter(model, "prints", "mdi2p-printer-outline", Kind.PRINT));
        bar.getChildren().add(filter(model, "host", "mdi2l-laptop", Kind.HOST));
        bar.getChildren().add(filter(model, "checks", "mdi2c-check-decagram-outline", Kind.CHECK_PASS, Kind.CHECK_FAIL));
        bar.getChildren().add(filter(model, "warnings", "mdi2a-alert-outline", Kind.WARNING));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label counts = new Label();
        counts.getStyleClass().add("console-counts");
        counts.setId("console-counts");
        javafx.beans.binding.StringBinding whole = javafx.beans.binding.Bindings.createStringBinding(
                () -> counted(model.errorsProperty().get(), "error") + " · " + counted(model.warningsProperty().get(), "warning"),
                model.errorsProperty(), model.warningsProperty());
        javafx.beans.binding.StringBinding brief = javafx.beans.binding.Bindings.createStringBinding(
                () -> model.errorsProperty().get() + " err · " + model.warningsProperty().get() + " warn",
                model.errorsProperty(), model.warningsProperty());
        // at 1280 px wide the console is a third of a screen and "0 errors · 0 warnings" was cut
        // to "0 errors · 0 warni…": where the words do not fit, the short form, the words in a tooltip
        counts.textProperty().bind(javafx.beans.binding.Bindings.when(briefCounts).then(brief).otherwise(whole));
        javafx.scene.control.Tooltip countsTip = new javafx.scene.control.Tooltip();
        countsTip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> whole.get() + behind(model.errorsSteppedBackFromProperty().get(),
                        model.warningsSteppedBackFromProperty().get()),
                whole, model.errorsSteppedBackFromProperty(), model.warningsSteppedBackFromProperty()));
        counts.setTooltip(countsTip);
        this.counts = counts;
        this.bar = bar;
        this.wholeCounts = whole;
        Button clear = new Button("Clear", new FontIcon("mdi2d-delete-sweep-outline"));
        clear.setFocusTraversable(false);
        clear.setMinWidth(Button.USE_PREF_SIZE);
        clear.setTooltip(new javafx.scene.control.Tooltip("Clear the console"));
        clear.setOnAction(e -> model.clear());
        counts.setMinWidth(0);
        bar.getChildren().addAll(spacer, counts, clear);
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(bar, list);
        // a narrow console keeps every button in view: icons only, with the words in tooltips
        setMinWidth(0);
        list.setMinWidth(0);
        widthProperty().addListener((o, was, w) -> {
            ContentDisplay d = w.doubleValue() < COMPACT_BELOW ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT;
            bar.getChildren().stream().filter(n -> n instanceof ButtonBase)
                    .forEach(n -> ((ButtonBase) n).setContentDisplay(d));
        });
    }

    /** Width under which the bar's buttons drop their words. */
    static final double COMPACT_BELOW = 560;

    private boolean scrollToEnd;
    private final javafx.beans.property.BooleanProperty briefCounts = new javafx.beans.property.SimpleBooleanProperty();
    private final Label counts;
    private final HBox bar;
    private final javafx.beans.binding.StringBinding wholeCounts;

    @Override
    protected void layoutChildren() {
        briefCounts.set(countsRoom() < textWidth(wholeCounts.get()));   // sizing only, no drawing
        super.layoutChildren();
        int n = list.getItems().size();
        if (scrollToEnd && n > 0) {
            scrollToEnd = false;
            list.scrollTo(n - 1);
            // lines wrap, so cells differ in height and scrollTo can stop short of the end: go all the way
            if (list.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow) {
                flow.setPosition(1.0);
            }
        }
    }

    private static ToggleButton filter(ConsoleModel model, String text, String icon, Kind... kinds) {
        ToggleButton b = new ToggleButton(text, new FontIcon(icon));
        b.setSelected(true);
        b.setFocusTraversable(false);
        b.getStyleClass().add("console-filter");
        b.setTooltip(new javafx.scene.control.Tooltip("Show " + text));
        b.setMinWidth(ToggleButton.USE_PREF_SIZE);
        b.selectedProperty().addListener((o, a, on) -> {
            for (Kind k : kinds) {
                model.setShown(k, on);
            }
        });
        return b;
    }

    /**
     * What the counts' tooltip adds once some lines are stepped back from: the counts are of
     * the run up to the cycle shown, and how many the greyed lines hold.
     */
    static String behind(int errors, int warnings) {
        if (errors == 0 && warnings == 0) {
            return "";
        }
        String what = errors > 0 && warnings > 0 ? counted(errors, "error") + " and " + counted(warnings, "warning")
                : errors > 0 ? counted(errors, "error") : counted(warnings, "warning");
        return " up to the cycle shown; " + what + " more in the greyed lines, from later cycles since stepped back from";
    }

    /** A console line, wrapped to the list's width: deadlock reports and errors run long. */
    private static final class LineCell extends ListCell<ConsoleLine> {
        private final ConsoleModel model;
        private final javafx.scene.control.Tooltip later = new javafx.scene.control.Tooltip(
                "Stepped back from: the run shown has not reached this line's cycle (not counted)");
        private final javafx.scene.control.Tooltip before = new javafx.scene.control.Tooltip(
                "Of a program opened before this one (not counted)");

        LineCell(ConsoleModel model) {
            this.model = model;
            setWrapText(true);
            // ask for no width of its own, so the text wraps at the list's width instead of running off it
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(ConsoleLine l, boolean empty) {
            super.updateItem(l, empty);
            getStyleClass().removeIf(s -> s.startsWith("console-"));
            if (empty || l == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            getStyleClass().add("console-" + l.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            boolean steppedBackFrom = model.isSteppedBackFrom(l);
            if (steppedBackFrom) {
                getStyleClass().add("console-stepped-back-from");
            }
            boolean earlier = model.isOfAnEarlierProgram(l);
            if (earlier) {
                getStyleClass().add("console-earlier-program");
            }
            if (model.isOpening(l)) {
                getStyleClass().add("console-opening");
            }
            setTooltip(earlier ? before : steppedBackFrom ? later : null);
            String where = l.x() >= 0 ? String.format(Locale.ROOT, "PE (%d, %d)  ", l.x(), l.y()) : "";
            String cycle = l.seq() >= 0 || l.cycle() > 0 ? String.format(Locale.ROOT, "%,10d  ", l.cycle()) : "           ";
            setText(cycle + where + l.text());
        }
    }

    /** The width the bar leaves for the counts beside its buttons. */
    private double countsRoom() {
        double room = getWidth() - bar.snappedLeftInset() - bar.snappedRightInset()
                - bar.getSpacing() * (bar.getChildren().size() - 1);
        for (javafx.scene.Node n : bar.getChildren()) {
            if (n != counts) {
                room -= n.prefWidth(-1);
            }
        }
        return room;
    }

    /** The width the counts label needs for {@code text} in its font, padding included. */
    private double textWidth(String text) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(counts.getFont());
        return Math.ceil(t.getLayoutBounds().getWidth()) + counts.snappedLeftInset() + counts.snappedRightInset();
    }

    /** "1 error", "2 errors", "0 warnings". */
    static String counted(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
