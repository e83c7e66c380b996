package org.waferscope.engine.fabric;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.sim.Wafer;

/**
 * Which 64-byte lines of the fabric's state a busy PE-cycle writes, array by array: a tally
 * for issue 14's "bytes per busy PE-cycle" (docs/benchmarks.md, "Session 10"). Runs the
 * nearest-neighbour exchange one cycle at a time; before each cycle it copies every array of
 * {@link Fabric#mutableState()}, after it counts the lines whose bytes changed (an element's
 * line as the JVM lays it out: a 16-byte array header, then the elements, the array starting
 * on a line, as a large array of the G1 collector does), and divides by the PEs the cycle
 * visited ({@link Fabric#touched}, cleared before the cycle). A line written is a line read
 * and written back, so this counts the state a cycle cannot do without; what is only read
 * (the router's tables, the channel facts) is listed by code path in the docs.
 *
 * <pre>
 * java -Xmx8g -cp engine/target/test-classes:engine/target/classes org.waferscope.engine.fabric.HotLineTally SIDE|WxH|sparse [CYCLES]
 * </pre>
 *
 * Not a test: a measuring tool run by hand, like the benchmarks.
 */
public final class HotLineTally {
    private HotLineTally() {
    }

    public static void main(String[] args) {
        boolean sparse = args[0].equals("sparse");
        String[] wh = sparse ? new String[] {"757", "996"} : args[0].split("x");
        int width = Integer.parseInt(wh[0]);
        int height = wh.length > 1 ? Integer.parseInt(wh[1]) : width;
        int cycles = args.length > 1 ? Integer.parseInt(args[1]) : 13;
        FabricLayout layout = sparse
                ? NeighbourExchange.layout(width, height, (width - 150) / 2, (height - 251) / 2, 150, 251,
                        NeighbourExchange.Options.FOREVER, NeighbourExchange.asleep())
                : NeighbourExchange.layout(width, height, NeighbourExchange.Options.FOREVER);
        try (Wafer w = Wafer.of(ArchProfile.WSE2, layout, 1)) {
            w.port().launch("start");
            w.stepFabric(13 * 4 + 1);
            Fabric f = w.fabric();
            List<Object> live = f.mutableState();
            String[] names = names(f, live);
            Map<String, long[]> lines = new TreeMap<>();
            long visited = 0;
            for (int c = 0; c < cycles; c++) {
                List<Object> before = new ArrayList<>();
                for (Object a : live) {
                    before.add(copy(a));
                }
                java.util.Arrays.fill(f.touched, 0);
                w.stepFabric(1);
                long v = 0;
                for (long t : f.touched) {
                    v += Long.bitCount(t);
                }
                visited += v;
                for (int i = 0; i < live.size(); i++) {
                    long changed = changedLines(before.get(i), live.get(i));
                    lines.computeIfAbsent(names[i], k -> new long[1])[0] += changed;
                }
            }
            System.out.printf("%s: %d cycles, %.1f PEs visited per cycle; lines written per busy PE-cycle:%n",
                    args[0], cycles, visited / (double) cycles);
            double total = 0;
            for (Map.Entry<String, long[]> e : lines.entrySet()) {
                double per = e.getValue()[0] / (double) visited;
                total += per;
                if (per >= 0.0005) {
                    System.out.printf("  %-14s %.3f%n", e.getKey(), per);
                }
            }
            System.out.printf("  %-14s %.3f (%.0f bytes)%n", "total", total, total * 64);
            footprint(f);
        }
    }

    /**
     * Bytes per PE of each of the fabric's arrays larger than a kilobyte (headers left out,
     * a PE's SRAM counted in full): what a busy PE-cycle may read, written or not.
     */
    private static void footprint(Fabric f) {
        System.out.printf("footprint, bytes per PE of %d:%n", f.n);
        Map<String, Double> bytes = new TreeMap<>();
        for (java.lang.reflect.Field field : collectFields(f.getClass())) {
            try {
                field.setAccessible(true);
                Object v = field.get(f);
                if (v == null || !v.getClass().isArray()) {
                    continue;
                }
                long b = (long) Array.getLength(v) * elementBytes(v.getClass().getComponentType());
                if (v instanceof byte[][] per) {
                    for (byte[] m : per) {
                        b += m == null ? 0 : 16 + m.length;
                    }
                }
                if (b >= 1024) {
                    bytes.put(field.getName(), b / (double) f.n);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // not one of the fabric's arrays
            }
        }
        bytes.forEach((k, v) -> System.out.printf("  %-14s %.1f%n", k, v));
    }

    /** The fabric's names for its mutable arrays, by identity. */
    private static String[] names(Fabric f, List<Object> live) {
        Map<Object, String> known = new java.util.IdentityHashMap<>();
        for (java.lang.reflect.Field field : collectFields(f.getClass())) {
            try {
                field.setAccessible(true);
                Object v = field.get(f);
                if (v != null && v.getClass().isArray()) {
                    known.putIfAbsent(v, field.getName());
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // a field we cannot read is not one of the fabric's arrays
            }
        }
        String[] names = new String[live.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = known.getOrDefault(live.get(i), "#" + i);
        }
        return names;
    }

    private static List<java.lang.reflect.Field> collectFields(Class<?> c) {
        List<java.lang.reflect.Field> all = new ArrayList<>();
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            all.addAll(List.of(k.getDeclaredFields()));
        }
        return all;
    }

    private static Object copy(Object a) {
        if (a instanceof Object[] objects) {
            Object[] c = objects.clone();
            for (int i = 0; i < c.length; i++) {
                if (c[i] != null && c[i].getClass().isArray() && !(c[i] instanceof Object[])) {
                    c[i] = copy(c[i]);
                }
            }
            return c;
        }
        int n = Array.getLength(a);
        Object c = Array.newInstance(a.getClass().getComponentType(), n);
        System.arraycopy(a, 0, c, 0, n);
        return c;
    }

    /** Lines of {@code now} (an array, or an array of per-PE arrays) that differ from {@code was}. */
    private static long changedLines(Object was, Object now) {
        if (now instanceof Object[] objects) {
            Object[] old = (Object[]) was;
            long n = 0;
            for (int i = 0; i < objects.length; i++) {
                if (objects[i] != null && objects[i].getClass().isArray() && !(objects[i] instanceof Object[])) {
                    n += changedLines(old[i], objects[i]);
                } else if (objects[i] != old[i]) {
                    n++;
                }
            }
            return n;
        }
        int size = elementBytes(now.getClass().getComponentType());
        int len = Array.getLength(now);
        long n = 0;
        long lastLine = -1;
        for (int i = 0; i < len; i++) {
            long line = (16L + (long) i * size) >>> 6;
            if (line != lastLine && differs(was, now, i)) {
                n++;
                lastLine = line;
            }
        }
        return n;
    }

    private static boolean differs(Object was, Object now, int i) {
        if (now instanceof long[] l) {
            return l[i] != ((long[]) was)[i];
        } else if (now instanceof int[] l) {
            return l[i] != ((int[]) was)[i];
        } else if (now instanceof byte[] l) {
            return l[i] != ((byte[]) was)[i];
        }
        return !java.util.Objects.equals(Array.get(was, i), Array.get(now, i));
    }

    private static int elementBytes(Class<?> t) {
        return t == long.class || t == double.class ? 8 : t == int.class || t == float.class ? 4
                : t == short.class || t == char.class ? 2 : t == byte.class || t == boolean.class ? 1 : 4;
    }
}
