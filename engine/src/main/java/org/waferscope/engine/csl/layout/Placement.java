package org.waferscope.engine.csl.layout;

import org.waferscope.engine.csl.eval.TripRecording;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.fabric.ColorConfig;
import org.waferscope.engine.ir.SourcePos;

/**
 * A {@code @set_tile_code} or {@code @set_color_config} that a recorded loop trip made, with
 * its arguments evaluated, to be made again by a later trip of the same kind
 * ({@link TripRecording}). A coordinate that was the loop variable itself takes the later
 * trip's index, checked against the rectangle as the builtin checks it.
 */
sealed interface Placement extends TripRecording.Effect {
    record Tile(LayoutState st, int x, int y, boolean xFromLoop, boolean yFromLoop, String file,
                Value.StructVal params, SourcePos pos) implements Placement {
        @Override
        public void replay(Value index) {
            int px = xFromLoop ? LayoutBuiltins.x(st, index, pos) : x;
            int py = yFromLoop ? LayoutBuiltins.y(st, index, pos) : y;
            st.tiles.set(px, py, file, params, pos);
        }
    }

    /**
     * A route placement. Its config's index in the layout and its call site's number are
     * found at its first replay and kept: both lists only grow, so they stay the same, and a
     * full wafer's replays set millions of routes.
     */
    final class Route implements Placement {
        private final LayoutState st;
        private final int x;
        private final int y;
        private final boolean xFromLoop;
        private final boolean yFromLoop;
        private final int color;
        private final ColorConfig config;
        private final SourcePos pos;
        private int configIndex = -1;
        private int site;

        Route(LayoutState st, int x, int y, boolean xFromLoop, boolean yFromLoop, int color, ColorConfig config,
              SourcePos pos) {
            this.st = st;
            this.x = x;
            this.y = y;
            this.xFromLoop = xFromLoop;
            this.yFromLoop = yFromLoop;
            this.color = color;
            this.config = config;
            this.pos = pos;
        }

        @Override
        public void replay(Value index) {
            int px = xFromLoop ? LayoutBuiltins.x(st, index, pos) : x;
            int py = yFromLoop ? LayoutBuiltins.y(st, index, pos) : y;
            if (configIndex < 0) {
                configIndex = st.route(px, py, color, config, pos);
                site = st.siteNumber(pos);
            } else {
                st.route(px, py, color, configIndex, site);
            }
        }
    }
}
