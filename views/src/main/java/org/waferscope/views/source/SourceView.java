package org.waferscope.views.source;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;

/**
 * Program source with line numbers; the {@linkplain #currentLineProperty() current line}
 * (1-based, 0 for none) is marked and scrolled into view; clicking a line number toggles a
 * breakpoint there. A virtualised list, so a long file costs only the visible rows.
 */
public class SourceView extends ListView<SourceView.Line> {
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass BREAKPOINT = PseudoClass.getPseudoClass("breakpoint");
    private static final PseudoClass BREAKPOINT_OFF = PseudoClass.getPseudoClass("breakpoint-off");
    private static final PseudoClass BREAKPOINT_NEVER = PseudoClass.getPseudoClass("breakpoint-never");

    /** One numbered source line. */
    public record Line(int number, String text) {
    }

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final IntegerProperty currentLine = new SimpleIntegerProperty(this, "currentLine", 0);
    private final javafx.beans.property.ObjectProperty<java.util.Set<Integer>> breakpoints =
            new javafx.beans.property.SimpleObjectProperty<>(this, "breakpoints", java.util.Set.of());
    private final javafx.beans.property.ObjectProperty<java.util.Set<Integer>> disabledBreakpoints =
            new javafx.beans.property.SimpleObjectProperty<>(this, "disabledBreakpoints", java.util.Set.of());
    private final javafx.beans.property.ObjectProperty<java.util.Map<Integer, String>> neverStops =
            new javafx.beans.property.SimpleObjectProperty<>(this, "neverStops", java.util.Map.of());
    private java.util.function.IntConsumer onToggleBreakpoint = line -> { };
    /** A line asked for by {@link #reveal} before its file arrived. */
    private int pendingReveal;

    public SourceView() {
        getStyleClass().add("source-view");
        setCellFactory(v -> new LineCell());
        text.addListener((o, a, t) -> setLines(t));
        currentLine.addListener((o, a, l) -> {
            if (l.intValue() > 0) {
                scrollTo(Math.max(0, l.intValue() - 4));
            }
        });
    }

    private void setLines(String t) {
        List<Line> lines = new ArrayList<>();
        // no text is no line: a numbered empty line 1 invited a click that made a breakpoint in no file
        String[] parts = t == null || t.isEmpty() ? new String[0] : t.split("\r?\n", -1);
        for (int i = 0; i < parts.length; i++) {
            lines.add(new Line(i + 1, parts[i]));
        }
        getItems().setAll(lines);
        if (pendingReveal > 0) {
            int line = pendingReveal;
            pendingReveal = 0;
            reveal(line);
        } else if (currentLine.get() > 0) {
            // a new file with the same current line number still needs that line in view
            scrollTo(Math.max(0, currentLine.get() - 4));
        }
    }

    /** Scrolls to line {@code line} and selects it (now, or when the next file arrives). */
    public void reveal(int line) {
        if (line > getItems().size()) {
            pendingReveal = line;
            return;
        }
        scrollTo(Math.max(0, line - 4));
        getSelectionModel().select(line - 1);
    }

    /** Like {@link #reveal}, but only once the next file is shown (the one on show is about to change). */
    public void revealInNextFile(int line) {
        pendingReveal = line;
    }

    public StringProperty textProperty() {
        return text;
    }

    public IntegerProperty currentLineProperty() {
        return currentLine;
    }

    /** Lines marked with a breakpoint. */
    public javafx.beans.property.ObjectProperty<java.util.Set<Integer>> breakpointsProperty() {
        return breakpoints;
    }

    /** Lines marked with a breakpoint that is switched off. */
    public javafx.beans.property.ObjectProperty<java.util.Set<Integer>> disabledBreakpointsProperty() {
        return disabledBreakpoints;
    }

    /**
     * Lines whose breakpoint can never stop in the program loaded (a line with no instruction,
     * such as a {@code const} or a comment), each with why: drawn hollow and grey, the reason in
     * the number's tooltip, as the engine passes such a line by.
     */
    public javafx.beans.property.ObjectProperty<java.util.Map<Integer, String>> neverStopsProperty() {
        return neverStops;
    }

    /** Called with a line number when its number is clicked. */
    public void setOnToggleBreakpoint(java.util.function.IntConsumer action) {
        onToggleBreakpoint = action;
    }

    private final class LineCell extends ListCell<Line> {
        private final Label number = new Label();
        // an HBox of Texts, not a TextFlow: a TextFlow's height in a virtual list is computed
        // late, which left blank gaps between rows while scrolling (lines never wrap anyway)
        private final HBox code = new HBox();
        private final HBox row = new HBox(10, number, code);
        /** The tooltip of a breakpoint that can never stop, made for the first one this cell shows. */
        private javafx.scene.control.Tooltip why;

        LineCell() {
            // Each cell follows the marks itself: a refresh() of a list that is hidden (its
            // tab not shown) may never reach the cells it has already made.
            currentLine.addListener(o -> mark());
            breakpoints.addListener(o -> mark());
            disabledBreakpoints.addListener(o -> mark());
            neverStops.addListener(o -> mark());
            number.getStyleClass().add("source-line-number");
            number.setOnMouseClicked(e -> {
                if (getItem() != null) {
                    onToggleBreakpoint.accept(getItem().number());
                }
            });
            code.getStyleClass().add("source-code");
        }

        private void mark() {
            Line line = isEmpty() ? null : getItem();
            pseudoClassStateChanged(CURRENT, line != null && line.number() == currentLine.get());
            number.pseudoClassStateChanged(BREAKPOINT, line != null && breakpoints.get().contains(line.number()));
            number.pseudoClassStateChanged(BREAKPOINT_OFF, line != null && disabledBreakpoints.get().contains(line.number()));
            String never = line == null ? null : neverStops.get().get(line.number());
            number.pseudoClassStateChanged(BREAKPOINT_NEVER, never != null);
            if (never == null) {
                number.setTooltip(null);
            } else {
                if (why == null) {
                    why = new javafx.scene.control.Tooltip();
                    why.setWrapText(true);
                    why.setMaxWidth(420);
                }
                why.setText("This breakpoint can never stop: " + never + ". Click the number to remove it.");
                number.setTooltip(why);
            }
        }

        @Override
        protected void updateItem(Line line, boolean isEmpty) {
            super.updateItem(line, isEmpty);
            mark();
            if (isEmpty || line == null) {
                setGraphic(null);
                return;
            }
            number.setText(Integer.toString(line.number()));
            code.getChildren().clear();
            for (CslTokens.Span s : CslTokens.split(line.text())) {
                Text t = new Text(s.text());
                t.getStyleClass().addAll("code", "code-" + s.kind().name().toLowerCase(java.util.Locale.ROOT));
                code.getChildren().add(t);
            }
            setGraphic(row);
        }
    }
}
