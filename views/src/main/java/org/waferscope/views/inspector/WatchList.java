package org.waferscope.views.inspector;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.waferscope.engine.api.CoreSnapshot;
import org.waferscope.engine.api.CoreSnapshot.SymbolValue;
import org.waferscope.engine.api.ValueQuery;
import org.waferscope.views.heatmap.PeLocation;

/**
 * Symbols watched on chosen PEs: each row a PE and a {@link ValueQuery} ({@code T},
 * {@code T[3]}, {@code sum(T)}), its value as of the latest snapshot of that PE, and whether
 * that value changed with it. The app asks for snapshots of {@link #pes()} whenever it
 * refreshes the inspector and hands them to {@link #update}. FX thread only.
 */
public final class WatchList {
    /** A watched symbol on a PE and its latest value ("" until a snapshot arrives). */
    public record Row(PeLocation pe, ValueQuery query, String value, long cycle, boolean changed) {
        public String where() {
            return pe.toString();
        }
    }

    private final ObjectProperty<SymbolFormat> format;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();

    WatchList(ObjectProperty<SymbolFormat> format) {
        this.format = format;
    }

    /** Adds {@code q} on {@code pe} (once); the value comes with the next snapshot of that PE. */
    public void add(PeLocation pe, ValueQuery q) {
        if (rows.stream().noneMatch(r -> r.pe().equals(pe) && r.query().equals(q))) {
            rows.add(new Row(pe, q, "", -1, false));
        }
    }

    public void remove(Row r) {
        rows.remove(r);
    }

    /** The PEs whose snapshots the list needs. */
    public List<PeLocation> pes() {
        Set<PeLocation> out = new LinkedHashSet<>();
        rows.forEach(r -> out.add(r.pe()));
        return new ArrayList<>(out);
    }

    /** Updates the rows of the PEs these snapshots are of; a value is "changed" when the cycle moved and it differs. */
    public void update(List<CoreSnapshot> snapshots) {
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            for (CoreSnapshot s : snapshots) {
                if (s.x() == r.pe().x() && s.y() == r.pe().y()) {
                    String v = evaluate(s, r.query(), format.get());
                    boolean changed = r.cycle() >= 0 && s.cycle() != r.cycle() ? !v.equals(r.value())
                            : r.changed() && s.cycle() == r.cycle();
                    rows.set(i, new Row(r.pe(), r.query(), v, s.cycle(), changed));
                }
            }
        }
    }

    /** The query's value in a snapshot, as text; or why there is none. */
    static String evaluate(CoreSnapshot s, ValueQuery q, SymbolFormat f) {
        Optional<SymbolValue> found = MemoryModel.find(s, q.symbol());
        if (found.isEmpty()) {
            return "no " + q.symbol() + " on this PE";
        }
        SymbolValue v = found.get();
        int n = SymbolDecoder.count(v);
        return switch (q.reduce()) {
            case ARRAY -> SymbolDecoder.format(v, f, CoreInspectorModel.MAX_ELEMENTS);
            case ELEMENT -> q.index() < n ? SymbolDecoder.element(v, q.index(), f) : "index past the end (" + n + ")";
            default -> org.waferscope.views.heatmap.ValueText.number(reduce(v, q.reduce(), n));
        };
    }

    private static double reduce(SymbolValue v, ValueQuery.Reduce r, int n) {
        double acc = r == ValueQuery.Reduce.MIN ? Double.POSITIVE_INFINITY
                : r == ValueQuery.Reduce.MAX ? Double.NEGATIVE_INFINITY : 0;
        for (int i = 0; i < n; i++) {
            double x = SymbolDecoder.number(v, i);
            acc = switch (r) {
                case MIN -> Math.min(acc, x);
                case MAX -> Math.max(acc, x);
                default -> acc + x;
            };
        }
        return r == ValueQuery.Reduce.MEAN && n > 0 ? acc / n : acc;
    }

    public ObservableList<Row> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }
}
