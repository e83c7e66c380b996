package org.waferscope.engine.csl.compile;

import java.util.ArrayList;
import java.util.List;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.eval.Binding;
import org.waferscope.engine.csl.eval.BuiltinHook;
import org.waferscope.engine.csl.eval.Evaluator;
import org.waferscope.engine.csl.eval.Scope;
import org.waferscope.engine.csl.syntax.Decl;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.csl.value.ValueOps;
import org.waferscope.engine.ir.Dsd;
import org.waferscope.engine.ir.SourcePos;
import org.waferscope.engine.ir.TaskKind;

/**
 * The builtins of a PE program that act at compile time: {@code @get_dsd} and DSD
 * arithmetic on compile-time DSDs anywhere, and, inside {@code comptime} blocks, task
 * bindings, queue initialisation and exports.
 */
final class ComptimeBinder implements BuiltinHook {
    /** An {@code @export_symbol} waiting for the functions to exist. */
    record ExportRequest(Expr what, String name, Scope scope, SourcePos pos) {
    }

    private final Unit u;
    private final DsdFactory dsds;
    final List<ExportRequest> exportRequests = new ArrayList<>();
    boolean inComptimeBlock;

    private final PeGlobals globals;

    ComptimeBinder(Unit u, DsdFactory dsds, PeGlobals globals) {
        this.u = u;
        this.dsds = dsds;
        this.globals = globals;
    }

