package org.waferscope.views.breakpoints;

import java.util.function.Consumer;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.waferscope.engine.api.BreakHit;
import org.waferscope.engine.api.BreakSpec;
import org.waferscope.engine.api.Breakpoint;
import org.waferscope.views.source.BreakpointsModel;
import org.waferscope.views.source.BreakpointsModel.Entry;

/**
 * The program's breakpoints as a list: a box switches one on or off, × removes it,
 * double-click (or Enter) jumps to it. New ones are typed in the same one-line form as the
 * command line's {@code --break} (the Add menu fills in a template of each kind). The
 * breakpoint the run last paused at is marked. It only binds to a {@link BreakpointsModel}.
 */
public class BreakpointsPanel extends VBox {
    private static final PseudoClass HIT = PseudoClass.getPseudoClass("hit");
    private static final PseudoClass OFF = PseudoClass.getPseudoClass("off");
    /** A breakpoint that can never stop in the loaded program. */
    private static final PseudoClass NEVER = PseudoClass.getPseudoClass("never");

    private final BreakpointsModel model;
    private final ListView<Entry> list = new ListView<>();
    private final TextField spec = new TextField();
    private final Label problem = new Label();
    private Consumer<Breakpoint> onJump = b -> { };
    private java.util.function.Function<Breakpoint, String> problemOf = b -> null;
    private Breakpoint lastHit;

