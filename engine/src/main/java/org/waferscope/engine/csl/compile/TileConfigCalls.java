package org.waferscope.engine.csl.compile;

import java.util.List;
import java.util.Map;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.eval.Scope;
import org.waferscope.engine.csl.eval.SwitchLibraries;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.csl.value.ValueOps;
import org.waferscope.engine.fabric.RouteEdits;
import org.waferscope.engine.ir.FunctionBuilder;

/**
 * {@code <tile_config>}'s run-time functions: each becomes one {@code ROUTE_CFG}
 * instruction. Their colors and ports must be known at compile time, as the SDK's
 * libraries pass them (a param color, port constants).
 */
final class TileConfigCalls {
    private final ExprCompiler x;
    private final FunctionBuilder f;

    TileConfigCalls(ExprCompiler x) {
        this.x = x;
        this.f = x.f;
    }

    static boolean isTileConfig(Value.ModuleVal m) {
        return m.name().startsWith(SwitchLibraries.TILE_CONFIG + "/");
    }

    void call(Value.ModuleVal m, String fn, Expr.Call c, Scope s) {
        List<Expr> a = c.args();
        switch (fn) {
            case "reset_routes" -> {
                arity(c, fn, 2);
                if (!(x.u.ev.eval(a.get(1), s) instanceof Value.StructVal st) || !st.fields().keySet().stream()
                        .allMatch(k -> k.equals("rx") || k.equals("tx"))) {
                    throw new CslError(a.get(1).pos(), "reset_routes takes the color's address and .{ .rx = ..., .tx = ... }");
                }
                Map<String, Value> r = st.fields();
                f.routeConfig(color(a.get(0), s), RouteEdits.EDIT_RESET_ROUTES, 0, ports(r.get("rx"), a.get(1)),
                        ports(r.get("tx"), a.get(1)));
            }
            case "clear_current_position" -> edit(c, s, fn, RouteEdits.EDIT_CLEAR_POSITION);
            case "set_invalid_for_all_switch_positions" -> edit(c, s, fn, RouteEdits.EDIT_INVALIDATE_POSITIONS);
            case "exit" -> edit(c, s, "teardown.exit", RouteEdits.EDIT_EXIT_TEARDOWN);
            case "enter" -> edit(c, s, "teardown.enter", RouteEdits.EDIT_ENTER_TEARDOWN);
            default -> {
                // set_rx_switch_posN / set_tx_switch_posN
                arity(c, fn, 2);
                int pos = fn.charAt(fn.length() - 1) - '0';
                int mask = ports(x.u.ev.eval(a.get(1), s), a.get(1));
                boolean rx = fn.startsWith("set_rx");
                f.routeConfig(color(a.get(0), s), rx ? RouteEdits.EDIT_SET_RX : RouteEdits.EDIT_SET_TX, pos,
                        rx ? mask : 0, rx ? 0 : mask);
            }
        }
    }

    private void edit(Expr.Call c, Scope s, String fn, int action) {
        arity(c, fn, 1);
        f.routeConfig(color(c.args().get(0), s), action, 0, 0, 0);
    }

    private int color(Expr e, Scope s) {
        Value v = x.u.ev.eval(e, s);
        if (!(v instanceof Value.ColorVal c)) {
            throw new CslError(e.pos(), "expected a color known at compile time, not " + ValueOps.describe(v));
        }
        if (c.id() >= x.u.profile.colors()) {
            throw new CslError(e.pos(), "color " + c.id() + " is not routable");
        }
        return c.id();
    }

    private static int ports(Value v, Expr at) {
        return ValueOps.ports(v, at.pos());
    }

    private static void arity(Expr.Call c, String fn, int n) {
        if (c.args().size() != n) {
            throw new CslError(c.pos(), fn + " takes " + n + " argument" + (n == 1 ? "" : "s"));
        }
    }
}
