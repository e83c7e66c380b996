package org.waferscope.engine.fabric;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Copies of PE memories for one snapshot, equal contents stored once: PEs running the same
 * program start with the same SRAM, and regular programs (a board of cells, a stencil) keep
 * few distinct memories, so a full wafer's 753,972 SRAMs fit in a few thousand copies.
 * A content hash (a word at a time) finds the candidate; the bytes are compared in full.
 */
final class SramPool {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final Map<Long, byte[]> byHash = new HashMap<>();
    private long copied;

    /** A copy of {@code m}, or an equal one already taken. */
    byte[] copy(byte[] m) {
        Long h = hash(m);
        byte[] seen = byHash.get(h);
        if (seen != null && Arrays.equals(seen, m)) {
            return seen;
        }
        byte[] c = m.clone();
        copied += 16 + c.length;
        if (seen == null) {
            byHash.put(h, c);
        }
        return c;
    }

    /** Heap taken by the copies made so far (those shared are not counted again). */
    long bytesCopied() {
        return copied;
    }

    private static long hash(byte[] m) {
        long h = m.length;
        int i = 0;
        for (; i + 8 <= m.length; i += 8) {
            h = (h ^ (long) LONG.get(m, i)) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 29;
        }
        for (; i < m.length; i++) {
            h = (h ^ m[i]) * 0x9E3779B97F4A7C15L;
        }
        return h;
    }
}
