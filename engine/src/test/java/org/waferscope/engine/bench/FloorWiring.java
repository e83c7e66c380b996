package org.waferscope.engine.bench;

/** The links of a {@link ModelFloor}'s PEs: its CE records' sends, receives and router sources, and its links' bits and depths. */
final class FloorWiring {
    private FloorWiring() {
    }

    /** Fills {@code f}'s CE and link records from its neighbours ({@link ModelFloor#nb}). */
    static void wire(ModelFloor f) {
        for (int i = 0, n = f.w * f.h; i < n; i++) {
            int c = i * ModelFloor.STRIDE;
            int count = 0;
            for (int d = 0; d < 4; d++) {
                if (f.nb[4 * i + d] >= 0) {
                    f.ce[c + ModelFloor.SEND + count] = f.into(i, d);
                    f.ce[c + ModelFloor.RECEIVE + count++] = (4 * i + d) * ModelFloor.EDGE;
                }
            }
            int ns = 0;
            for (int a : new int[] {3, 2, 0, 1}) {
                if (f.nb[4 * i + a] >= 0) {
                    int e = (4 * i + a) * ModelFloor.EDGE;
                    f.edge[e + ModelFloor.IN_BIT] = 1 << ns;
                    f.edge[e + ModelFloor.TO] = c;
                    f.edge[e + ModelFloor.IN_DEPTH] = ModelFloor.IN_DEPTHS[a];
                    f.edge[e + ModelFloor.LAST_DELIVER] = Integer.MIN_VALUE;
                    f.edge[e + ModelFloor.LAST_MOVE] = Integer.MIN_VALUE;
                    f.edge[e + ModelFloor.PREV_MOVE] = Integer.MIN_VALUE;
                    f.ce[c + ModelFloor.SOURCE + ns++] = 2 * e;
                }
            }
            for (int d : new int[] {2, 3, 1, 0}) {
                if (f.nb[4 * i + d] >= 0) {
                    int e = f.into(i, d);
                    f.edge[e + ModelFloor.OUT_BIT] = 1 << ns;
                    f.edge[e + ModelFloor.OUT_DEPTH] = ModelFloor.OUT_DEPTHS[d];
                    f.ce[c + ModelFloor.SOURCE + ns++] = 2 * e + 1;
                }
            }
            f.ce[c + ModelFloor.PC] = -(ModelFloor.PRELUDE + 2 * count);
            f.ce[c + ModelFloor.SOURCE_COUNT] = ns;
            f.ce[c + ModelFloor.DIR_COUNT] = count;
            f.ce[c + ModelFloor.START_X] = Float.floatToRawIntBits((f.x0 + i % f.w) * 1000 + (f.y0 + i / f.w));
        }
    }
}