    @Override
    public Value call(Expr.Builtin b, Scope s, Evaluator ev) {
        List<Expr> a = b.args();
        switch (b.name()) {
            case "@get_rectangle" -> {
                return ProgramRectangle.of(b, u.rectangle);
            }
            case "@ptrcast" -> {
                return PointerCast.comptime(b, s, ev);
            }
            case "@get_dsd" -> {
                return dsds.getDsd(b, s);
            }
            case "@increment_dsd_offset", "@set_dsd_base_addr", "@set_dsd_length", "@set_dsd_stride" -> {
                return foldDsd(b, s, ev);
            }
            case "@allocate_fifo" -> {
                return fifo(b, s);
            }
            case "@bind_data_task", "@bind_local_task", "@bind_control_task" -> {
                comptimeOnly(b);
                if (a.size() != 2) {
                    throw new CslError(b.pos(), b.name() + " takes a task and a task id");
                }
                Value t = ev.eval(a.get(0), s);
                Value id = ev.eval(a.get(1), s);
                if (!(t instanceof Value.FnVal fn) || !fn.isTask()) {
                    throw new CslError(a.get(0).pos(), b.name() + " binds a task declared with 'task', not " + ValueOps.describe(t));
                }
                TaskKind want = b.name().equals("@bind_data_task") ? TaskKind.DATA
                        : b.name().equals("@bind_local_task") ? TaskKind.LOCAL : TaskKind.CONTROL;
                if (!(id instanceof Value.TaskIdVal tid) || tid.kind() != want) {
                    throw new CslError(a.get(1).pos(), b.name() + " needs a " + want.name().toLowerCase(java.util.Locale.ROOT)
                            + " task id, not " + ValueOps.describe(id));
                }
                for (Unit.TaskBinding tb : u.tasks) {
                    if (tb.task() == fn.decl()) {
                        throw new CslError(b.pos(), "task " + fn.name() + " is already bound at line " + tb.pos().line());
                    }
                }
                u.tasks.add(new Unit.TaskBinding(fn.decl(), tid, b.pos()));
                return new Value.VoidVal();
            }
            case "@set_teardown_handler" -> {
                comptimeOnly(b);
                Value fn = a.size() == 2 ? ev.eval(a.get(0), s) : null;
                Value c = a.size() == 2 ? ev.eval(a.get(1), s) : null;
                if (!(fn instanceof Value.FnVal f) || f.isTask() || !f.decl().params().isEmpty()
                        || !(c instanceof Value.ColorVal color)) {
                    throw new CslError(b.pos(), "@set_teardown_handler takes a function with no parameters and a color");
                }
                if (color.id() >= u.profile.colors()) {
                    throw new CslError(a.get(1).pos(), "color " + color.id() + " is not routable");
                }
                if (!u.teardownHandlers.isEmpty()) {
                    throw new CslError(b.pos(), "Waferscope runs one teardown handler per program; this program already "
                            + "has one at line " + u.teardownHandlers.get(0).pos().line());
                }
                u.teardownHandlers.add(new Unit.TeardownHandler(f.decl(), color.id(), b.pos()));
                return new Value.VoidVal();
            }
            case "@set_local_color_config" -> {
                // The route of this PE's own router, set for every PE that runs this program.
                comptimeOnly(b);
                if (a.size() != 2 || !(ev.eval(a.get(0), s) instanceof Value.ColorVal c)) {
                    throw new CslError(b.pos(), "@set_local_color_config takes a color and a route config");
                }
                if (c.id() >= org.waferscope.engine.csl.eval.Modules.FIRST_HOST_COLOR || c.id() >= u.profile.colors()) {
                    throw new CslError(a.get(0).pos(), "color " + c.id() + " is not routable");
                }
                u.localRoutes.add(new CompiledPe.LocalRoute(c.id(), ev.eval(a.get(1), s), b.pos()));
                return new Value.VoidVal();
            }
            case "@initialize_queue" -> {
                comptimeOnly(b);
                if (a.size() != 2 || !(ev.eval(a.get(0), s) instanceof Value.QueueVal q)
                        || !(ev.eval(a.get(1), s) instanceof Value.StructVal cfg) || !cfg.fields().containsKey("color")
                        || cfg.fields().size() != 1) {
                    throw new CslError(b.pos(), "@initialize_queue takes a queue and .{ .color = c }");
                }
                int color = DsdFactory.color(cfg.fields().get("color"), b.pos());
                if (q.input()) {
                    u.bindInputQueue(q.id(), color, b.pos());
                } else {
                    u.bindOutputQueue(q.id(), color, b.pos());
                }
                return new Value.VoidVal();
            }
            case "@export_symbol" -> {
                comptimeOnly(b);
                if (a.isEmpty() || a.size() > 2) {
                    throw new CslError(b.pos(), "@export_symbol takes a symbol and an optional name");
                }
                String name = null;
                if (a.size() == 2) {
                    if (!(ev.eval(a.get(1), s) instanceof Value.StringVal str)) {
                        throw new CslError(a.get(1).pos(), "the exported name must be a string");
                    }
                    name = str.v();
                }
                exportRequests.add(new ExportRequest(a.get(0), name, s, b.pos()));
                return new Value.VoidVal();
            }
            case "@block" -> {
                if (!inComptimeBlock) {
                    throw new CslError(b.pos(), "@block runs on the PE; call it from a function or task");
                }
                if (a.size() != 1 || !(ev.eval(a.get(0), s) instanceof Value.TaskIdVal id)) {
                    throw new CslError(b.pos(), "@block takes a task id");
                }
                u.program.blockAtStart(id.id());
                return new Value.VoidVal();
            }
            case "@activate", "@unblock" -> {
                if (!inComptimeBlock) {
                    throw new CslError(b.pos(), b.name() + " runs on the PE; call it from a function or task");
                }
                // In a comptime block: the task is ready at start (@activate), or no longer
                // blocked at start (@unblock). Unblocking a color or queue at start changes
                // nothing here: Waferscope's input queues are never blocked at load.
                Value v = a.size() == 1 ? ev.eval(a.get(0), s) : null;
                if (v instanceof Value.TaskIdVal id) {
                    if (b.name().equals("@activate")) {
                        u.program.activateAtStart(id.id());
                    } else {
                        u.program.unblockAtStart(id.id());
                    }
                } else if (!(b.name().equals("@unblock") && (v instanceof Value.ColorVal || v instanceof Value.QueueVal))) {
                    throw new CslError(b.pos(), b.name() + " takes a task id" + (b.name().equals("@unblock")
                            ? ", a color or an input queue" : ""));
                }
                return new Value.VoidVal();
            }
            default -> {
                if (org.waferscope.engine.ir.DsdOpKind.byBuiltin(b.name()) != null) {
                    throw new CslError(b.pos(), b.name() + " runs on the PE; call it from a function or task");
                }
                return null;
            }
        }
    }

