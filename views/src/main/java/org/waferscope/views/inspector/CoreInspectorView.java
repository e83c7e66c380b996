package org.waferscope.views.inspector;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.waferscope.engine.api.Breakpoint;
import org.waferscope.engine.api.CoreSnapshot.MicrothreadRow;
import org.waferscope.engine.api.CoreSnapshot.TaskRow;
import org.waferscope.views.inspector.InspectorRows.NameValue;
import org.waferscope.views.inspector.InspectorRows.QueueLine;
import org.waferscope.views.inspector.InspectorRows.RouteLine;
import org.waferscope.views.source.BreakpointsModel;
import org.waferscope.views.source.SourceView;

/**
 * The core inspector panel: a header (PE, program, activity, current task and
 * instruction) over tabs for tasks, source, memory, router and counters. It only binds to
 * a {@link CoreInspectorModel}.
 */
public class CoreInspectorView extends VBox {
    private final CoreInspectorModel model;
    private final SourceView source = new SourceView();
    private final TabPane tabs = new TabPane();

    private final BreakpointsModel breakpoints;
    private java.util.function.Function<Breakpoint, String> problemOf = b -> null;
    private Runnable marksNow = () -> { };
    private final InspectorBreakMenus menus;

    public CoreInspectorView(CoreInspectorModel model, BreakpointsModel breakpoints) {
        this.model = model;
        this.breakpoints = breakpoints;
        this.menus = new InspectorBreakMenus(model, breakpoints);
        getStyleClass().add("core-inspector");
        setSpacing(6);
        setPadding(new Insets(8));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("inspector-tabs");
        tabs.getStyleClass().add("side-tabs");
        tabs.getTabs().addAll(tab("Tasks", tasksPane()), tab("Source", sourcePane()), tab("Memory", new MemoryPane(model, menus)),
                tab("Router", routerPane()), tab("Counters", countersPane()));
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(header(), tabs);
    }

    public CoreInspectorModel model() {
        return model;
    }

