package org.waferscope.views.inspector;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.waferscope.engine.api.CoreSnapshot;
import org.waferscope.engine.api.CoreSnapshot.SymbolValue;

/**
 * The inspector's Memory tab: one symbol of the selected PE shown whole, element by
 * element (the table is virtualised, so an array of thousands costs only the rows in view),
 * with the elements that changed since the previous step marked; and a watch list of
 * symbols on chosen PEs, refreshed whenever the inspector is. Holds no Node; FX thread only.
 */
public final class MemoryModel {
    /** One element of the symbol on show: its index as declared ({@code [2, 5]} for 2-D), its text, and whether it changed. */
    public record ElementRow(int index, String label, String value, boolean changed) {
    }

    private final ObjectProperty<SymbolFormat> format;
    private final StringProperty symbol = new SimpleStringProperty(this, "symbol", "");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ObservableList<ElementRow> elements = FXCollections.observableArrayList();
    private final WatchList watches;
    private CoreSnapshot shown;
    /** The snapshot of the same PE at the cycle before this one, whose bytes "changed" compares with. */
    private CoreSnapshot before;

    public MemoryModel(ObjectProperty<SymbolFormat> format) {
        this.format = format;
        this.watches = new WatchList(format);
        format.addListener((o, a, b) -> fill());
        symbol.addListener((o, a, b) -> fill());
    }

    /** Takes a new snapshot of the selected PE; a step of the same PE keeps the previous one to compare with. */
    public void show(CoreSnapshot s) {
        if (shown != null && shown.x() == s.x() && shown.y() == s.y()) {
            if (shown.cycle() != s.cycle()) {
                before = shown;
            }
        } else {
            before = null;
        }
        shown = s;
        if (symbol.get().isEmpty() || find(s, symbol.get()).isEmpty()) {
            symbol.set(s.symbols().isEmpty() ? "" : s.symbols().get(0).name());
        }
        fill();
        watches.update(List.of(s));
    }

    public void clear() {
        shown = null;
        before = null;
        elements.clear();
        heading.set("");
    }

    private void fill() {
        Optional<SymbolValue> v = shown == null ? Optional.empty() : find(shown, symbol.get());
        if (v.isEmpty()) {
            elements.clear();
            heading.set("");
            return;
        }
        SymbolValue s = v.get();
        SymbolValue old = before == null ? null : find(before, s.name()).orElse(null);
        int n = SymbolDecoder.count(s);
        int changed = 0;
        ElementRow[] rows = new ElementRow[n];
        for (int i = 0; i < n; i++) {
            boolean c = SymbolDecoder.differs(s, old, i);
            changed += c ? 1 : 0;
            rows[i] = new ElementRow(i, label(s.dims(), i), SymbolDecoder.element(s, i, format.get()), c);
        }
        elements.setAll(rows);
        heading.set(s.name() + "  " + InspectorLines.typeText(s) + "  ·  " + n + (n == 1 ? " element" : " elements")
                + (old == null ? "" : "  ·  " + changedWords(changed, before.cycle(), shown.cycle())));
    }

    /**
     * "4 changed since cycle 120"; after a step back the cycle compared with is a later one,
     * which "since" would put in the past: "4 differ from cycle 1,893, stepped back from".
     */
    static String changedWords(int changed, long before, long now) {
        String cycle = String.format(java.util.Locale.ROOT, "%,d", before);
        return before > now ? changed + (changed == 1 ? " differs" : " differ") + " from cycle " + cycle + ", stepped back from"
                : changed + " changed since cycle " + cycle;
    }

    /** "[7]", or "[1, 3]" for element 7 of a [2, 4] array. */
    static String label(int[] dims, int i) {
        if (dims.length < 2) {
            return "[" + i + "]";
        }
        int[] idx = new int[dims.length];
        int rest = i;
        for (int d = dims.length - 1; d >= 0; d--) {
            idx[d] = rest % dims[d];
            rest /= dims[d];
        }
        StringBuilder b = new StringBuilder("[");
        for (int d = 0; d < idx.length; d++) {
            b.append(d == 0 ? "" : ", ").append(idx[d]);
        }
        return b.append(']').toString();
    }

    static Optional<SymbolValue> find(CoreSnapshot s, String name) {
        return s.symbols().stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** The symbol shown element by element (by name; it follows the selection in the symbol table). */
    public StringProperty symbolProperty() {
        return symbol;
    }

    /** "T  [36]f32  ·  36 elements  ·  4 changed since cycle 120". */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ObservableList<ElementRow> elements() {
        return FXCollections.unmodifiableObservableList(elements);
    }

    public WatchList watches() {
        return watches;
    }

    /** The snapshot on show, or null. */
    public CoreSnapshot shown() {
        return shown;
    }

    /** Counts of changed elements per symbol name, for the symbol table's marks. */
    public Map<String, Integer> changedBySymbol() {
        Map<String, Integer> out = new HashMap<>();
        if (shown == null || before == null) {
            return out;
        }
        for (SymbolValue s : shown.symbols()) {
            SymbolValue old = find(before, s.name()).orElse(null);
            int c = 0;
            for (int i = 0; i < SymbolDecoder.count(s); i++) {
                c += SymbolDecoder.differs(s, old, i) ? 1 : 0;
            }
            if (c > 0) {
                out.put(s.name(), c);
            }
        }
        return out;
    }
}
