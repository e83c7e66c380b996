package org.waferscope.engine.csl.layout;

import java.util.List;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.compile.ExportDecl;
import org.waferscope.engine.csl.eval.BuiltinHook;
import org.waferscope.engine.csl.eval.Evaluator;
import org.waferscope.engine.csl.eval.Modules;
import org.waferscope.engine.csl.eval.Scope;
import org.waferscope.engine.csl.eval.TripRecording;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.csl.value.ValueOps;
import org.waferscope.engine.fabric.ColorConfig;
import org.waferscope.engine.ir.SourcePos;

/** The builtins of a layout block: the rectangle, tile code, routes and exports. */
final class LayoutBuiltins implements BuiltinHook {
    private static final Value VOID = new Value.VoidVal();

    private final LayoutState st;

    LayoutBuiltins(LayoutState st) {
        this.st = st;
    }

    @Override
    public Value call(Expr.Builtin b, Scope s, Evaluator ev) {
        List<Expr> a = b.args();
        SourcePos pos = b.pos();
        switch (b.name()) {
            case "@set_rectangle" -> {
                arity(b, 2);
                if (st.layout != null) {
                    throw new CslError(pos, "@set_rectangle is called twice");
                }
                int w = ValueOps.intIn(ev.eval(a.get(0), s), 1, st.profile.fabricWidth(),
                        "the width (the " + st.profile.name() + " fabric is " + st.profile.fabricWidth() + " wide)", pos);
                int h = ValueOps.intIn(ev.eval(a.get(1), s), 1, st.profile.fabricHeight(),
                        "the height (the " + st.profile.name() + " fabric is " + st.profile.fabricHeight() + " high)", pos);
                st.rectangle(w, h);
                impure(ev);
            }
            case "@set_tile_code" -> {
                if (a.size() != 3 && a.size() != 4) {
                    throw new CslError(pos, "@set_tile_code takes (x, y, \"file.csl\", .{ params })");
                }
                requireRectangle(pos);
                int x = x(st, ev.eval(a.get(0), s), pos);
                int y = y(st, ev.eval(a.get(1), s), pos);
                if (!(ev.eval(a.get(2), s) instanceof Value.StringVal f)) {
                    throw new CslError(a.get(2).pos(), "the program must be a file name such as \"pe_program.csl\"");
                }
                Value.StructVal params = null;
                if (a.size() == 4) {
                    Value p = ev.eval(a.get(3), s);
                    if (p instanceof Value.StructVal sv) {
                        params = sv.fields().isEmpty() ? null : sv;
                    } else if (!(p instanceof Value.TupleVal t && t.items().isEmpty())) {
                        throw new CslError(a.get(3).pos(), "the params must be a struct .{ .name = value, ... }");
                    }
                }
                st.tiles.set(x, y, f.v(), params, pos);
                TripRecording rec = ev.recording();
                if (rec != null) {
                    rec.add(new Placement.Tile(st, x, y, rec.isLoopVariable(a.get(0)), rec.isLoopVariable(a.get(1)),
                            f.v(), params, pos));
                }
            }
            case "@set_color_config" -> {
                arity(b, 4);
                requireRectangle(pos);
                int x = x(st, ev.eval(a.get(0), s), pos);
                int y = y(st, ev.eval(a.get(1), s), pos);
                Value c = ev.eval(a.get(2), s);
                if (!(c instanceof Value.ColorVal color)) {
                    throw new CslError(a.get(2).pos(), "expected a color, not " + ValueOps.describe(c));
                }
                if (color.id() >= Modules.FIRST_HOST_COLOR || color.id() >= st.profile.colors()) {
                    throw new CslError(a.get(2).pos(), "color " + color.id() + " is not routable (colors 0.."
                            + (st.profile.colors() - 1) + " are)");
                }
                ColorConfig config = st.routes.read(ev.eval(a.get(3), s), pos);
                route(st, x, y, color.id(), config, pos);
                TripRecording rec = ev.recording();
                if (rec != null) {
                    rec.add(new Placement.Route(st, x, y, rec.isLoopVariable(a.get(0)), rec.isLoopVariable(a.get(1)),
                            color.id(), config, pos));
                }
            }
            case "@export_name" -> {
                if (a.size() != 2 && a.size() != 3) {
                    throw new CslError(pos, "@export_name takes (\"name\", type) or (\"name\", type, mutable)");
                }
                if (!(ev.eval(a.get(0), s) instanceof Value.StringVal n)) {
                    throw new CslError(a.get(0).pos(), "the exported name must be a string");
                }
                CslType t = ev.type(a.get(1), s);
                boolean mutable = a.size() == 3 && ValueOps.bool(ev.eval(a.get(2), s), "mutable", pos);
                if (!(t instanceof CslType.Fn) && !(t instanceof CslType.Pointer) && t.elementType() == null) {
                    throw new CslError(a.get(1).pos(), "an exported symbol is a pointer such as [*]f32, a scalar type, "
                            + "or a function type such as fn()void; not " + t);
                }
                impure(ev);
                if (st.exports.put(n.v(), new ExportDecl(n.v(), t, mutable, pos)) != null) {
                    throw new CslError(pos, "'" + n.v() + "' is exported twice");
                }
            }
            case "@bind_data_task", "@bind_local_task", "@bind_control_task", "@export_symbol", "@get_dsd",
                    "@set_local_color_config",
                    "@initialize_queue", "@activate" -> throw new CslError(pos, b.name() + " belongs in a PE program, "
                    + "not in a layout");
            default -> {
                return null;
            }
        }
        return VOID;
    }

    /** A layout builtin that changes state a replayed trip would not change again. */
    private static void impure(Evaluator ev) {
        if (ev.recording() != null) {
            ev.recording().impure();
        }
    }

    static int x(LayoutState st, Value v, SourcePos pos) {
        return coord(v, st.layout.width(), "x (inside the rectangle)", pos);
    }

    static int y(LayoutState st, Value v, SourcePos pos) {
        return coord(v, st.layout.height(), "y (inside the rectangle)", pos);
    }

    /** Gives PE (x, y) {@code config} for {@code color}, and remembers where that was said. */
    static void route(LayoutState st, int x, int y, int color, ColorConfig config, SourcePos pos) {
        st.route(x, y, color, config, pos);
    }

    private void requireRectangle(SourcePos pos) {
        if (st.layout == null) {
            throw new CslError(pos, "call @set_rectangle(width, height) before placing code or routes");
        }
    }

    private static int coord(Value v, int size, String what, SourcePos pos) {
        return ValueOps.intIn(v, 0, size - 1L, what, pos);
    }

    private static void arity(Expr.Builtin b, int n) {
        if (b.args().size() != n) {
            throw new CslError(b.pos(), b.name() + " takes " + n + " arguments, not " + b.args().size());
        }
    }
}
