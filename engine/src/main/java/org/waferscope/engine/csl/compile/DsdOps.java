package org.waferscope.engine.csl.compile;

import java.util.List;
import java.util.Map;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.eval.Scope;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.csl.value.ValueOps;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.ir.Dsd;
import org.waferscope.engine.ir.DsdOpKind;
import org.waferscope.engine.ir.Opcode;
import org.waferscope.engine.ir.DsdOperand;
import org.waferscope.engine.ir.FunctionBuilder;

/** DSD operations ({@code @fmacs} and friends) and run-time DSD arithmetic. */
final class DsdOps {
    private final ExprCompiler x;
    private final FunctionBuilder f;

    DsdOps(ExprCompiler x) {
        this.x = x;
        this.f = x.f;
    }

    void emit(DsdOpKind kind, Expr.Builtin b, Scope s) {
        List<Expr> a = b.args();
        int n = 1 + kind.sources;
        int options = DsdOperand.options(false, DsdOperand.NO_TASK, DsdOperand.NO_TASK);
        int index = -1;
        if (a.size() == n + 1) {
            Expr config = a.get(n);
            // .index = i (a wavelet's index, known only at run time) shifts DSDs made with .wavelet_index_offset.
            if (config instanceof Expr.StructLit sl && sl.names().contains("index")) {
                int k = sl.names().indexOf("index");
                Expr i = sl.values().get(k);
                index = x.slot(x.gen(i, s), CslType.U16, i.pos());
                java.util.List<String> names = new java.util.ArrayList<>(sl.names());
                java.util.List<Expr> values = new java.util.ArrayList<>(sl.values());
                names.remove(k);
                values.remove(k);
                config = new Expr.StructLit(sl.pos(), names, values);
            }
            options = options(x.u, x.u.ev.eval(config, s), b);
        } else if (a.size() != n) {
            throw new CslError(b.pos(), b.name() + " takes a destination and " + kind.sources + " source"
                    + (kind.sources == 1 ? "" : "s") + ", then optionally .{ .async = ..., .activate = ..., .unblock = ... }");
        }
        int[] operands = {DsdOperand.NONE, DsdOperand.NONE, DsdOperand.NONE, DsdOperand.NONE};
        java.util.List<Operand> registers = new java.util.ArrayList<>();
        DsrCalls dsrs = new DsrCalls(x);
        for (int i = 0; i < n; i++) {
            Operand o = x.gen(a.get(i), s);
            CslType t = o.type();
            if (i == 0 && ScalarMax.applies(b, o)) {
                ScalarMax.emit(x, b, s, o);
                return;
            }
            if (DsrCalls.isDsr(o)) {
                // a data structure register: the DSD it holds now
                operands[i] = DsdOperand.dsd(dsrs.read(o, a.get(i).pos()));
                registers.add(o);
            } else if (t.isDsd()) {
                if (i == 0 && t == CslType.FABIN_DSD) {
                    throw new CslError(a.get(i).pos(), "the destination of " + b.name() + " cannot be a fabin_dsd");
                }
                if (i > 0 && t == CslType.FABOUT_DSD) {
                    throw new CslError(a.get(i).pos(), "a source of " + b.name() + " cannot be a fabout_dsd");
                }
                int slot = x.slot(o, t, a.get(i).pos());
                operands[i] = DsdOperand.dsd(index >= 0 && t == CslType.MEM1D_DSD ? shifted(o, slot, index, kind) : slot);
            } else if (i == 0) {
                throw new CslError(a.get(i).pos(), "the destination of " + b.name() + " must be a DSD, not "
                        + CallCompiler.describe(o));
            } else {
                operands[i] = DsdOperand.scalar(x.slot(o, CallCompiler.scalarType(kind, o), a.get(i).pos()));
            }
        }
        f.at(b.pos());
        f.dsdOp(kind, options, operands[0], operands[1], operands[2], operands[3]);
        for (Operand r : registers) {
            dsrs.advance(r, b.pos());
        }
    }

