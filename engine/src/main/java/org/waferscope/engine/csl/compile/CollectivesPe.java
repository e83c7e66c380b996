package org.waferscope.engine.csl.compile;

import java.util.List;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.eval.Collectives2d;
import org.waferscope.engine.csl.eval.Scope;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.ir.Dsd;
import org.waferscope.engine.ir.FunctionBuilder;
import org.waferscope.engine.ir.SourcePos;
import org.waferscope.engine.ir.Symbol;

/**
 * One {@code <collectives_2d/pe>} import in a PE program: its SRAM (pe_id, the plan of the
 * collective in progress, the table of its two colors), its step runner and its library
 * task, made on first use; and the compiling of its calls ({@code init}, {@code broadcast},
 * {@code scatter}, {@code gather}, {@code reduce_fadds}) and of {@code pe_id}.
 */
final class CollectivesPe {
    private final Unit u;
    private final int axis;
    private final int size;
    private final Symbol peId;
    private final Symbol state;
    private final FunctionBuilder runner;

    private CollectivesPe(Unit u, Value.ModuleVal m, SourcePos pos) {
        this.u = u;
        Value.ModuleVal dim = (Value.ModuleVal) m.params().get("dim");
        axis = ((Value.IntVal) dim.params().get("axis")).v() == 0 ? 0 : 1;
        size = (int) ((Value.IntVal) dim.params().get("size")).v();
        List<Value> colors = ((Value.TupleVal) dim.params().get("colors")).items();
        List<Value> entries = ((Value.TupleVal) dim.params().get("entrypoints")).items();
        List<Value> queues = ((Value.TupleVal) m.params().get("queues")).items();
        String name = "collectives_" + (axis == 0 ? "x" : "y");
        peId = u.program.global(name + ".pe_id", ElementType.U16, new int[0], pos);
        state = u.program.global(name + ".plan", ElementType.U32, new int[] {CollectiveSteps.STATE_WORDS}, pos);
        Symbol table = u.program.global(name + ".colors", ElementType.U32, new int[] {2 * CollectiveSteps.TABLE_WORDS},
                pos);
        for (int k = 0; k < 2; k++) {
            int color = ((Value.ColorVal) colors.get(k)).id();
            int q = (int) ((Value.IntVal) queues.get(k)).v();
            if (q >= Math.min(u.profile.inputQueues(), u.profile.outputQueues())) {
                throw new CslError(pos, "<collectives_2d/pe> .queues: queue " + q + " is not both an input and an "
                        + "output queue on " + u.profile.name() + " (0.." + (Math.min(u.profile.inputQueues(),
                        u.profile.outputQueues()) - 1) + " are)");
            }
            u.bindInputQueue(q, color, pos);
            u.bindOutputQueue(q, color, pos);
            int[] words = {Dsd.fabin(color, q, 0)[0], Dsd.fabout(color, q, 0, 0)[0], color, q};
            for (int i = 0; i < words.length; i++) {
                u.program.initialize(table, k * CollectiveSteps.TABLE_WORDS + i, words[i]);
            }
        }
        int entry = ((Value.TaskIdVal) entries.get(0)).id();
        if (u.profile.reservedTaskIds().contains(entry)) {
            throw new CslError(pos, "the collectives entry point " + entry + " is a reserved task id");
        }
        for (Unit.TaskBinding b : u.tasks) {
            if (b.id().id() == entry) {
                throw new CslError(b.pos(), "task id " + entry + " is the collectives library's entry point (the "
                        + "first of get_params' ." + name.substring(name.length() - 1) + "_entrypoints); bind "
                        + b.task().name() + " to another id");
            }
        }
        runner = u.program.function(name + ".step", 0, pos);
        CollectiveSteps.emitRunner(runner, state.address(), table.address(), peId.address(), entry);
        FunctionBuilder task = u.program.function(name + ".continue", 0, pos);
        CollectiveSteps.emitEntry(task, runner, state.address());
        u.program.localTask(entry, task);
    }