    private final java.util.Map<String, Value.DsdVal> fifos = new java.util.HashMap<>();

    /**
     * {@code @allocate_fifo(buffer)}: the global array becomes a FIFO's ring buffer; its
     * head and count live in an 8-byte header beside it (see {@link org.waferscope.engine.ir.Dsd#FIFO}).
     */
    private Value fifo(Expr.Builtin b, Scope s) {
        if (b.args().size() != 1 || !(b.args().get(0) instanceof Expr.Name n)) {
            throw new CslError(b.pos(), "@allocate_fifo takes a global array, as in @allocate_fifo(fifo_buffer)");
        }
        Value.DsdVal known = fifos.get(n.name());
        if (known != null) {
            return known;
        }
        org.waferscope.engine.csl.eval.Binding bound = s.lookup(n.name());
        if (bound == null) {
            bound = globals.resolve(n.name(), n.pos());
        }
        if (!(bound instanceof Storage.Global g) || !(g.type() instanceof CslType.Array at) || at.dims().size() != 1) {
            throw new CslError(n.pos(), "'" + n.name() + "' is not a one-dimensional global array to hold a FIFO");
        }
        org.waferscope.engine.ir.Symbol header = u.program.global(n.name() + "$fifo",
                org.waferscope.engine.arch.ElementType.U32, new int[] {2}, b.pos());
        Value.DsdVal d = new Value.DsdVal(CslType.FIFO, Dsd.fifo(g.symbol().address(), at.length(), header.address()),
                at.elem().elementType().bytes);
        fifos.put(n.name(), d);
        return d;
    }

    private void comptimeOnly(Expr.Builtin b) {
        if (!inComptimeBlock) {
            throw new CslError(b.pos(), b.name() + " belongs in a top-level comptime { } block");
        }
    }

    /** DSD arithmetic on a compile-time DSD with compile-time arguments. */
    static Value foldDsd(Expr.Builtin b, Scope s, Evaluator ev) {
        List<Expr> a = b.args();
        int want = b.name().equals("@increment_dsd_offset") ? 3 : 2;
        if (a.size() != want) {
            throw new CslError(b.pos(), b.name() + " takes " + want + " arguments");
        }
        Value d = ev.eval(a.get(0), s);
        if (!(d instanceof Value.DsdVal dsd)) {
            throw new CslError(a.get(0).pos(), b.name() + " needs a DSD, not " + ValueOps.describe(d));
        }
        if (dsd.type() == CslType.FIFO) {
            throw new CslError(b.pos(), b.name() + " does not apply to a FIFO");
        }
        int[] w = dsd.words().clone();
        switch (b.name()) {
            case "@increment_dsd_offset" -> {
                requireMemory(dsd, b);
                CslType t = ev.type(a.get(2), s);
                if (t.elementType() == null) {
                    throw new CslError(a.get(2).pos(), "the element type must be a machine scalar type");
                }
                w[1] += ValueOps.intIn(ev.eval(a.get(1), s), -Dsd.MAX_LENGTH * 4L, Dsd.MAX_LENGTH * 4L, "the offset",
                        b.pos()) * t.elementType().bytes;
            }
            case "@set_dsd_base_addr" -> {
                requireMemory(dsd, b);
                Expr second = a.get(1);
                if (ev instanceof PeInterpreter pe && pe.namesGlobalArray(second, s)) {
                    // an array itself as the base, as the SDK allows: its address
                    second = new Expr.Unary(second.pos(), org.waferscope.engine.csl.syntax.TokenKind.AMP, second);
                }
                if (!(ev.eval(second, s) instanceof Value.PointerVal p)) {
                    throw new CslError(a.get(1).pos(), "the base address must be a pointer such as &A");
                }
                Value.DsdVal moved = rebased(dsd, p.type(), b.pos());
                w = moved.words().clone();
                w[1] = p.address();
                return new Value.DsdVal(dsd.type(), w, moved.elementBytes());
            }
            case "@set_dsd_stride" -> {
                // the stride counts elements of the DSD's own element type, as the SDK's does
                requireMemory(dsd, b);
                w[3] = ValueOps.intIn(ev.eval(a.get(1), s), -Dsd.MAX_LENGTH, Dsd.MAX_LENGTH, "the stride", b.pos())
                        * Math.max(1, dsd.elementBytes());
            }
            default -> {
                if (dsd.type() == CslType.MEM4D_DSD) {
                    throw new CslError(b.pos(), "@set_dsd_length applies to one-dimensional DSDs, not a mem4d_dsd");
                }
                w[2] = ValueOps.intIn(ev.eval(a.get(1), s), 1, Dsd.MAX_LENGTH, "the length", b.pos());
            }
        }
        return new Value.DsdVal(dsd.type(), w, dsd.elementBytes());
    }