    /**
     * The DSD in {@code slot} moved on by {@code index} elements if it was made with
     * {@code .wavelet_index_offset = true}: decided now for a DSD known at compile time, by its
     * flag word at run time otherwise.
     */
    private int shifted(Operand o, int slot, int index, DsdOpKind kind) {
        if (o instanceof Operand.Const c && c.value() instanceof Value.DsdVal d) {
            if ((d.words()[0] & Dsd.FLAG_INDEX_OFFSET) == 0) {
                return slot;
            }
            int dst = f.temps(4);
            f.dsdAddOffset(dst, slot, index, d.elementBytes());
            return dst;
        }
        int dst = f.temps(4);
        f.movn(dst, slot, 4);
        int flag = f.temp();
        f.constI32(flag, Dsd.FLAG_INDEX_OFFSET);
        f.op(Opcode.AND, ElementType.U32, flag, flag, dst);
        FunctionBuilder.Label plain = f.label();
        f.jumpIfZero(flag, plain);
        f.dsdAddOffset(dst, dst, index, kind.type.bytes);
        f.bind(plain);
        return dst;
    }

    private static int options(Unit u, Value v, Expr.Builtin b) {
        if (!(v instanceof Value.StructVal st)) {
            throw new CslError(b.pos(), "the last argument of " + b.name() + " must be .{ .async = ..., .activate = ..., .unblock = ... }");
        }
        boolean async = false;
        int activate = DsdOperand.NO_TASK;
        int unblock = DsdOperand.NO_TASK;
        boolean microthread = false;
        for (Map.Entry<String, Value> e : st.fields().entrySet()) {
            switch (e.getKey()) {
                case "async" -> async = ValueOps.bool(e.getValue(), ".async", b.pos());
                case "ut_id" -> {
                    // Waferscope gives every asynchronous operation a microthread of its own, so the
                    // one named here only has to be a microthread.
                    if (!(e.getValue() instanceof Value.IntVal ut) || ut.type() != CslType.UT_ID) {
                        throw new CslError(b.pos(), ".ut_id must be a microthread from @get_ut_id(n), not "
                                + ValueOps.describe(e.getValue()));
                    }
                    microthread = true;
                }
                case "priority" -> {
                    // the microthread's priority (.{ .high = true }, .medium, .low): Waferscope
                    // runs every asynchronous operation on a microthread of its own, so it
                    // changes nothing, but it must be one of the three
                    if (!(e.getValue() instanceof Value.StructVal p) || p.fields().size() != 1
                            || !java.util.Set.of("high", "medium", "low").containsAll(p.fields().keySet())
                            || !ValueOps.bool(p.fields().values().iterator().next(), ".priority", b.pos())) {
                        throw new CslError(b.pos(), ".priority must be .{ .high = true }, .{ .medium = true } or .{ .low = true }");
                    }
                }
                case "activate", "unblock" -> {
                    if (!(boundId(u, e.getValue()) instanceof Value.TaskIdVal id)) {
                        throw new CslError(b.pos(), "." + e.getKey() + " must be a task id");
                    }
                    if (e.getKey().equals("activate")) {
                        activate = id.id();
                    } else {
                        unblock = id.id();
                    }
                }
                default -> throw new CslError(b.pos(), "a DSD operation has no option ." + e.getKey()
                        + " in Waferscope's CSL subset; expected .async, .activate, .unblock, .priority, .ut_id or .index");
            }
        }
        if (!async && microthread) {
            throw new CslError(b.pos(), ".ut_id names the microthread of an .async = true operation");
        }
        if (!async && (activate != DsdOperand.NO_TASK || unblock != DsdOperand.NO_TASK)) {
            throw new CslError(b.pos(), ".activate and .unblock take effect when an .async = true operation finishes");
        }
        return DsdOperand.options(async, activate, unblock);
    }

    /** A task named instead of its id ({@code .activate = done}): the id its comptime block bound it to. */
    static Value boundId(Unit u, Value v) {
        if (v instanceof Value.FnVal fn && fn.isTask()) {
            for (Unit.TaskBinding t : u.tasks) {
                if (t.task().name().equals(fn.name())) {
                    return t.id();
                }
            }
        }
        return v;
    }

