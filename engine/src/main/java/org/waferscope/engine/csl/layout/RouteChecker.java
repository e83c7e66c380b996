package org.waferscope.engine.csl.layout;

import org.waferscope.engine.arch.Direction;
import org.waferscope.engine.csl.Diagnostics;
import org.waferscope.engine.fabric.ColorConfig;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.fabric.RoutePosition;
import org.waferscope.engine.ir.SourcePos;

/**
 * Load-time checks of the routes: every color a PE forwards toward a neighbour must be
 * accepted there from that side. A mistake here would otherwise show up as a silent hang at
 * run time. (Whether a PE's program really sends on a color depends on run-time branches,
 * so sends without a route are not judged here.) A route out of the rectangle is legal, as
 * in the SDK, where edge PEs of a regular pattern often have one they never use: that
 * direction is dropped here, so a wavelet sent that way leaves the program.
 */
final class RouteChecker {
    private static final int MAX_REPORTED = 20;
    /** A neighbour out of the rectangle, in a {@link #passed} key. */
    private static final int[] OFF = new int[0];
    /** How many error-free neighbourhoods are remembered. */
    private static final int REMEMBERED = 8;

    private final LayoutState st;
    private final Diagnostics diags;
    private int found;
    /**
     * Neighbourhoods whose check found nothing: a PE's own (color, config) pairs and its four
     * neighbours' (N, E, S, W), as the arrays {@link FabricLayout#colorsOf} gives, compared by
     * identity. A PE's check reads nothing else (its coordinates only choose the neighbours),
     * and a layout's PEs of one kind share one pairs array, so most PEs of a regular layout
     * meet a neighbourhood already checked.
     */
    private final int[][][] passed = new int[REMEMBERED][][];
    private int nextPassed;

    RouteChecker(LayoutState st, Diagnostics diags) {
        this.st = st;
        this.diags = diags;
    }

    void check() {
        FabricLayout l = st.layout;
        int w = l.width();
        trimOffEdge(l, w);
        int h = l.height();
        int[][] near = new int[5][];
        for (int pe = 0; pe < l.peCount(); pe++) {
            int x = pe % w;
            int y = pe / w;
            int[] pairs = l.colorsOf(pe);
            near[0] = pairs;
            near[1] = y > 0 ? l.colorsOf(pe - w) : OFF;
            near[2] = x < w - 1 ? l.colorsOf(pe + 1) : OFF;
            near[3] = y < h - 1 ? l.colorsOf(pe + w) : OFF;
            near[4] = x > 0 ? l.colorsOf(pe - 1) : OFF;
            if (pairs.length == 0 || passedBefore(near)) {
                continue;
            }
            int before = found;
            for (int i = 0; i < pairs.length; i += 2) {
                checkRoute(pe, x, y, pairs[i], l.config(pairs[i + 1]));
            }
            if (found == before) {
                passed[nextPassed] = near.clone();
                nextPassed = (nextPassed + 1) % REMEMBERED;
            }
        }
        if (found > MAX_REPORTED) {
            diags.error(new SourcePos(st.file, 1, 1), "... and " + (found - MAX_REPORTED) + " more route errors");
        }
    }

    private boolean passedBefore(int[][] near) {
        for (int[][] p : passed) {
            if (p != null && p[0] == near[0] && p[1] == near[1] && p[2] == near[2] && p[3] == near[3] && p[4] == near[4]) {
                return true;
            }
        }
        return false;
    }

    /** Clears, on edge PEs, the tx ports that lead out of the rectangle, and notes which for the deadlock report. */
    private void trimOffEdge(FabricLayout l, int w) {
        int h = l.height();
        for (int pe = 0; pe < l.peCount(); pe++) {
            int x = pe % w;
            int y = pe / w;
            if (x > 0 && y > 0 && x < w - 1 && y < h - 1) {
                continue;
            }
            int off = 0;
            for (Direction d : Direction.LINKS) {
                int nx = x + d.dx;
                int ny = y + d.dy;
                if (nx < 0 || ny < 0 || nx >= w || ny >= h) {
                    off |= d.bit();
                }
            }
            int[] pairs = l.colorsOf(pe).clone();
            for (int i = 0; i < pairs.length; i += 2) {
                ColorConfig c = l.config(pairs[i + 1]);
                if ((c.txUnion() & off) == 0) {
                    continue;
                }
                java.util.List<RoutePosition> kept = new java.util.ArrayList<>();
                int[] dropped = new int[c.positions().size()];
                for (RoutePosition p : c.positions()) {
                    dropped[kept.size()] = p.tx() & off;
                    kept.add(new RoutePosition(p.rx(), p.tx() & ~off));
                }
                st.replaceRoute(pe, pairs[i], c.withPositions(kept));
                l.setOffEdge(x, y, pairs[i], dropped);
            }
        }
    }

    private void checkRoute(int pe, int x, int y, int color, ColorConfig c) {
        for (RoutePosition p : c.positions()) {
            for (Direction d : Direction.LINKS) {
                if ((p.tx() & d.bit()) == 0) {
                    continue;
                }
                int nx = x + d.dx;
                int ny = y + d.dy;
                int arrives = c.colorToward(color, d.ordinal());
                ColorConfig n = st.layout.configAt(ny * st.layout.width() + nx, arrives);
                if (n == null || (n.rxUnion() & d.opposite().bit()) == 0) {
                    report(st.site(pe, color), "PE (" + x + ", " + y + ") forwards color " + color + " " + d
                            + (arrives != color ? " (swapped to color " + arrives + ")" : "") + " but PE ("
                            + nx + ", " + ny + ") never accepts color " + arrives + " from " + d.opposite());
                }
            }
        }
    }

    private void report(SourcePos pos, String message) {
        if (++found <= MAX_REPORTED) {
            diags.error(pos, message);
        }
    }
}
