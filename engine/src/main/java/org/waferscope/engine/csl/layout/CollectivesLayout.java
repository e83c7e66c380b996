package org.waferscope.engine.csl.layout;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.waferscope.engine.arch.Direction;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.eval.Collectives2d;
import org.waferscope.engine.csl.eval.ModuleHook;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.csl.value.ValueOps;
import org.waferscope.engine.fabric.ColorConfig;
import org.waferscope.engine.fabric.RoutePosition;
import org.waferscope.engine.ir.SourcePos;

/**
 * {@code <collectives_2d/params>.get_params(Px, Py, ids)} in a layout: gives PE (Px, Py)
 * the routes its row (x) and column (y) collectives travel on, and returns the params its
 * program passes to {@code <collectives_2d/pe>}.
 *
 * <p>Each link between neighbours of a row has one of the dimension's two colors, by the
 * parity of its western PE: the link east of PE i uses color {@code i % 2}, so the two links
 * of a PE have different colors and reach different input queues. At each end of a link the
 * color has two switch positions: {@link Collectives2d#RECEIVE} (from the link to the CE) and
 * {@link Collectives2d#SEND} (from the CE onto the link). The PE program sets them as each collective
 * needs. Columns are the same with north for west and south for east.
 */
final class CollectivesLayout implements ModuleHook {
    private static final Set<String> X_IDS = Set.of("x_colors", "x_entrypoints");
    private static final Set<String> Y_IDS = Set.of("y_colors", "y_entrypoints");
    private final LayoutState st;

    CollectivesLayout(LayoutState st) {
        this.st = st;
    }

    @Override
    public Value call(Value.ModuleVal m, String fn, List<Value> args, SourcePos pos) {
        if (!m.name().equals(Collectives2d.PARAMS)) {
            return null;
        }
        if (!fn.equals("get_params")) {
            throw new CslError(pos, "<collectives_2d/params> has no function " + fn + "; it has get_params");
        }
        if (args.size() != 3 || !(args.get(2) instanceof Value.StructVal ids)) {
            throw new CslError(pos, "get_params takes (Px, Py, .{ .x_colors = ..., .x_entrypoints = ..., "
                    + ".y_colors = ..., .y_entrypoints = ... })");
        }
        if (st.layout == null) {
            throw new CslError(pos, "call @set_rectangle(width, height) before get_params");
        }
        // as in the SDK: the x fields, the y fields, or all four; a dimension left out gets no
        // routes, and its .x or .y is absent from the result
        Set<String> given = ids.fields().keySet();
        boolean hasX = given.containsAll(X_IDS);
        boolean hasY = given.containsAll(Y_IDS);
        Set<String> expected = new java.util.HashSet<>();
        if (hasX) {
            expected.addAll(X_IDS);
        }
        if (hasY) {
            expected.addAll(Y_IDS);
        }
        if (expected.isEmpty() || !given.equals(expected)) {
            throw new CslError(pos, "get_params needs .x_colors and .x_entrypoints, .y_colors and .y_entrypoints, or "
                    + "all four; got " + (given.isEmpty() ? "none" : String.join(", ", new TreeSet<>(given))));
        }
        int w = st.layout.width();
        int h = st.layout.height();
        int px = ValueOps.intIn(args.get(0), 0, w - 1L, "Px (inside the rectangle)", pos);
        int py = ValueOps.intIn(args.get(1), 0, h - 1L, "Py (inside the rectangle)", pos);
        Map<String, Value> f = ids.fields();
        List<Value.ColorVal> xc = hasX ? Collectives2d.pair(f.get("x_colors"), Value.ColorVal.class, "x_colors", pos)
                : List.of();
        List<Value.ColorVal> yc = hasY ? Collectives2d.pair(f.get("y_colors"), Value.ColorVal.class, "y_colors", pos)
                : List.of();
        checkColors(xc, yc, pos);
        Map<String, Value> dims = new java.util.LinkedHashMap<>();
        if (hasX) {
            List<Value.TaskIdVal> xe = Collectives2d.pair(f.get("x_entrypoints"), Value.TaskIdVal.class,
                    "x_entrypoints", pos);
            route(px, py, px, w, xc, Direction.WEST, Direction.EAST, pos);
            dims.put("x", Collectives2d.dimension(0, xc, xe, w));
        }
        if (hasY) {
            List<Value.TaskIdVal> ye = Collectives2d.pair(f.get("y_entrypoints"), Value.TaskIdVal.class,
                    "y_entrypoints", pos);
            route(px, py, py, h, yc, Direction.NORTH, Direction.SOUTH, pos);
            dims.put("y", Collectives2d.dimension(1, yc, ye, h));
        }
        return new Value.StructVal(java.util.Collections.unmodifiableMap(dims));
    }

    private void checkColors(List<Value.ColorVal> xc, List<Value.ColorVal> yc, SourcePos pos) {
        Set<Integer> seen = new java.util.HashSet<>();
        List<Value.ColorVal> all = new java.util.ArrayList<>(xc);
        all.addAll(yc);
        for (Value.ColorVal c : all) {
            if (c.id() >= st.profile.colors() || !seen.add(c.id())) {
                throw new CslError(pos, "get_params needs " + (all.size() == 4 ? "four" : "two") + " different "
                        + "routable colors; color " + c.id() + (seen.contains(c.id()) ? " is given twice"
                        : " is not routable"));
            }
        }
    }

    /** The link colors of the PE at {@code i} of {@code n} along one dimension. */
    private void route(int px, int py, int i, int n, List<Value.ColorVal> colors, Direction low, Direction high,
                       SourcePos pos) {
        int ramp = Direction.RAMP.bit();
        if (i + 1 < n) {
            set(px, py, colors.get(i % 2).id(), high.bit(), ramp, pos);
        }
        if (i > 0) {
            set(px, py, colors.get((i + 1) % 2).id(), low.bit(), ramp, pos);
        }
    }

    private void set(int px, int py, int color, int link, int ramp, SourcePos pos) {
        ColorConfig cc = new ColorConfig(List.of(new RoutePosition(link, ramp), new RoutePosition(ramp, link)),
                Collectives2d.RECEIVE, false, -1, -1);
        st.route(px, py, color, cc, pos);
    }
}
