package org.waferscope.engine.fabric;

import java.util.ArrayList;
import java.util.List;

/**
 * An exact copy of a fabric's mutable state at one cycle. Restoring it and running on
 * gives the same states as the original run did, which is what stepping back relies on.
 */
public final class FabricSnapshot {
    private final long cycle;
    private final List<Object> arrays;
    private final long bytes;

    private FabricSnapshot(long cycle, List<Object> arrays, long bytes) {
        this.cycle = cycle;
        this.arrays = arrays;
        this.bytes = bytes;
    }

    public long cycle() {
        return cycle;
    }

    /** Approximate heap this snapshot holds. */
    public long bytes() {
        return bytes;
    }

    /** What a snapshot of {@code f} would hold, without taking one. */
    public static long estimateBytes(Fabric f) {
        long bytes = 0;
        for (Object a : f.mutableState()) {
            bytes += sizeOf(a);
        }
        return bytes;
    }

    public static FabricSnapshot of(Fabric f) {
        List<Object> copies = new ArrayList<>();
        long bytes = 0;
        for (Object a : f.mutableState()) {
            Object c = deepCopy(a);
            bytes += sizeOf(c);
            copies.add(c);
        }
        return new FabricSnapshot(f.cycle, copies, bytes);
    }

    public void restoreInto(Fabric f) {
        List<Object> live = f.mutableState();
        for (int i = 0; i < live.size(); i++) {
            copyInto(arrays.get(i), live.get(i));
        }
        f.cycle = cycle;
    }

    private static Object deepCopy(Object a) {
        if (a instanceof byte[][] bb) {
            byte[][] out = new byte[bb.length][];
            for (int i = 0; i < bb.length; i++) {
                out[i] = bb[i] == null ? null : bb[i].clone();
            }
            return out;
        }
        if (a instanceof int[][] ii) {
            int[][] out = new int[ii.length][];
            for (int i = 0; i < ii.length; i++) {
                out[i] = ii[i] == null ? null : ii[i].clone();
            }
            return out;
        }
        if (a instanceof Object[] oo) {
            return oo.clone();
        }
        if (a instanceof int[] x) {
            return x.clone();
        }
        if (a instanceof long[] x) {
            return x.clone();
        }
        if (a instanceof byte[] x) {
            return x.clone();
        }
        if (a instanceof short[] x) {
            return x.clone();
        }
        throw new IllegalStateException("unexpected state array " + a.getClass());
    }

    private static void copyInto(Object from, Object to) {
        if (from instanceof byte[][] bb) {
            byte[][] live = (byte[][]) to;
            for (int i = 0; i < bb.length; i++) {
                if (bb[i] != null) {
                    System.arraycopy(bb[i], 0, live[i], 0, bb[i].length);
                }
            }
        } else if (from instanceof int[][] ii) {
            int[][] live = (int[][]) to;
            for (int i = 0; i < ii.length; i++) {
                live[i] = ii[i] == null ? null : ii[i].clone();
            }
        } else {
            System.arraycopy(from, 0, to, 0, java.lang.reflect.Array.getLength(from));
        }
    }

    private static long sizeOf(Object a) {
        if (a instanceof byte[][] bb) {
            long s = 16L + 8L * bb.length;
            for (byte[] b : bb) {
                s += b == null ? 0 : 16 + b.length;
            }
            return s;
        }
        if (a instanceof int[][] ii) {
            long s = 16L + 8L * ii.length;
            for (int[] b : ii) {
                s += b == null ? 0 : 16 + 4L * b.length;
            }
            return s;
        }
        if (a instanceof int[] x) {
            return 16 + 4L * x.length;
        }
        if (a instanceof long[] x) {
            return 16 + 8L * x.length;
        }
        if (a instanceof byte[] x) {
            return 16 + x.length;
        }
        if (a instanceof short[] x) {
            return 16 + 2L * x.length;
        }
        return 16 + 8L * ((Object[]) a).length;
    }
}
