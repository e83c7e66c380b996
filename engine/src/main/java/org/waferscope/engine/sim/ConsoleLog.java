package org.waferscope.engine.sim;

import java.util.ArrayList;
import java.util.List;
import org.waferscope.engine.api.ConsoleLine;

/**
 * The console's lines, appended by the simulation thread and read by any thread. Bounded:
 * past {@link #LIMIT} lines the oldest are dropped (their sequence numbers stay taken), so
 * a program printing every cycle cannot exhaust memory.
 */
public final class ConsoleLog {
    static final int LIMIT = 200_000;

    private final List<ConsoleLine> lines = new ArrayList<>();
    private long dropped;

    public synchronized void add(long cycle, ConsoleLine.Kind kind, int x, int y, String text) {
        lines.add(new ConsoleLine(dropped + lines.size(), cycle, kind, x, y, text));
        if (lines.size() > LIMIT) {
            lines.subList(0, LIMIT / 10).clear();
            dropped += LIMIT / 10;
        }
    }

    public synchronized long size() {
        return dropped + lines.size();
    }

    /** Lines with sequence number >= from, at most max of them. */
    public synchronized List<ConsoleLine> since(long from, int max) {
        int start = (int) Math.max(0, from - dropped);
        int end = Math.min(lines.size(), start + max);
        return start >= end ? List.of() : List.copyOf(lines.subList(start, end));
    }

    /** Forgets lines from sequence number {@code size} on (after stepping back). */
    public synchronized void truncate(long size) {
        int keep = (int) Math.max(0, size - dropped);
        if (keep < lines.size()) {
            lines.subList(keep, lines.size()).clear();
        }
    }

    public synchronized void clear() {
        lines.clear();
        dropped = 0;
    }
}