    /** Selects a tab by its title (for shortcuts and tests). */
    public void showTab(String title) {
        tabs.getTabs().stream().filter(t -> t.getText().equals(title)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    /**
     * Shows the Source tab at {@code line}: at once when {@code sameFile}, else when the
     * file of the PE being selected arrives.
     */
    public void revealSourceLine(int line, boolean sameFile) {
        showTab("Source");
        if (sameFile) {
            source.reveal(line);
        } else {
            source.revealInNextFile(line);
        }
    }

    private VBox header() {
        Label title = bound("inspector-title", model.titleProperty());
        Label program = bound("inspector-program", model.programProperty());
        Label activity = bound("inspector-activity", model.activityProperty());
        Label task = bound("inspector-task", model.currentTaskProperty());
        Label instr = bound("inspector-instruction", model.instructionProperty());
        javafx.scene.control.Tooltip machine = new javafx.scene.control.Tooltip();
        machine.textProperty().bind(model.machineInstructionProperty());
        instr.setTooltip(machine);
        Label sram = bound("inspector-sram", model.sramProperty());
        // Every line keeps its room, empty or not: when the first PE was clicked the header grew by
        // four lines and the tabs jumped down under the pointer, so the next click missed them.
        // With no PE, the program's line says what to do.
        Label hint = new Label("Click a PE on the fabric to inspect it.");
        hint.getStyleClass().add("inspector-hint");
        hint.setWrapText(true);
        hint.visibleProperty().bind(model.emptyProperty());
        hint.managedProperty().bind(model.emptyProperty());
        program.visibleProperty().bind(model.emptyProperty().not());
        program.managedProperty().bind(model.emptyProperty().not());
        // activity and task one above the other: side by side in a narrow inspector both were cut to "..."
        VBox box = new VBox(2, title, hint, program, activity, task, instr, sram);
        box.getStyleClass().add("inspector-header");
        return box;
    }

    private static Label bound(String style, javafx.beans.value.ObservableStringValue text) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        return l;
    }

    private static Tab named(Tab t, String title) {
        t.setId("inspector-tab-" + title.toLowerCase(java.util.Locale.ROOT));
        return t;
    }

    private VBox tasksPane() {
        TableView<TaskRow> tasks = Tables.table(model.tasks(), "No tasks");
        tasks.setId("inspector-tasks");
        tasks.getColumns().setAll(java.util.List.of(
                Tables.column("id", 28, TaskRow::id), Tables.column("kind", 50, TaskRow::kind),
                Tables.column("name", 84, TaskRow::name), Tables.column("bound to", 76, TaskRow::boundTo),
                Tables.column("state", 76, Tables::taskState), Tables.column("runs", 38, TaskRow::timesRun)));
        tasks.setRowFactory(v -> new TaskRowCell());
        menus.tasks(tasks);
        TableView<MicrothreadRow> threads = Tables.table(model.microthreads(), "No microthreads at work");
        threads.getColumns().setAll(java.util.List.of(
                Tables.column("slot", 36, MicrothreadRow::slot), Tables.column("operation", 100, MicrothreadRow::operation),
                Tables.column("done", 64, r -> r.done() + " / " + r.length()),
                Tables.column("waiting for", 120, MicrothreadRow::waitingFor)));
        TableView<NameValue> params = nameValues(model.params(), "No params", 130, 160);
        VBox.setVgrow(tasks, Priority.ALWAYS);
        VBox.setVgrow(threads, Priority.SOMETIMES);
        VBox.setVgrow(params, Priority.SOMETIMES);
        return new VBox(4, tasks, section("Microthreads"), threads, section("Params"), params);
    }

    /**
     * A tab's content, scrolling as a whole only when the tab is too short for each of its
     * tables' header and two rows (a table is never squeezed below that).
     */
    private static Tab tab(String title, javafx.scene.Node content) {
        if (!(content instanceof VBox box) || box.getChildren().stream().noneMatch(n -> n instanceof TableView)) {
            return named(new Tab(title, content), title);
        }
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("inspector-tab-scroll");
        return named(new Tab(title, scroll), title);
    }

    /**
     * Says, for each breakpoint, why it can never stop in the program loaded (null when it can),
     * as the Breakpoints tab does: such lines are drawn apart in the source.
     */
    public void setBreakpointChecks(java.util.function.Function<Breakpoint, String> problemOf) {
        this.problemOf = problemOf == null ? b -> null : problemOf;
        marksNow.run();
    }

    /** The lines of {@code file} all of whose breakpoints can never stop, with the first one's reason. */
    private java.util.Map<Integer, String> neverStops(String file) {
        java.util.Map<Integer, String> out = new java.util.HashMap<>();
        java.util.Set<Integer> canStop = new java.util.HashSet<>();
        for (BreakpointsModel.Entry e : breakpoints.entries()) {
            if (e.breakpoint() instanceof Breakpoint.Line l && l.file().equals(file)) {
                String why = problemOf.apply(l);
                if (why == null) {
                    canStop.add(l.line());
                } else {
                    out.putIfAbsent(l.line(), why);
                }
            }
        }
        out.keySet().removeAll(canStop);
        return java.util.Map.copyOf(out);
    }

    private VBox sourcePane() {
        Label file = new Label();
        file.textProperty().bind(model.sourceFileProperty());
        file.getStyleClass().add("source-file");
        source.textProperty().bind(model.sourceTextProperty());
        source.currentLineProperty().bind(model.sourceLineProperty());
        source.setId("inspector-source");
        source.setOnToggleBreakpoint(line -> breakpoints.toggleLine(model.sourceFileProperty().get(), line));
        // a PE the layout gave no code (switches' corners) has no source: say so, rather than an empty list
        Label none = new Label();
        none.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.emptyProperty().get()
                ? "Click a PE on the fabric to see its source."
                : model.sourceFileProperty().get().isEmpty() ? "This PE runs no program: no source, no line to pause at."
                : "No source of " + model.sourceFileProperty().get() + " to show.",
                model.emptyProperty(), model.sourceFileProperty()));
        none.setWrapText(true);
        none.getStyleClass().add("inspector-hint");
        source.setPlaceholder(none);
        Runnable marks = () -> {
            String f = model.sourceFileProperty().get();
            source.breakpointsProperty().set(breakpoints.linesIn(f, true));
            source.disabledBreakpointsProperty().set(breakpoints.linesIn(f, false));
            source.neverStopsProperty().set(neverStops(f));
        };
        marksNow = marks;
        // the model's revision is a property this view holds strongly: the markers follow every change at once
        breakpoints.revisionProperty().addListener((o, a, r) -> marks.run());
        model.sourceFileProperty().addListener((o, a, f) -> marks.run());
        marks.run();
        Label hint = new Label("Click a line number to pause there.");
        hint.getStyleClass().add("inspector-hint");
        hint.visibleProperty().bind(model.sourceTextProperty().isNotEmpty());
        VBox.setVgrow(source, Priority.ALWAYS);
        return new VBox(4, new HBox(10, file, hint), source);
    }

    private VBox routerPane() {
        TableView<RouteLine> routes = Tables.table(model.routes(), "No colors routed here");
        routes.getColumns().setAll(java.util.List.of(
                Tables.column("color", 44, RouteLine::color), Tables.column("route now", 170, RouteLine::route),
                Tables.column("pos", 36, RouteLine::position), Tables.column("buffered", 60, RouteLine::buffered),
                Tables.column("all positions", 200, RouteLine::positions)));
        TableView<QueueLine> queues = Tables.table(model.queues(), "No queues in use");
        queues.getColumns().setAll(java.util.List.of(
                Tables.column("queue", 50, q -> q.direction() + " " + q.id()), Tables.column("color", 44, QueueLine::color),
                Tables.column("fill", 50, QueueLine::fill), Tables.column("wavelets (head first)", 240, QueueLine::payloads)));
        menus.routes(routes);
        menus.queues(queues);
        VBox.setVgrow(routes, Priority.ALWAYS);
        VBox.setVgrow(queues, Priority.ALWAYS);
        return new VBox(4, routes, section("Queues"), queues);
    }

    private VBox countersPane() {
        // the names are the long words here ("stalled on back-pressure cycles"), the values short figures
        TableView<NameValue> counters = nameValues(model.counters(), "No counters", 205, 100);
        VBox.setVgrow(counters, Priority.ALWAYS);
        return new VBox(4, counters);
    }

    private static TableView<NameValue> nameValues(javafx.collections.ObservableList<NameValue> rows, String empty,
                                                   double nameWidth, double valueWidth) {
        TableView<NameValue> t = Tables.table(rows, empty);
        t.getColumns().setAll(java.util.List.of(Tables.column("name", nameWidth, NameValue::name),
                Tables.column("value", valueWidth, NameValue::value)));
        return t;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("inspector-section");
        return l;
    }

    /** Marks the running task's row so CSS can highlight it. */
    private static final class TaskRowCell extends javafx.scene.control.TableRow<TaskRow> {
        private static final javafx.css.PseudoClass RUNNING = javafx.css.PseudoClass.getPseudoClass("running");

        @Override
        protected void updateItem(TaskRow item, boolean empty) {
            super.updateItem(item, empty);
            pseudoClassStateChanged(RUNNING, !empty && item != null && item.running());
        }
    }
}