    public BreakpointsPanel(BreakpointsModel model) {
        this.model = model;
        getStyleClass().add("breakpoints-panel");
        setSpacing(6);
        setPadding(new Insets(8));
        list.setId("breakpoints-list");
        list.setItems(model.entries());
        list.setCellFactory(v -> new EntryCell());
        // wrapped at the list's width: broken by hand, the lines were cut to "in t..." in the 1280-pixel layout
        Label how = new Label("No breakpoints. Click a line number in the Source tab, right-click a task, symbol "
                + "or queue in the inspector, or type one above.");
        how.setWrapText(true);
        how.setMaxWidth(Double.MAX_VALUE);
        how.setPadding(new Insets(0, 8, 0, 8));
        list.setPlaceholder(how);
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                jump();
            }
        });
        list.setOnKeyPressed(e -> {
            switch (e.getCode()) {
                case ENTER -> jump();
                case DELETE, BACK_SPACE -> {
                    Entry sel = list.getSelectionModel().getSelectedItem();
                    if (sel != null) {
                        model.remove(sel);
                    }
                }
                default -> {
                }
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        spec.setId("breakpoint-spec");
        spec.setPromptText("FILE.csl:LINE");
        spec.setOnAction(e -> add());
        Button addButton = new Button("Add");
        addButton.setId("breakpoint-add");
        addButton.setOnAction(e -> add());
        problem.getStyleClass().add("breakpoint-problem");
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE); // every line of the reason, not one cut short
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        Button clear = new Button("Clear all");
        clear.setId("breakpoints-clear");
        clear.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.entries()));
        clear.setOnAction(e -> model.clear());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label hint = new Label("Double-click one to jump to it; Delete removes it.");
        hint.getStyleClass().add("inspector-hint");
        hint.setWrapText(true);
        // the panel is often narrow (a side tab): the field has a row of its own, buttons keep their words
        MenuButton kinds = templates();
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {kinds, addButton, clear}) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        spec.setMaxWidth(Double.MAX_VALUE);
        HBox buttons = new HBox(6, kinds, addButton, spacer, clear);
        buttons.setAlignment(Pos.CENTER_LEFT);
        // What a hit count counts from is not obvious from the list: say it where counts are set.
        Label counting = new Label("A hit count (hit N) counts arrivals since cycle 0, or since the breakpoint was "
                + "added or changed. A step back keeps the count; a reset starts it afresh.");
        counting.setId("breakpoints-hit-note");
        counting.getStyleClass().add("inspector-hint");
        counting.setWrapText(true);
        counting.setMinHeight(Region.USE_PREF_SIZE); // all of it, however long the list
        counting.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.entries().stream().anyMatch(e -> e.breakpoint() instanceof Breakpoint.Line l && l.hitCount() > 0),
                model.entries()));
        counting.managedProperty().bind(counting.visibleProperty());
        getChildren().addAll(spec, buttons, problem, list, counting, hint);
    }

    /** Called with the breakpoint to show when an entry is double-clicked. */
    public void setOnJump(Consumer<Breakpoint> action) {
        onJump = action;
    }

    /** Marks the entry of the breakpoint a run paused at (null: none). */
    public void showHit(BreakHit h) {
        lastHit = h == null ? null : h.breakpoint();
        Entry e = lastHit == null ? null : model.find(lastHit);
        if (e != null) {
            list.getSelectionModel().select(e);
            list.scrollTo(e);
        }
        list.refresh();
    }

    /** The text field's content, as a breakpoint, added; a mistake is explained under it. */
    void add() {
        String text = spec.getText().trim();
        if (text.isEmpty()) {
            return;
        }
        try {
            Breakpoint b = BreakSpec.parse(text);
            model.add(b);
            spec.clear();
            String why = problemOf.apply(b);
            problem.setText(why == null ? "" : "Added, but it can never stop: " + why);
        } catch (IllegalArgumentException e) {
            problem.setText(e.getMessage());
        }
    }

    private void jump() {
        Entry sel = list.getSelectionModel().getSelectedItem();
        if (sel == null) {
            return;
        }
        String why = problemOf.apply(sel.breakpoint());
        if (why != null) {
            problem.setText(sel.describe() + " can never stop: " + why);
            return;
        }
        onJump.accept(sel.breakpoint());
    }

    /**
     * Says, for each breakpoint, why it can never stop in the loaded program (null when it can):
     * such entries are marked, and a double-click says why instead of jumping nowhere.
     * {@code example} is a line breakpoint of this program, shown in the empty field.
     */
    public void setProgramChecks(java.util.function.Function<Breakpoint, String> problemOf, String example) {
        this.problemOf = problemOf == null ? b -> null : problemOf;
        spec.setPromptText(example == null ? "FILE.csl:LINE" : example + "   (or task:ID, write:NAME, cycle:N, …)");
        problem.setText("");
        list.refresh();
    }

    private MenuButton templates() {
        MenuButton m = new MenuButton("Kind");
        m.setId("breakpoint-kinds");
        m.setTooltip(new Tooltip("Fill in a breakpoint of this kind; @X,Y limits it to one PE"));
        String[][] kinds = {
            {"Source line", "FILE.csl:LINE"}, {"Source line, one PE, if", "FILE.csl:LINE@1,0 if NAME > 0"},
            {"Source line, n-th hit", "FILE.csl:LINE hit 3"}, {"Task starting", "task@1,0"},
            {"Wavelet of a color arriving", "wavelet:0@1,0"}, {"Symbol written", "write:NAME@1,0 if > 0"},
            {"A queue full", "queue-full@1,0"}, {"Host step reached", "host-step:2"}, {"Run to cycle", "cycle:1000"}};
        for (String[] k : kinds) {
            MenuItem item = new MenuItem(k[0] + "   " + k[1]);
            item.setOnAction(e -> {
                spec.setText(k[1]);
                spec.requestFocus();
                spec.selectAll();
            });
            m.getItems().add(item);
        }
        return m;
    }

    private final class EntryCell extends ListCell<Entry> {
        private final CheckBox on = new CheckBox();
        private final Label text = new Label();
        private final Button remove = new Button("×");
        private final HBox row;

        EntryCell() {
            remove.getStyleClass().add("breakpoint-remove");
            remove.setTooltip(new Tooltip("Remove this breakpoint"));
            remove.setFocusTraversable(false);
            on.setFocusTraversable(false);
            on.setTooltip(new Tooltip("On or off (an off breakpoint stays listed but never stops the run)"));
            text.setMaxWidth(Double.MAX_VALUE);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            row = new HBox(6, on, text, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            on.setOnAction(e -> {
                if (getItem() != null) {
                    model.setEnabled(getItem(), on.isSelected());
                }
            });
            remove.setOnAction(e -> {
                if (getItem() != null) {
                    model.remove(getItem());
                }
            });
        }

        @Override
        protected void updateItem(Entry e, boolean empty) {
            super.updateItem(e, empty);
            boolean has = !empty && e != null;
            pseudoClassStateChanged(HIT, has && e.breakpoint().equals(lastHit));
            pseudoClassStateChanged(OFF, has && !e.enabled());
            if (!has) {
                setGraphic(null);
                return;
            }
            on.setSelected(e.enabled());
            String why = problemOf.apply(e.breakpoint());
            pseudoClassStateChanged(NEVER, why != null);
            text.setText((why != null ? "⚠ " : "") + e.describe());
            text.setTooltip(new Tooltip(BreakSpec.format(e.breakpoint()) + (why != null ? "\ncan never stop: " + why : "")));
            setGraphic(row);
        }
    }
}
