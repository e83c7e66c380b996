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

    record Route(LayoutState st, int x, int y, boolean xFromLoop, boolean yFromLoop, int color,
                 ColorConfig config, SourcePos pos) implements Placement {
        @Override
        public void replay(Value index) {
            int px = xFromLoop ? LayoutBuiltins.x(st, index, pos) : x;
            int py = yFromLoop ? LayoutBuiltins.y(st, index, pos) : y;
            LayoutBuiltins.route(st, px, py, color, config, pos);
        }
    }
}
