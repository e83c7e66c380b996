package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each row reads back as the pairs put into it, in the order their keys were first put, however the writes interleave. */
class PePairsTest {
    @Test
    void rowsReadBackAsAMapOfTheirPutsWouldHoldThem() {
        Random r = new Random(14);
        int rows = 300;
        PePairs pairs = new PePairs(rows);
        List<Map<Integer, Integer>> expected = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            expected.add(new LinkedHashMap<>());
        }
        for (int n = 0; n < 20_000; n++) {
            // runs of writes to one row, as a layout's loop makes them, and reads between them
            int row = r.nextInt(rows);
            for (int k = r.nextInt(4); k >= 0; k--) {
                int key = r.nextInt(6);
                int value = r.nextInt(3);
                pairs.put(row, key, value);
                expected.get(row).put(key, value);
            }
            if (r.nextInt(50) == 0) {
                int probe = r.nextInt(rows);
                assertEquals(expected.get(probe).getOrDefault(2, -7), pairs.value(probe, 2, -7));
            }
        }
        for (int i = 0; i < rows; i++) {
            int[] got = pairs.row(i);
            if (expected.get(i).isEmpty()) {
                assertNull(got);
                continue;
            }
            int[] want = expected.get(i).entrySet().stream().flatMapToInt(e -> java.util.stream.IntStream.of(e.getKey(),
                    e.getValue())).toArray();
            assertArrayEquals(want, got, "row " + i);
        }
    }

    @Test
    void equalRowsStoredOneAfterAnotherShareOneArrayAndAChangedRowIsItsOwn() {
        PePairs pairs = new PePairs(4);
        for (int row = 0; row < 3; row++) {
            pairs.put(row, 5, 1);
            pairs.put(row, 7, 2);
        }
        assertSame(pairs.row(0), pairs.row(1));
        assertSame(pairs.row(1), pairs.row(2));
        pairs.put(1, 7, 3);
        assertArrayEquals(new int[] {5, 1, 7, 3}, pairs.row(1));
        assertArrayEquals(new int[] {5, 1, 7, 2}, pairs.row(0));
        assertArrayEquals(new int[] {5, 1, 7, 2}, pairs.row(2));
        assertNull(pairs.row(3));
    }
}
