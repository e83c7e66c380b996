package org.waferscope.engine.fabric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.waferscope.engine.api.WaitLink;
import org.waferscope.engine.arch.Direction;

/**
 * Wavelets that left the fabric: a route out of the rectangle is legal (as in the SDK) and
 * dropped at load ({@link FabricLayout#setOffEdge}), so a wavelet sent that way vanishes. That
 * is silent, and when the PE it was meant for then waits forever, the deadlock report said
 * nothing of it. Here each such route slot counts, per direction, the wavelets whose copies
 * left; the report names the PE, the color and the direction.
 *
 * <p>A fabric without such routes has no counts at all ({@link Fabric#leaks} is null). The
 * router pays nothing for them where none leaves: the slots that may leak carry
 * {@link RouterSources#LEAKS} in their route word, which a visit already holds, and only
 * those look here after a move. A slot belongs to one PE, so one worker writes its counts.
 */
public final class EdgeLeaks {
    /** Route slots with a dropped direction, ascending. */
    private final int[] slots;
    private final int[] pe;
    private final int[] color;
    /** Per slot and switch position (4 each): the directions dropped. */
    private final int[] dropped;
    /**
     * Per slot and direction (4 each): the wavelets that left that way. Snapshots copy it (a
     * step back takes the count back); the state hash leaves it out, as a report's figure
     * and not the machine's state, so a program's hash is what it was before it was counted.
     */
    final long[] left;

    private EdgeLeaks(int count) {
        slots = new int[count];
        pe = new int[count];
        color = new int[count];
        dropped = new int[count * 4];
        left = new long[count * 4];
    }

    /** The leaks of a fabric built from {@code layout}, or null when no route of it leads off the edge. */
    static EdgeLeaks of(Fabric f, FabricLayout layout) {
        Map<Long, int[]> off = layout.offEdge();
        if (off.isEmpty()) {
            return null;
        }
        long[] found = new long[off.size()];   // slot << 32 | key's index, sorted by slot
        List<int[]> masks = new ArrayList<>();
        List<Long> keys = new ArrayList<>();
        int k = 0;
        for (Map.Entry<Long, int[]> e : off.entrySet()) {
            int p = (int) (e.getKey() >>> 8);
            int rs = Router.findSlot(f, p, (int) (e.getKey() & 0xFF));
            if (rs >= 0) {
                found[k] = (long) rs << 32 | keys.size();
                keys.add(e.getKey());
                masks.add(e.getValue());
                k++;
            }
        }
        if (k == 0) {
            return null;
        }
        found = Arrays.copyOf(found, k);
        Arrays.sort(found);
        EdgeLeaks l = new EdgeLeaks(k);
        for (int i = 0; i < k; i++) {
            int at = (int) found[i];
            l.slots[i] = (int) (found[i] >>> 32);
            l.pe[i] = (int) (keys.get(at) >>> 8);
            l.color[i] = (int) (keys.get(at) & 0xFF);
            int[] m = masks.get(at);
            System.arraycopy(m, 0, l.dropped, i * 4, Math.min(4, m.length));
        }
        return l;
    }

    /** {@code route} with {@link RouterSources#LEAKS} when slot {@code rs} may send off the edge. */
    static long mark(Fabric f, int rs, long route) {
        return f.leaks != null && Arrays.binarySearch(f.leaks.slots, rs) >= 0 ? route | RouterSources.LEAKS : route;
    }

    /** A wavelet moved through slot {@code rs} at switch position {@code pos}: count the copies that left. */
    static void moved(Fabric f, int rs, int pos) {
        EdgeLeaks l = f.leaks;
        int i = Arrays.binarySearch(l.slots, rs);
        int m = l.dropped[i * 4 + pos];
        for (int d = 0; d < 4; d++) {
            if ((m & 1 << d) != 0) {
                l.left[i * 4 + d]++;
            }
        }
    }

    /** At load and reset: nothing has left. */
    static void reset(Fabric f) {
        if (f.leaks != null) {
            Arrays.fill(f.leaks.left, 0);
        }
    }

    /** The counts change as the fabric runs: snapshots copy them ({@link Fabric#mutableState}); the hash does not cover them. */
    static void addState(Fabric f, List<Object> state) {
        if (f.leaks != null) {
            state.add(f.leaks.left);
        }
    }

    /**
     * The {@link #links} as lines of a deadlock's report (and a count of the rest): "PE (0, 0)
     * sent 3 wavelets of color 0 WEST, off the fabric's edge".
     */
    public static List<String> describe(Fabric f, int max) {
        List<String> out = new ArrayList<>(links(f, max).stream().map(WaitLink::describe).toList());
        int more = each(f).size() - out.size();
        if (more > 0) {
            out.add("... and " + more + " more routes off the edge");
        }
        return out;
    }

    /** Each PE, color and direction that wavelets left by, at most {@code max}, as rows of the Waiting tab on the PE that sent. */
    public static List<WaitLink> links(Fabric f, int max) {
        List<WaitLink> out = new ArrayList<>();
        for (int[] e : each(f)) {
            if (out.size() < max) {
                out.add(WaitLink.leftFabric(e[0] % f.width, e[0] / f.width, what(e)));
            }
        }
        return out;
    }

    private static String what(int[] e) {
        return e[3] + (e[3] == 1 ? " wavelet" : " wavelets") + " of color " + e[1] + " " + Direction.LINKS[e[2]]
                + ", off the fabric's edge: nothing receives " + (e[3] == 1 ? "it" : "them")
                + " (a route out of the rectangle is dropped, as in the SDK)";
    }

    /** {pe, color, direction, count} of every direction wavelets left by, in slot order. */
    private static List<int[]> each(Fabric f) {
        List<int[]> out = new ArrayList<>();
        EdgeLeaks l = f.leaks;
        for (int i = 0; l != null && i < l.slots.length; i++) {
            for (int d = 0; d < 4; d++) {
                long n = l.left[i * 4 + d];
                if (n > 0) {
                    out.add(new int[] {l.pe[i], l.color[i], d, (int) Math.min(n, Integer.MAX_VALUE)});
                }
            }
        }
        return out;
    }

}
