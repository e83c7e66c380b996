package org.waferscope.views.source;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.ir.SourcePos;

/**
 * Source lines the simulation pauses at. Toggling one sends the whole set to the engine
 * (breakpoints are per line, so the column is 0). Holds no Node. FX thread only.
 */
public final class BreakpointsModel {
    private final Consumer<Command> commands;
    private final ObservableSet<SourcePos> lines = FXCollections.observableSet();

    public BreakpointsModel(Consumer<Command> commands) {
        this.commands = commands;
    }

    public void toggle(String file, int line) {
        SourcePos p = new SourcePos(file, line, 0);
        if (!lines.remove(p)) {
            lines.add(p);
        }
        send();
    }

    public void clear() {
        lines.clear();
        send();
    }

    /** Sends the set again (a newly loaded program starts without the engine knowing them). */
    public void send() {
        commands.accept(new Command.SetBreakpoints(Set.copyOf(lines)));
    }

    /** Line numbers with a breakpoint in {@code file}. */
    public Set<Integer> linesIn(String file) {
        return lines.stream().filter(p -> p.file().equals(file)).map(SourcePos::line)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public ObservableSet<SourcePos> lines() {
        return FXCollections.unmodifiableObservableSet(lines);
    }
}
