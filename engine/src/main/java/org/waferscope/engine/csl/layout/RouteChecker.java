package org.waferscope.engine.csl.layout;

import org.waferscope.engine.arch.Direction;
import org.waferscope.engine.csl.Diagnostics;
import org.waferscope.engine.fabric.ColorConfig;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.fabric.RoutePosition;
import org.waferscope.engine.ir.SourcePos;

/**
 * Load-time checks of the routes: every color a PE forwards toward a neighbour must be
 * accepted there from that side, and no route leaves the rectangle. A mistake here would
 * otherwise show up as a silent hang at run time. (Whether a PE's program really sends on
 * a color depends on run-time branches, so sends without a route are not judged here.)
 */
final class RouteChecker {
    private static final int MAX_REPORTED = 20;

    private final LayoutState st;
    private final Diagnostics diags;
    private int found;

    RouteChecker(LayoutState st, Diagnostics diags) {
        this.st = st;
        this.diags = diags;
    }

    void check() {
        FabricLayout l = st.layout;
        int w = l.width();
        for (int pe = 0; pe < l.peCount(); pe++) {
            int[] pairs = l.colorsOf(pe);
            for (int i = 0; i < pairs.length; i += 2) {
                checkRoute(pe, pe % w, pe / w, pairs[i], l.config(pairs[i + 1]));
            }
        }
        if (found > MAX_REPORTED) {
            diags.error(new SourcePos(st.file, 1, 1), "... and " + (found - MAX_REPORTED) + " more route errors");
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
                if (nx < 0 || ny < 0 || nx >= st.layout.width() || ny >= st.layout.height()) {
                    report(st.site(pe, color), "the route of color " + color + " at PE (" + x + ", " + y + ") sends "
                            + d + " off the edge of the " + st.layout.width() + "x" + st.layout.height() + " rectangle");
                    continue;
                }
                ColorConfig n = st.layout.configAt(ny * st.layout.width() + nx, color);
                if (n == null || (n.rxUnion() & d.opposite().bit()) == 0) {
                    report(st.site(pe, color), "PE (" + x + ", " + y + ") forwards color " + color + " " + d + " but PE ("
                            + nx + ", " + ny + ") never accepts color " + color + " from " + d.opposite());
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