    /**
     * {@code d} about to walk the elements {@code pointer} points to: its stride, kept in bytes,
     * counts the same number of elements of the new size, as the SDK's strides count elements
     * (its libraries rebase a DSD made over an i16 "dummy" onto f32 arrays).
     */
    static Value.DsdVal rebased(Value.DsdVal d, CslType pointer, org.waferscope.engine.ir.SourcePos pos) {
        CslType elem = pointer instanceof CslType.Pointer pt ? pt.elem() : null;
        if (elem instanceof CslType.Array at) {
            elem = at.elem();
        }
        if (elem == null || elem.elementType() == null || d.elementBytes() <= 0
                || elem.elementType().bytes == d.elementBytes()) {
            return d;
        }
        if (d.type() == CslType.MEM4D_DSD) {
            throw new CslError(pos, "a mem4d_dsd cannot be rebased onto elements of another size");
        }
        int[] w = d.words().clone();
        w[3] = w[3] / d.elementBytes() * elem.elementType().bytes;
        return new Value.DsdVal(d.type(), w, elem.elementType().bytes);
    }

    private static void requireMemory(Value.DsdVal d, Expr.Builtin b) {
        boolean moves = b.name().equals("@increment_dsd_offset") || b.name().equals("@set_dsd_base_addr");
        if (d.type() != CslType.MEM1D_DSD && !(d.type() == CslType.MEM4D_DSD && moves)) {
            throw new CslError(b.pos(), b.name() + " applies to mem1d_dsd, not " + d.type());
        }
    }

    /** Resolves what an {@code @export_symbol} names: a global (through a pointer var) or a function. */
    static Object exportTarget(ExportRequest r, Unit u, PeGlobals globals) {
        Expr e = r.what();
        if (e instanceof Expr.Name n) {
            Binding b = r.scope().lookup(n.name());
            if (b == null) {
                b = globals.resolve(n.name(), n.pos());
            }
            if (b instanceof Storage.Global g) {
                return g;
            }
            if (b instanceof Binding.Const c && c.value() instanceof Value.FnVal fn) {
                return fn.decl();
            }
        }
        Value v = u.ev.eval(e, r.scope());
        if (v instanceof Value.PointerVal p) {
            return globals.resolve(p.symbol(), r.pos());
        }
        if (v instanceof Value.FnVal fn) {
            return (Decl.Fn) fn.decl();
        }
        throw new CslError(e.pos(), "@export_symbol exports a global var, a pointer to one, or a function");
    }
}
