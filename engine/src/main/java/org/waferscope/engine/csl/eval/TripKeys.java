package org.waferscope.engine.csl.eval;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;

/**
 * The probe keys of one replayed loop's trips, by trip number, kept from one execution of
 * the loop to the next: they follow from the index and the probes' other names alone, so
 * while those names hold the same values and the loop runs over the same indexes, the keys
 * are the same. A layout's inner loop then evaluates its probes for one column only.
 */
final class TripKeys {
    private static final int UNKNOWN = Integer.MIN_VALUE;
    private final List<Value> names;
    private final long first;
    private final long by;
    private final long count;
    private final CslType type;
    private final int[] keys;

    TripKeys(List<Value> names, long first, long by, long count, CslType type) {
        this.names = List.copyOf(names);
        this.first = first;
        this.by = by;
        this.count = count;
        this.type = type;
        this.keys = new int[(int) count];
        Arrays.fill(keys, UNKNOWN);
    }

    boolean sameRun(List<Value> now, long first, long by, long count, CslType type) {
        return this.first == first && this.by == by && this.count == count && this.type.equals(type)
                && names.equals(now);
    }

    /** Trip {@code k}'s key, found by {@code probe} the first time. */
    int key(int k, IntSupplier probe) {
        int key = keys[k];
        if (key == UNKNOWN) {
            key = probe.getAsInt();
            keys[k] = key;
        }
        return key;
    }
}
