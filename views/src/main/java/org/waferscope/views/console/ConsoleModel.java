package org.waferscope.views.console;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.waferscope.engine.api.ConsoleLine;
import org.waferscope.engine.api.ConsoleLine.Kind;

/**
 * The console's lines: those read from the engine's log (which the session polls from
 * {@link #nextSeq()} on) and the app's own (load errors, notes), kept to a bounded count
 * so a chatty program cannot exhaust memory. Kinds can be hidden. FX thread only.
 */
public final class ConsoleModel {
    /** Lines kept; older ones are dropped. */
    public static final int CAPACITY = 20_000;

    private final ObservableList<ConsoleLine> lines = FXCollections.observableArrayList();
    private final FilteredList<ConsoleLine> visible = new FilteredList<>(lines);
    private final Set<Kind> hidden = EnumSet.noneOf(Kind.class);
    private final ReadOnlyIntegerWrapper errors = new ReadOnlyIntegerWrapper(this, "errors");
    private final ReadOnlyIntegerWrapper warnings = new ReadOnlyIntegerWrapper(this, "warnings");
    private long nextSeq;

    /** Adds lines read from the engine's log; they must come in sequence order. */
    public void append(List<ConsoleLine> fromEngine) {
        if (fromEngine.isEmpty()) {
            return;
        }
        nextSeq = fromEngine.get(fromEngine.size() - 1).seq() + 1;
        add(fromEngine);
    }

    /** Adds a line of the app's own (not from the engine's log), e.g. a load error. */
    public void note(Kind kind, long cycle, String text) {
        add(List.of(new ConsoleLine(-1, cycle, kind, -1, -1, text)));
    }

    private void add(List<ConsoleLine> more) {
        for (ConsoleLine l : more) {
            if (l.kind() == Kind.ERROR || l.kind() == Kind.CHECK_FAIL) {
                errors.set(errors.get() + 1);
            } else if (l.kind() == Kind.WARNING) {
                warnings.set(warnings.get() + 1);
            }
        }
        lines.addAll(more);
        int excess = lines.size() - CAPACITY;
        if (excess > 0) {
            lines.remove(0, excess);
        }
    }

    /** Empties the view but keeps reading where it was. */
    public void clear() {
        lines.clear();
        errors.set(0);
        warnings.set(0);
    }

    /** Starts the error and warning counts afresh (a new program is loaded); the lines stay. */
    public void resetCounts() {
        errors.set(0);
        warnings.set(0);
    }

    /** The next engine sequence number to ask for. */
    public long nextSeq() {
        return nextSeq;
    }

    public void setShown(Kind kind, boolean shown) {
        if (shown) {
            hidden.remove(kind);
        } else {
            hidden.add(kind);
        }
        visible.setPredicate(l -> !hidden.contains(l.kind()));
    }

    public boolean isShown(Kind kind) {
        return !hidden.contains(kind);
    }

    /** The lines not hidden, oldest first. */
    public ObservableList<ConsoleLine> visibleLines() {
        return visible;
    }

    /** All lines kept, oldest first. */
    public ObservableList<ConsoleLine> lines() {
        return FXCollections.unmodifiableObservableList(lines);
    }

    public ReadOnlyIntegerProperty errorsProperty() {
        return errors.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty warningsProperty() {
        return warnings.getReadOnlyProperty();
    }
}
