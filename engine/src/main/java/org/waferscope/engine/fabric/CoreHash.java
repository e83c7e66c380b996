package org.waferscope.engine.fabric;

import java.util.function.IntConsumer;
import java.util.function.IntToLongFunction;
import java.util.function.LongSupplier;

/**
 * The compute engine's records ({@link CoreRecords#core}) as the arrays the fabric kept
 * before it packed them, for {@link StateHash}: an int, byte or long array per value, PE
 * after PE, so that every state hashes as it did before the records.
 */
final class CoreHash {
    private CoreHash() {
    }

    /** A per-PE int value, hashed as an int array of {@code f.n}. */
    static StateHash.View ints(Fabric f, IntToLongFunction value) {
        return h -> {
            StateHash.Ints s = new StateHash.Ints(h);
            return each(f, value, s::add, s::end);
        };
    }

    /** A per-PE byte value, hashed as a byte array of {@code f.n}. */
    static StateHash.View bytes(Fabric f, IntToLongFunction value) {
        return h -> {
            StateHash.Bytes s = new StateHash.Bytes(h);
            return each(f, value, s::add, s::end);
        };
    }

    /** Feeds every PE's value to {@code add}, then returns {@code end}'s hash. */
    private static long each(Fabric f, IntToLongFunction value, IntConsumer add, LongSupplier end) {
        for (int p = 0; p < f.n; p++) {
            add.accept((int) value.applyAsLong(p));
        }
        return end.getAsLong();
    }

    /** A per-PE long value, hashed as a long array of {@code f.n}. */
    static StateHash.View longs(Fabric f, IntToLongFunction value) {
        return h -> {
            for (int p = 0; p < f.n; p++) {
                h = StateHash.mix(h, value.applyAsLong(p));
            }
            return h;
        };
    }
}
