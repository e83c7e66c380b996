package org.waferscope.engine.api;

import java.util.Locale;

/**
 * Something that pauses a run when it happens. Each kind names what it waits for; most
 * may be limited to one PE ({@code pe} null means any PE). The engine checks them between
 * cycles and reports the first that fired as a {@link BreakHit}.
 */
public sealed interface Breakpoint {
    /** The PE this breakpoint is limited to, or null for every PE. */
    Pe pe();

    /** What it stops on, in words, for lists and the status bar. */
    String describe();

    /** A PE, by its fabric coordinates. */
    record Pe(int x, int y) {
        @Override
        public String toString() {
            return "(" + x + ", " + y + ")";
        }
    }

    /**
     * A PE arriving at a source line (file relative to the program folder): once per
     * arrival, not every cycle it stays there.
     *
     * @param condition "" or a comparison on a variable of the PE ({@code sum > 100}, {@code y[2] == 0})
     * @param hitCount  0, or stop only at this arrival (counted over the PEs it applies to)
     */
    record Line(String file, int line, Pe pe, String condition, long hitCount) implements Breakpoint {
        public Line(String file, int line) {
            this(file, line, null, "", 0);
        }

        @Override
        public String describe() {
            return file + ":" + line + on(pe) + (condition.isBlank() ? "" : " if " + condition)
                    + (hitCount > 0 ? " at hit " + hitCount : "");
        }
    }

    /** A task starting (task id, or -1 for any). */
    record TaskStart(int task, Pe pe) implements Breakpoint {
        @Override
        public String describe() {
            return (task < 0 ? "any task" : "task " + task) + " starting" + on(pe);
        }
    }

    /** A wavelet of {@code color} entering a PE's router from a link. */
    record WaveletArrives(int color, Pe pe) implements Breakpoint {
        @Override
        public String describe() {
            return "wavelet of color " + color + " arriving" + on(pe);
        }
    }

    /**
     * An SRAM symbol changing. {@code condition} is "" or a comparison of its value
     * ({@code > 3}, {@code [2] == 0}): the change must leave it true.
     */
    record SymbolWritten(String symbol, Pe pe, String condition) implements Breakpoint {
        @Override
        public String describe() {
            return symbol + " written" + on(pe) + (condition.isBlank() ? "" : " if " + symbol + " " + condition.trim());
        }
    }

    /** A CE input or output queue becoming full. */
    record QueueFull(Pe pe) implements Breakpoint {
        @Override
        public String describe() {
            return "a queue full" + on(pe);
        }
    }

    /** The host reaching its {@code step}-th step (1-based, as the run.json lists them). */
    record HostStep(int step) implements Breakpoint {
        @Override
        public Pe pe() {
            return null;
        }

        @Override
        public String describe() {
            return "host step " + step;
        }
    }

    /** The run reaching a cycle ("run to cycle N"). */
    record AtCycle(long cycle) implements Breakpoint {
        @Override
        public Pe pe() {
            return null;
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "cycle %,d", cycle);
        }
    }

    private static String on(Pe pe) {
        return pe == null ? "" : " on PE " + pe;
    }
}
