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
 *
 * <p>The error and warning counts describe the run as it stands at the cycle shown, as a
 * time-travelling debugger's console does: the engine keeps its lines in the order they
 * happened, so one of an earlier cycle than a line before it means the run went back (a
 * step back, a reset), and the engine's lines of later cycles since the load are then
 * {@linkplain #isSteppedBackFrom stepped back from}. They stay in the console, greyed, and
 * count apart, until the load of another program starts the counts afresh.
 *
 * <p>That load leaves the lines of the programs before in the console, to be read still,
 * but {@linkplain #isOfAnEarlierProgram of an earlier program}: not counted, and the first
 * line of the load {@linkplain #isOpening opens} the new program's part, so that an old red
 * deadlock above it does not read as the new program's beside "0 errors".
 */
public final class ConsoleModel {
    /** Lines kept; older ones are dropped. */
    public static final int CAPACITY = 20_000;

    private final ObservableList<ConsoleLine> lines = FXCollections.observableArrayList();
    private final FilteredList<ConsoleLine> visible = new FilteredList<>(lines);
    private final Set<Kind> hidden = EnumSet.noneOf(Kind.class);
    private final ReadOnlyIntegerWrapper errors = new ReadOnlyIntegerWrapper(this, "errors");
    private final ReadOnlyIntegerWrapper warnings = new ReadOnlyIntegerWrapper(this, "warnings");
    private final ReadOnlyIntegerWrapper errorsBehind = new ReadOnlyIntegerWrapper(this, "errorsBehind");
    private final ReadOnlyIntegerWrapper warningsBehind = new ReadOnlyIntegerWrapper(this, "warningsBehind");
    /** Bumped whenever lines already shown become stepped back from or of an earlier program, so that their cells redraw. */
    private final ReadOnlyIntegerWrapper rewinds = new ReadOnlyIntegerWrapper(this, "rewinds");
    /** The engine's lines of this program's run not stepped back from, oldest first (a subset of {@link #lines}). */
    private final java.util.ArrayDeque<ConsoleLine> current = new java.util.ArrayDeque<>();
    private final Set<ConsoleLine> behind = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final Set<ConsoleLine> earlier = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** The first line of each load that followed lines of an earlier program. */
    private final Set<ConsoleLine> openings = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** A load started with lines already in the console, and no line of its own has come yet. */
    private boolean opening;
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
        boolean wentBack = false;
        if (opening) {
            opening = false;
            openings.add(more.get(0));
        }
        for (ConsoleLine l : more) {
            if (l.seq() >= 0) {
                wentBack |= goBackTo(l.cycle());
                current.addLast(l);
            }
            count(l, 1, errors, warnings);
        }
        lines.addAll(more);
        int excess = lines.size() - CAPACITY;
        if (excess > 0) {
            for (ConsoleLine gone : lines.subList(0, excess)) {
                behind.remove(gone);
                earlier.remove(gone);
                openings.remove(gone);
                if (current.peekFirst() == gone) {
                    current.removeFirst();
                }
            }
            lines.remove(0, excess);
        }
        if (wentBack) {
            rewinds.set(rewinds.get() + 1);
        }
    }

    /** Marks the engine's lines of cycles after {@code cycle} stepped back from; true if any were. */
    private boolean goBackTo(long cycle) {
        boolean any = false;
        while (!current.isEmpty() && current.peekLast().cycle() > cycle) {
            ConsoleLine l = current.removeLast();
            behind.add(l);
            count(l, -1, errors, warnings);
            count(l, 1, errorsBehind, warningsBehind);
            any = true;
        }
        return any;
    }

    private static void count(ConsoleLine l, int by, ReadOnlyIntegerWrapper errs, ReadOnlyIntegerWrapper warns) {
        if (l.kind() == Kind.ERROR || l.kind() == Kind.CHECK_FAIL) {
            errs.set(errs.get() + by);
        } else if (l.kind() == Kind.WARNING) {
            warns.set(warns.get() + by);
        }
    }

    /**
     * Whether {@code l} is a line of the engine's from a part of the run since stepped back
     * from (or reset): the state shown has not reached it, and it is not counted.
     */
    public boolean isSteppedBackFrom(ConsoleLine l) {
        return behind.contains(l);
    }

    /**
     * Whether {@code l} was in the console before the load of the program open now (or of
     * the one being loaded): it is kept to be read, dimmed, and not counted.
     */
    public boolean isOfAnEarlierProgram(ConsoleLine l) {
        return earlier.contains(l);
    }

    /** Whether {@code l} is the first line of a load, below lines of an earlier program. */
    public boolean isOpening(ConsoleLine l) {
        return openings.contains(l);
    }

    /** Empties the view but keeps reading where it was. */
    public void clear() {
        lines.clear();
        behind.clear();
        earlier.clear();
        openings.clear();
        resetCounts();
        opening = false;
    }

    /**
     * Starts the error and warning counts afresh (a new program is loaded); the lines stay,
     * as lines of an earlier program.
     */
    public void resetCounts() {
        earlier.addAll(lines);
        opening = !lines.isEmpty();
        if (!earlier.isEmpty()) {
            rewinds.set(rewinds.get() + 1);   // the cells already drawn redraw dimmed
        }
        errors.set(0);
        warnings.set(0);
        errorsBehind.set(0);
        warningsBehind.set(0);
        current.clear();
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

    /** Errors in lines stepped back from since the load, not counted in {@link #errorsProperty()}. */
    public ReadOnlyIntegerProperty errorsSteppedBackFromProperty() {
        return errorsBehind.getReadOnlyProperty();
    }

    /** Warnings in lines stepped back from since the load, not counted in {@link #warningsProperty()}. */
    public ReadOnlyIntegerProperty warningsSteppedBackFromProperty() {
        return warningsBehind.getReadOnlyProperty();
    }

    /** Changes each time lines already in the console become stepped back from, or of an earlier program. */
    public ReadOnlyIntegerProperty rewindsProperty() {
        return rewinds.getReadOnlyProperty();
    }
}
