package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The pieces' hash index finds what a map of hash to first value filed would, through growth,
 * removals that shift runs back and the shrinking when most entries are gone, with hashes that
 * collide and cluster.
 */
class PieceIndexTest {
    @Test
    void findsWhatAMapWould() {
        int[] hashes = new int[50_000];
        PieceIndex index = new PieceIndex();
        Map<Integer, List<Integer>> filed = new HashMap<>();
        Random r = new Random(11);
        List<Integer> in = new ArrayList<>();
        boolean[] isIn = new boolean[hashes.length];
        for (int round = 0; round < 60_000; round++) {
            if (r.nextInt(3) > 0 || in.isEmpty()) {
                int v = r.nextInt(hashes.length);
                if (isIn[v]) {
                    continue;
                }
                isIn[v] = true;
                // few distinct hashes, and nearby ones: long runs, and removals that must shift them
                int h = r.nextBoolean() ? r.nextInt(64) : r.nextInt();
                hashes[v] = h;
                index.put(h, v);
                in.add(v);
                filed.computeIfAbsent(h, k -> new ArrayList<>()).add(v);
            } else {
                Integer v = in.remove(r.nextInt(in.size()));
                isIn[v] = false;
                index.remove(hashes[v], v);
                filed.get(hashes[v]).remove(v);
            }
            if (round % 97 == 0) {
                int h = r.nextBoolean() ? r.nextInt(64) : hashes[in.get(r.nextInt(in.size()))];
                List<Integer> those = filed.getOrDefault(h, List.of());
                int got = index.get(h);
                assertEquals(those.isEmpty(), got < 0, "hash " + h);
                assertTrue(got < 0 || those.contains(got), "hash " + h + " gave " + got + ", filed " + those);
            }
        }
        for (int v : in) {
            assertTrue(index.get(hashes[v]) >= 0);
        }
        long most = index.bytes();
        while (in.size() > 10) {
            Integer v = in.remove(in.size() - 1);
            index.remove(hashes[v], v);
        }
        assertTrue(index.bytes() < most / 8, "shrunk from " + most + " to " + index.bytes());
        for (int v : in) {
            assertTrue(index.get(hashes[v]) >= 0);
        }
    }
}
