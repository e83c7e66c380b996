package org.waferscope.engine.csl.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.ir.SourcePos;

/**
 * Which program each PE asked for in {@code @set_tile_code}. Equal (file, params) requests
 * share one entry, so a wafer running one program compiles it once.
 */
final class TileCode {
    /** More distinct specialisations than this are refused; each is a separate compile. */
    static final int MAX_SPECIALISATIONS = 4096;

    record Request(String file, Value.StructVal params, SourcePos pos) {
    }

    /** Its methods written out, as {@link Value}'s are: a load hashes one per kind of PE. */
    private record Key(String file, Value.StructVal params) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.file, file) && Objects.equals(k.params, params);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(file) * 31 + Objects.hashCode(params);
        }
    }

    private record Seen(String file, int index) {
    }

    private final Map<Key, Integer> index = new HashMap<>();
    private final Map<Value.StructVal, Seen> byInstance = new java.util.IdentityHashMap<>();
    /**
     * The params instances of the latest calls found by identity, and what they found: a
     * layout loop alternates between a few kinds of PE (even and odd rows, edges).
     */
    private final Value.StructVal[] lastParams = new Value.StructVal[4];
    private final Seen[] lastSeen = new Seen[4];
    private int nextLast;
    final List<Request> requests = new ArrayList<>();
    final int[] perPe;
    private final int width;

    TileCode(int width, int height) {
        this.width = width;
        this.perPe = new int[width * height];
        Arrays.fill(perPe, -1);
    }

    void set(int x, int y, String file, Value.StructVal params, SourcePos pos) {
        // The evaluator hands the same params instance to every PE of a kind: look that up by
        // identity first, which spares hashing a struct per PE.
        Seen seen = params == null ? null : recentSeen(params);
        if (seen != null && seen.file().equals(file)) {
            perPe[y * width + x] = seen.index();
            return;
        }
        Key k = new Key(file, params);
        Integer i = index.get(k);
        if (i == null) {
            if (requests.size() >= MAX_SPECIALISATIONS) {
                throw new CslError(pos, "more than " + MAX_SPECIALISATIONS + " different (file, params) combinations "
                        + "in @set_tile_code; pass per-PE values such as coordinates through <layout> instead");
            }
            i = requests.size();
            index.put(k, i);
            requests.add(new Request(file, params, pos));
        }
        perPe[y * width + x] = i;
        if (params != null && byInstance.size() < MAX_SPECIALISATIONS) {
            byInstance.put(params, new Seen(file, i));
        }
    }

    /** What a recent call with this params instance found, else the instance map's entry (kept as recent). */
    private Seen recentSeen(Value.StructVal params) {
        for (int k = 0; k < lastParams.length; k++) {
            if (lastParams[k] == params) {
                return lastSeen[k];
            }
        }
        Seen seen = byInstance.get(params);
        if (seen != null) {
            lastParams[nextLast] = params;
            lastSeen[nextLast] = seen;
            nextLast = (nextLast + 1) % lastParams.length;
        }
        return seen;
    }
}