    /**
     * The instance of import {@code m} in this program, made on first use; null if making it
     * failed before (that error is reported once, and later uses compile to nothing).
     */
    private static CollectivesPe of(Unit u, Value.ModuleVal m, SourcePos pos) {
        if (u.collectives.containsKey(m)) {
            return u.collectives.get(m);
        }
        try {
            CollectivesPe c = new CollectivesPe(u, m, pos);
            u.collectives.put(m, c);
            return c;
        } catch (CslError e) {
            u.collectives.put(m, null);
            throw e;
        }
    }

    /** Compiles a call of {@code m}'s function {@code fn}. */
    static Operand call(ExprCompiler x, Value.ModuleVal m, String fn, Expr.Call c, Scope s) {
        CollectivesPe lib = of(x.u, m, c.pos());
        return lib == null ? new Operand.Const(new Value.VoidVal()) : lib.call(x, fn, c, s);
    }

    /** Compiles {@code m.name}, such as {@code mpi_x.pe_id}. */
    static Operand field(ExprCompiler x, Value.ModuleVal m, Expr.Field fl) {
        CollectivesPe lib = of(x.u, m, fl.pos());
        return lib == null ? new Operand.Const(new Value.IntVal(0, CslType.U16)) : lib.field(x, fl);
    }

    /** {@code mpi.pe_id}: this PE's index along the dimension, as {@code init()} stored it. */
    private Operand field(ExprCompiler x, Expr.Field fl) {
        if (!fl.name().equals("pe_id")) {
            throw new CslError(fl.pos(), "<collectives_2d/pe> has no member " + fl.name() + "; it has pe_id, init, "
                    + "broadcast, scatter, gather and reduce_fadds");
        }
        int dst = x.f.temp();
        x.f.loadGlobal(ElementType.U16, dst, peId.address());
        return new Operand.Reg(dst, CslType.U16);
    }

    private Operand call(ExprCompiler x, String fn, Expr.Call c, Scope s) {
        FunctionBuilder f = x.f;
        List<Expr> a = c.args();
        f.at(c.pos());
        int pe = f.temp();
        f.coord(pe, axis == 1);
        f.storeGlobal(ElementType.U16, peId.address(), pe);
        if (fn.equals("init")) {
            arity(c, 0, "init()");
            return new Operand.Const(new Value.VoidVal());
        }
        boolean two = !fn.equals("broadcast");
        arity(c, two ? 5 : 4, fn + (two ? "(root, send_buf, recv_buf, count, callback)" : "(root, buf, count, callback)"));
        CollectivePlan plan = new CollectivePlan(f, state.address(), size, pe);
        int root = plan.root(x, a.get(0), s);
        int send = plan.pointer(x, a.get(1), s, fn.equals("reduce_fadds"));
        int recv = two ? plan.pointer(x, a.get(2), s, fn.equals("reduce_fadds")) : send;
        int count = plan.word(x, a.get(two ? 3 : 2), s, "the count");
        Expr cbExpr = a.get(two ? 4 : 3);
        if (!(x.gen(cbExpr, s) instanceof Operand.Const k) || !(k.value() instanceof Value.TaskIdVal cb)
                || cb.kind() != org.waferscope.engine.ir.TaskKind.LOCAL) {
            throw new CslError(cbExpr.pos(), "the callback of " + fn + " is a local task id (@get_local_task_id)");
        }
        switch (fn) {
            case "broadcast" -> plan.broadcast(root, send, count);
            case "scatter" -> plan.scatter(root, send, recv, count);
            case "gather" -> plan.gather(root, send, recv, count);
            default -> plan.reduce(root, send, recv, count);
        }
        plan.start(cb.id(), runner);
        return new Operand.Const(new Value.VoidVal());
    }

    private static void arity(Expr.Call c, int n, String shape) {
        if (c.args().size() != n) {
            throw new CslError(c.pos(), "collectives_2d " + shape + " takes " + n + " argument" + (n == 1 ? "" : "s"));
        }
    }

    static boolean isPe(Value v) {
        return v instanceof Value.ModuleVal m && m.name().equals(Collectives2d.PE);
    }
}