    /** {@code @increment_dsd_offset}, {@code @set_dsd_base_addr}, {@code @set_dsd_length} at run time. */
    Operand mutate(Expr.Builtin b, Scope s) {
        List<Expr> a = b.args();
        int want = b.name().equals("@increment_dsd_offset") ? 3 : 2;
        if (a.size() != want) {
            throw new CslError(b.pos(), b.name() + " takes " + want + " arguments");
        }
        Operand d = x.gen(a.get(0), s);
        Expr second = a.get(1);
        if (b.name().equals("@set_dsd_base_addr") && second instanceof Expr.Name n
                && x.lookup(n.name(), s, n.pos()) instanceof Storage.Global g && g.type() instanceof CslType.Array) {
            // The SDK takes an array itself as the new base as well as &array (allreduce's ctrl_11).
            second = new Expr.Unary(n.pos(), org.waferscope.engine.csl.syntax.TokenKind.AMP, n);
        }
        Operand v = x.gen(second, s);
        if (d instanceof Operand.Const && v instanceof Operand.Const) {
            return new Operand.Const(x.u.ev.eval(b, s));
        }
        if (!d.type().isDsd()) {
            throw new CslError(a.get(0).pos(), b.name() + " needs a DSD, not " + CallCompiler.describe(d));
        }
        boolean moves = b.name().equals("@increment_dsd_offset") || b.name().equals("@set_dsd_base_addr");
        if (d.type() == CslType.MEM4D_DSD && moves) {
            // a mem4d_dsd moves like a mem1d_dsd: only its base changes, its shape stays
        } else if (d.type() == CslType.FIFO || d.type() == CslType.MEM4D_DSD
                || (d.type() != CslType.MEM1D_DSD && !b.name().equals("@set_dsd_length"))) {
            throw new CslError(b.pos(), b.name() + " applies to mem1d_dsd, not " + d.type());
        }
        if (b.name().equals("@set_dsd_base_addr") && d instanceof Operand.Const k && k.value() instanceof Value.DsdVal dv) {
            d = new Operand.Const(ComptimeBinder.rebased(dv, v.type(), b.pos()));
        }
        int src = x.slot(d, d.type(), a.get(0).pos());
        int dst = f.temps(4);
        f.at(b.pos());
        switch (b.name()) {
            case "@increment_dsd_offset" -> {
                CslType t = x.u.ev.type(a.get(2), s);
                if (t.elementType() == null) {
                    throw new CslError(a.get(2).pos(), "the element type must be a machine scalar type");
                }
                f.dsdAddOffset(dst, src, x.slot(v, v instanceof Operand.Const ? CslType.I32 : null, a.get(1).pos()),
                        t.elementType().bytes);
            }
            case "@set_dsd_base_addr" -> {
                if (!(v.type() instanceof CslType.Pointer)) {
                    throw new CslError(a.get(1).pos(), "the base address must be a pointer such as &A");
                }
                CslType elem = ((CslType.Pointer) v.type()).elem();
                if (elem instanceof CslType.Array at) {
                    elem = at.elem();
                }
                int bytes = elem.elementType() == null ? 0 : elem.elementType().bytes;
                f.dsdSetBase(dst, src, x.slot(v, null, a.get(1).pos()), bytes);
            }
            case "@set_dsd_stride" -> {
                if (!v.type().isInt()) {
                    throw new CslError(a.get(1).pos(), "the stride must be an integer");
                }
                // stride bytes = elements * element size; the size is the code in word 0's bits
                // 30..31 (Dsd.elementBytes: 1, 2 or 4 bytes for codes 1..3, 0 when not known,
                // taken as 2), looked up as the nibble `code` of 0x4212
                int elements = x.slot(v, v instanceof Operand.Const ? CslType.I32 : null, a.get(1).pos());
                int bytes = f.temp();
                int k = f.temp();
                f.movn(dst, src, 4);
                f.constI32(k, 30);
                f.op(Opcode.SHR, ElementType.U32, bytes, dst, k);
                f.constI32(k, 2);
                f.op(Opcode.SHL, ElementType.U32, bytes, bytes, k);
                f.constI32(k, 0x4212);
                f.op(Opcode.SHR, ElementType.U32, bytes, k, bytes);
                f.constI32(k, 0xF);
                f.op(Opcode.AND, ElementType.U32, bytes, bytes, k);
                f.op(Opcode.MUL, ElementType.I32, dst + 3, bytes, elements);
            }
            default -> {
                if (!v.type().isInt()) {
                    throw new CslError(a.get(1).pos(), "the length must be an integer");
                }
                f.dsdSetLength(dst, src, x.slot(v, v instanceof Operand.Const ? CslType.U16 : null, a.get(1).pos()));
            }
        }
        return new Operand.Reg(dst, d.type());
    }
}
