package org.waferscope.engine.csl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the time of a load goes, phase by phase (parse, layout block, compile, ...): each
 * {@link #lap} charges the wall time since the previous lap to a named phase. The CLI's
 * {@code bench --load} prints it; a load that nobody measures passes {@link #OFF}.
 *
 * <p>Threads: one loading thread.
 */
public final class PhaseClock {
    /** A clock that records nothing. */
    public static final PhaseClock OFF = new PhaseClock(false);

    private final boolean on;
    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private long mark = System.nanoTime();

    private PhaseClock(boolean on) {
        this.on = on;
    }

    /** A running clock; its first lap counts from now. */
    public static PhaseClock started() {
        return new PhaseClock(true);
    }

    /** Charges the time since the last lap (or the start) to {@code phase}. */
    public void lap(String phase) {
        if (!on) {
            return;
        }
        long now = System.nanoTime();
        nanos.merge(phase, now - mark, Long::sum);
        mark = now;
    }

    /** Nanoseconds per phase, in the order the phases first ran. */
    public Map<String, Long> nanos() {
        return Collections.unmodifiableMap(nanos);
    }
}
