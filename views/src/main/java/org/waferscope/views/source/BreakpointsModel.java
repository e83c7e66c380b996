package org.waferscope.views.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.waferscope.engine.api.BreakSpec;
import org.waferscope.engine.api.Breakpoint;
import org.waferscope.engine.api.Command;

/**
 * The breakpoints of the program on show. Each program (keyed by its folder) has its own
 * list, so two programs' {@code receiver.csl} never share one; a list is read from and
 * written to the store (preferences in the app) as {@link BreakSpec} lines. Every change
 * sends the enabled ones to the engine and bumps {@link #revisionProperty()}, which views
 * (source markers, the panel) follow. Holds no Node. FX thread only.
 */
public final class BreakpointsModel {
    /** A breakpoint and whether it is on. */
    public record Entry(Breakpoint breakpoint, boolean enabled) {
        public String describe() {
            return breakpoint.describe();
        }
    }

    private final Consumer<Command> commands;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ObservableList<Entry> readOnly = FXCollections.unmodifiableObservableList(entries);
    private final Map<String, List<Entry>> byProgram = new HashMap<>();
    /** Per program, the entries read from the store this session, as stored, until the user keeps or drops them. */
    private final Map<String, List<Entry>> held = new HashMap<>();
    private final ObservableList<Entry> earlier = FXCollections.observableArrayList();
    private final ObservableList<Entry> earlierReadOnly = FXCollections.unmodifiableObservableList(earlier);
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private Function<String, List<String>> load = key -> List.of();
    private BiConsumer<String, List<String>> save = (key, lines) -> { };
    private String program = "";

    public BreakpointsModel(Consumer<Command> commands) {
        this.commands = commands;
    }

    /** Where lists are kept between sessions, as {@code "on SPEC"} / {@code "off SPEC"} lines per program key. */
    public void setStore(Function<String, List<String>> load, BiConsumer<String, List<String>> save) {
        this.load = load;
        this.save = save;
    }

    /**
     * Shows (and sends) the list of the program keyed {@code key}, read from the store the first time.
     * What the store kept comes in switched off, and is listed in {@link #earlier()} until the user
     * keeps or drops it: on a shared lab machine it may be another student's, and a Run must not stop
     * where this user set nothing.
     *
     * @return the breakpoints read from the store now (kept from an earlier session), as stored;
     *         empty when the list was already known or the store had none
     */
    public List<Entry> setProgram(String key) {
        program = key;
        List<Entry> restored = List.of();
        List<Entry> list = byProgram.get(key);
        if (list == null) {
            restored = read(load.apply(key));
            list = restored.stream().map(e -> new Entry(e.breakpoint(), false)).toList();
            byProgram.put(key, list);
            if (!restored.isEmpty()) {
                held.put(key, restored);
            }
        }
        entries.setAll(list);
        changed(false);
        return restored;
    }

    /**
     * The breakpoints kept from an earlier session that are still listed and still switched off,
     * as they were stored (on or off), awaiting {@link #keepEarlier()} or {@link #dropEarlier()}.
     */
    public ObservableList<Entry> earlier() {
        return earlierReadOnly;
    }

    /** Switches the earlier session's breakpoints back to how they were stored. */
    public void keepEarlier() {
        for (Entry e : List.copyOf(earlier)) {
            int i = indexOf(e.breakpoint());
            if (i >= 0) {
                entries.set(i, e);
            }
        }
        held.remove(program);
        changed(true);
    }

    /** Removes the earlier session's breakpoints that are still waiting, here and in the store. */
    public void dropEarlier() {
        List<Breakpoint> dropped = earlier.stream().map(Entry::breakpoint).toList();
        entries.removeIf(e -> dropped.contains(e.breakpoint()));
        held.remove(program);
        changed(true);
    }

    private int indexOf(Breakpoint b) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).breakpoint().equals(b)) {
                return i;
            }
        }
        return -1;
    }

    public String program() {
        return program;
    }

    /** A line breakpoint on every PE: removes the ones on that line if any, else adds one. */
    public void toggleLine(String file, int line) {
        if (!entries.removeIf(e -> e.breakpoint() instanceof Breakpoint.Line l && l.file().equals(file)
                && l.line() == line)) {
            entries.add(new Entry(new Breakpoint.Line(file, line), true));
        }
        changed(true);
    }

    /** Adds {@code b} (enabled) unless it is already listed. */
    public void add(Breakpoint b) {
        if (entries.stream().noneMatch(e -> e.breakpoint().equals(b))) {
            entries.add(new Entry(b, true));
            changed(true);
        }
    }

    public void remove(Entry e) {
        if (entries.remove(e)) {
            changed(true);
        }
    }

    public void setEnabled(Entry e, boolean on) {
        int i = entries.indexOf(e);
        if (i >= 0 && e.enabled() != on) {
            entries.set(i, new Entry(e.breakpoint(), on));
            changed(true);
        }
    }

    public void clear() {
        entries.clear();
        changed(true);
    }

    /** Sends the enabled breakpoints again (a newly placed program starts without them). */
    public void send() {
        commands.accept(new Command.SetBreakpoints(entries.stream().filter(Entry::enabled).map(Entry::breakpoint).toList()));
    }

    /** Line numbers in {@code file} with an enabled (or, with {@code enabled} false, a disabled) line breakpoint. */
    public Set<Integer> linesIn(String file, boolean enabled) {
        Set<Integer> out = new TreeSet<>();
        for (Entry e : entries) {
            if (e.enabled() == enabled && e.breakpoint() instanceof Breakpoint.Line l && l.file().equals(file)) {
                out.add(l.line());
            }
        }
        return out;
    }

    /** Line numbers in {@code file} with an enabled line breakpoint. */
    public Set<Integer> linesIn(String file) {
        return linesIn(file, true);
    }

    /** The entry for {@code b}, if listed. */
    public Entry find(Breakpoint b) {
        return entries.stream().filter(e -> e.breakpoint().equals(b)).findFirst().orElse(null);
    }

    public ObservableList<Entry> entries() {
        return readOnly;
    }

    /** Increases with every change; markers and lists redraw on it. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    private void changed(boolean store) {
        byProgram.put(program, List.copyOf(entries));
        // one switched on, removed or cleared by hand is decided: it waits no longer
        earlier.setAll(held.getOrDefault(program, List.of()).stream().filter(e -> {
            int i = indexOf(e.breakpoint());
            return i >= 0 && !entries.get(i).enabled();
        }).toList());
        if (store && !program.isEmpty()) {
            save.accept(program, entries.stream().map(e -> (e.enabled() ? "on " : "off ") + BreakSpec.format(e.breakpoint()))
                    .toList());
        }
        revision.set(revision.get() + 1);
        send();
    }

    private static List<Entry> read(List<String> lines) {
        List<Entry> out = new ArrayList<>();
        for (String line : lines) {
            boolean on = !line.startsWith("off ");
            String spec = line.replaceFirst("^(on|off) ", "");
            try {
                out.add(new Entry(BreakSpec.parse(spec), on));
            } catch (IllegalArgumentException e) {
                // a line an older version wrote differently: dropped, as a preference may be
            }
        }
        return out;
    }
}
