package org.waferscope.views.inspector;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.waferscope.engine.api.CoreSnapshot;
import org.waferscope.engine.api.CoreSnapshot.MicrothreadRow;
import org.waferscope.engine.api.CoreSnapshot.TaskRow;
import org.waferscope.views.inspector.InspectorRows.NameValue;
import org.waferscope.views.inspector.InspectorRows.RouteLine;
import org.waferscope.views.inspector.InspectorRows.SymbolLine;

/**
 * What the core inspector shows about the selected PE, as read-only properties and lists
 * derived from its latest core snapshot. Holds no Node; tested without a window. FX thread
 * only (the app's session delivers snapshots there).
 */
public final class CoreInspectorModel {
    /** Array symbols show this many elements before "… +n more". */
    static final int MAX_ELEMENTS = 16;

    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "No PE selected");
    private final ReadOnlyStringWrapper program = new ReadOnlyStringWrapper(this, "program", "");
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper(this, "activity", "");
    /** The CSL line the running task is on, else the engine's instruction. */
    private final ReadOnlyStringWrapper instruction = new ReadOnlyStringWrapper(this, "instruction", "");
    /** The engine's instruction itself, for the curious: "pc  mnemonic operands". */
    private final ReadOnlyStringWrapper machineInstruction = new ReadOnlyStringWrapper(this, "machineInstruction", "");
    private final ReadOnlyStringWrapper currentTask = new ReadOnlyStringWrapper(this, "currentTask", "");
    private final ReadOnlyStringWrapper sram = new ReadOnlyStringWrapper(this, "sram", "");
    private final ReadOnlyStringWrapper sourceFile = new ReadOnlyStringWrapper(this, "sourceFile", "");
    private final ReadOnlyStringWrapper sourceText = new ReadOnlyStringWrapper(this, "sourceText", "");
    private final ReadOnlyIntegerWrapper sourceLine = new ReadOnlyIntegerWrapper(this, "sourceLine", 0);
    private final ObjectProperty<SymbolFormat> symbolFormat = new SimpleObjectProperty<>(this, "symbolFormat",
            SymbolFormat.FLOAT);
    private final ObservableList<NameValue> params = FXCollections.observableArrayList();
    private final ObservableList<TaskRow> tasks = FXCollections.observableArrayList();
    private final ObservableList<MicrothreadRow> microthreads = FXCollections.observableArrayList();
    private final ObservableList<InspectorRows.QueueLine> queues = FXCollections.observableArrayList();
    private final ObservableList<RouteLine> routes = FXCollections.observableArrayList();
    private final ObservableList<SymbolLine> symbols = FXCollections.observableArrayList();
    private final ObservableList<NameValue> counters = FXCollections.observableArrayList();
    private final MemoryModel memory = new MemoryModel(symbolFormat);
    private Map<String, String> sources = Map.of();
    private CoreSnapshot snapshot;

    public CoreInspectorModel() {
        symbolFormat.addListener((o, a, b) -> fillSymbols());
    }

    /** The program's source files by name, for the source view. */
    public void setSources(Map<String, String> bySource) {
        sources = Map.copyOf(bySource);
        if (snapshot != null) {
            fillSource(snapshot);
        }
    }

    /** Shows {@code s}; a PE without a program shows as empty. */
    public void show(CoreSnapshot s) {
        snapshot = s;
        empty.set(false);
        title.set("PE (" + s.x() + ", " + s.y() + ")  ·  cycle " + String.format(Locale.ROOT, "%,d", s.cycle()));
        program.set(s.program().isEmpty() ? "no program" : s.program());
        // the engine's activity of a PE with no program is "no program" too: the line above says it
        activity.set(s.program().isEmpty() ? "" : s.activity());
        currentTask.set(currentTaskText(s));
        sram.set(kb(s.sramUsed()) + " of " + kb(s.sramTotal()) + " SRAM in use");
        params.setAll(s.params().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new NameValue(e.getKey(), e.getValue())).toList());
        tasks.setAll(s.tasks());
        microthreads.setAll(s.microthreads());
        queues.setAll(InspectorLines.queues(s));
        routes.setAll(InspectorLines.routes(s));
        counters.setAll(InspectorLines.counters(s.counters()));
        memory.show(s);
        fillSymbols();
        fillSource(s);
    }

    /** The Memory tab's whole-array view and watch list. */
    public MemoryModel memory() {
        return memory;
    }

    /** Back to "no PE selected" (e.g. when a new program is loaded). */
    public void clear() {
        snapshot = null;
        empty.set(true);
        title.set("No PE selected");
        for (ReadOnlyStringWrapper p : List.of(program, activity, instruction, machineInstruction, currentTask, sram,
                sourceFile, sourceText)) {
            p.set("");
        }
        sourceLine.set(0);
        params.clear();
        tasks.clear();
        microthreads.clear();
        queues.clear();
        routes.clear();
        symbols.clear();
        counters.clear();
        memory.clear();
    }

    /**
     * As {@link #clear}, for a newly loaded program: the Memory tab's symbol (and the watch field
     * that follows it) stays only if the new program {@code declares} it, not as a word of the last one.
     */
    public void clearOnLoad(java.util.function.Predicate<String> declares) {
        clear();
        if (!declares.test(memory.symbolProperty().get())) {
            memory.symbolProperty().set("");
        }
    }

    private static String currentTaskText(CoreSnapshot s) {
        if (s.runningTask() < 0) {
            return "no task running";
        }
        return s.tasks().stream().filter(t -> t.id() == s.runningTask()).findFirst()
                .map(t -> "task " + t.id() + " " + t.name()).orElse("task " + s.runningTask());
    }

    private static String kb(int bytes) {
        return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }

    private void fillSymbols() {
        if (snapshot == null) {
            return;
        }
        SymbolFormat f = symbolFormat.get();
        symbols.setAll(snapshot.symbols().stream().map(v -> new SymbolLine(v.name(), InspectorLines.typeText(v),
                String.format(Locale.ROOT, "0x%04X", v.address()), v.exported() == null ? "" : v.exported(),
                SymbolDecoder.format(v, f, MAX_ELEMENTS))).toList());
    }

    private void fillSource(CoreSnapshot s) {
        String file = s.position() != null ? s.position().file() : s.program();
        sourceFile.set(file == null ? "" : file);
        sourceText.set(file == null ? "" : sources.getOrDefault(file, ""));
        sourceLine.set(s.position() != null ? s.position().line() : 0);
        machineInstruction.set(s.instruction().isEmpty() ? "" : "engine instruction " + s.instruction());
        instruction.set(instructionText(s));
    }

    /** "line 64 · A_dsd = @increment_dsd_offset(A_dsd, 1, f32);": what a CSL reader recognises. */
    private String instructionText(CoreSnapshot s) {
        if (s.instruction().isEmpty()) {
            return "";
        }
        if (s.position() != null && s.position().line() > 0) {
            String[] lines = sources.getOrDefault(s.position().file(), "").split("\r?\n", -1);
            int n = s.position().line();
            String code = n <= lines.length ? withoutComment(lines[n - 1]).strip() : "";
            if (!code.isEmpty()) {
                if (code.length() > MAX_LINE_CHARS) {
                    code = code.substring(0, MAX_LINE_CHARS - 1) + "…";
                }
                return "line " + n + " · " + code;
            }
        }
        return s.instruction();
    }

    /**
     * The code of a source line, its trailing {@code //} comment left out: the header has room
     * for the code only, and a comment there read as part of the instruction. A {@code //} inside
     * a string or character literal is code.
     */
    static String withoutComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** Longest source line shown in the header; the Source tab has the rest. */
    static final int MAX_LINE_CHARS = 72;

    /** The snapshot on show, or null. */
    public CoreSnapshot snapshot() {
        return snapshot;
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty programProperty() {
        return program.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty machineInstructionProperty() {
        return machineInstruction.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty instructionProperty() {
        return instruction.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currentTaskProperty() {
        return currentTask.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sramProperty() {
        return sram.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sourceFileProperty() {
        return sourceFile.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sourceTextProperty() {
        return sourceText.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty sourceLineProperty() {
        return sourceLine.getReadOnlyProperty();
    }

    public ObjectProperty<SymbolFormat> symbolFormatProperty() {
        return symbolFormat;
    }

    public ObservableList<NameValue> params() {
        return FXCollections.unmodifiableObservableList(params);
    }

    public ObservableList<TaskRow> tasks() {
        return FXCollections.unmodifiableObservableList(tasks);
    }

    public ObservableList<MicrothreadRow> microthreads() {
        return FXCollections.unmodifiableObservableList(microthreads);
    }

    public ObservableList<InspectorRows.QueueLine> queues() {
        return FXCollections.unmodifiableObservableList(queues);
    }

    public ObservableList<RouteLine> routes() {
        return FXCollections.unmodifiableObservableList(routes);
    }

    public ObservableList<SymbolLine> symbols() {
        return FXCollections.unmodifiableObservableList(symbols);
    }

    public ObservableList<NameValue> counters() {
        return FXCollections.unmodifiableObservableList(counters);
    }
}
