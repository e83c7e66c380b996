package org.waferscope.engine.fabric;

import java.util.List;

/**
 * The counters of a fabric's counter filters ({@link CounterFilter}), one per route slot, kept
 * in {@link Fabric#rsCounter}. A fabric without counter filters has no counters at all, and
 * its router pays one comparison for the filter of each wavelet it sends to RAMP.
 */
final class CounterFilters {
    private CounterFilters() {
    }

    /** At load and reset: every counter at its filter's {@code .init_counter}. */
    static void reset(Fabric f) {
        if (f.rsCounter == null) {
            return;
        }
        for (int rs = 0; rs < f.rsCounter.length; rs++) {
            CounterFilter c = f.cfgCounter[f.rsConfig[rs]];
            f.rsCounter[rs] = c == null ? 0 : c.initCounter();
        }
    }

    /** Whether the data wavelet now at route slot {@code rs}'s filter reaches the CE. */
    static boolean passes(Fabric f, int rs, int cfg) {
        return f.cfgCounter[cfg].passes(f.rsCounter[rs]);
    }

    /** A wavelet of this color went through the filter (reaching the CE or dropped): move the counter on. */
    static void count(Fabric f, int rs, int cfg, int meta) {
        f.rsCounter[rs] = f.cfgCounter[cfg].next(f.rsCounter[rs], Wavelet.isControl(meta));
    }

    /** The counters change as the fabric runs: snapshots copy them and the state hash covers them. */
    static void addState(Fabric f, List<Object> state) {
        if (f.rsCounter != null) {
            state.add(f.rsCounter);
        }
    }

    /** The inspector's words for a slot's counter filter, or "" when it has none. */
    static String describe(Fabric f, int rs, int cfg) {
        CounterFilter c = f.cfgCounter == null ? null : f.cfgCounter[cfg];
        return c == null ? "" : c.describe(f.rsCounter[rs]);
    }
}
