package org.waferscope.engine.csl;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.waferscope.engine.fabric.FabricBuilder;

/**
 * Where the time of a load goes, phase by phase (parse, layout block, compile, ...): each
 * {@link #lap} charges the wall time since the previous lap to a named phase, and the
 * loading thread's CPU time with that of the fabric build's helper threads (steadier on a
 * shared machine; it leaves out the GC's and the compiler's threads) to the same phase. The CLI's
 * {@code bench --load} prints it; a load that nobody measures passes {@link #OFF}.
 *
 * <p>Threads: one loading thread (the fabric build's helpers report their CPU time when done).
 */
public final class PhaseClock {
    /** A clock that records nothing. */
    public static final PhaseClock OFF = new PhaseClock(false);

    private final boolean on;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private final Map<String, Long> cpuNanos = new LinkedHashMap<>();
    private final Map<String, Long> helperNanos = new LinkedHashMap<>();
    private long mark = System.nanoTime();
    private long cpuMark;
    private long helperMark;

    private PhaseClock(boolean on) {
        this.on = on;
        this.cpuMark = on ? cpuNow() : 0;
        this.helperMark = FabricBuilder.helperCpuNanos();
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
        long cpu = cpuNow();
        long helpers = FabricBuilder.helperCpuNanos();
        nanos.merge(phase, now - mark, Long::sum);
        cpuNanos.merge(phase, cpu - cpuMark, Long::sum);
        helperNanos.merge(phase, helpers - helperMark, Long::sum);
        mark = now;
        cpuMark = cpu;
        helperMark = helpers;
    }

    /** The loading thread's CPU time, and that of the fabric build's helper threads, which work for it. */
    private static long cpuNow() {
        long own = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
        return own + FabricBuilder.helperCpuNanos();
    }

    /** Nanoseconds per phase, in the order the phases first ran. */
    public Map<String, Long> nanos() {
        return Collections.unmodifiableMap(nanos);
    }

    /** The loading thread's (and its helper threads') CPU nanoseconds per phase, in the same order. */
    public Map<String, Long> cpuNanos() {
        return Collections.unmodifiableMap(cpuNanos);
    }

    /**
     * Of {@link #cpuNanos()}, what the fabric build's helper threads used, per phase: with
     * two cores free, a phase's wall time can fall to about the larger of this and the rest.
     */
    public Map<String, Long> helperCpuNanos() {
        return Collections.unmodifiableMap(helperNanos);
    }
}
