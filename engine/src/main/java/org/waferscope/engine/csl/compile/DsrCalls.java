package org.waferscope.engine.csl.compile;

import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.eval.Scope;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.ir.Dsd;
import org.waferscope.engine.ir.FunctionBuilder;
import org.waferscope.engine.ir.Opcode;
import org.waferscope.engine.ir.SourcePos;
import org.waferscope.engine.ir.Symbol;

/**
 * Data structure registers: {@code @get_dsr(dsr_dest, n)} names one, {@code @load_to_dsr}
 * puts a DSD in it, and a DSD operation may take it in place of a DSD. Each register is four
 * words of the PE's SRAM (so snapshots and the state hash see it). Loaded with
 * {@code .save_address = true}, a memory DSD moves on past the elements each operation
 * used, so successive operations walk on through memory, as the hardware's registers do.
 */
final class DsrCalls {
    private final ExprCompiler x;
    private final FunctionBuilder f;

    DsrCalls(ExprCompiler x) {
        this.x = x;
        this.f = x.f;
    }

    static boolean isDsr(Operand o) {
        return o instanceof Operand.Const c && c.value() instanceof Value.IntVal v && isDsrType(v.type());
    }

    private static boolean isDsrType(CslType t) {
        return t == CslType.DSR_DEST || t == CslType.DSR_SRC0 || t == CslType.DSR_SRC1;
    }

    /**
     * {@code @load_to_dsr(dsr, dsd[, options])}: options {@code .save_address = b} (memory DSDs),
     * or {@code .async = true} with {@code .activate = task} and/or {@code .unblock = task}
     * (fabric DSDs): the register then carries what an asynchronous operation using it does
     * when it finishes.
     */
    Operand load(Expr.Builtin b, Scope s) {
        if (b.args().size() < 2 || b.args().size() > 3) {
            throw new CslError(b.pos(), "@load_to_dsr takes a DSR, a DSD and optionally .{ .save_address = true } "
                    + "or .{ .async = true, .activate = task }");
        }
        Operand reg = x.gen(b.args().get(0), s);
        if (!isDsr(reg)) {
            throw new CslError(b.args().get(0).pos(), "@load_to_dsr loads a DSR from @get_dsr, not " + CallCompiler.describe(reg));
        }
        Operand dsd = x.gen(b.args().get(1), s);
        if (!dsd.type().isDsd() || dsd.type() == CslType.FIFO) {
            throw new CslError(b.args().get(1).pos(), "@load_to_dsr loads a DSD, not " + CallCompiler.describe(dsd));
        }
        int extra = 0;
        if (b.args().size() == 3) {
            if (!(x.u.ev.eval(b.args().get(2), s) instanceof Value.StructVal st)) {
                throw new CslError(b.args().get(2).pos(), "@load_to_dsr's options are .{ .save_address = true } "
                        + "or .{ .async = true, .activate = task }");
            }
            extra = LoadOptions.word0Flags(x.u, st, dsd.type(), b.args().get(2).pos());
        }
        int src = x.slot(dsd, dsd.type(), b.args().get(1).pos());
        int address = address((Value.IntVal) ((Operand.Const) reg).value(), b.pos());
        int w0 = f.temp();
        f.mov(w0, src);
        if (extra != 0) {
            int flag = f.temp();
            f.constI32(flag, extra);
            f.op(Opcode.OR, ElementType.U32, w0, w0, flag);
        }
        f.storeGlobal(ElementType.U32, address, w0);
        for (int k = 1; k < 4; k++) {
            f.storeGlobal(ElementType.U32, address + 4 * k, src + k);
        }
        return new Operand.Const(new Value.VoidVal());
    }

    /** Slots holding the DSD a register holds now, for an operation to use. */
    int read(Operand reg, SourcePos pos) {
        int address = address((Value.IntVal) ((Operand.Const) reg).value(), pos);
        int dst = f.temps(4);
        for (int k = 0; k < 4; k++) {
            f.loadGlobal(ElementType.U32, dst + k, address + 4 * k);
        }
        return dst;
    }

    /** After an operation: a register loaded with .save_address moves on by the elements it covered. */
    void advance(Operand reg, SourcePos pos) {
        int address = address((Value.IntVal) ((Operand.Const) reg).value(), pos);
        int w0 = f.temp();
        f.loadGlobal(ElementType.U32, w0, address);
        int flag = f.temp();
        f.constI32(flag, Dsd.FLAG_SAVE_ADDRESS);
        f.op(Opcode.AND, ElementType.U32, flag, flag, w0);
        FunctionBuilder.Label done = f.label();
        f.jumpIfZero(flag, done);
        int base = f.temp();
        int length = f.temp();
        int stride = f.temp();
        f.loadGlobal(ElementType.U32, base, address + 4);
        f.loadGlobal(ElementType.U32, length, address + 8);
        f.loadGlobal(ElementType.U32, stride, address + 12);
        f.op(Opcode.MUL, ElementType.I32, length, length, stride);
        f.op(Opcode.ADD, ElementType.I32, base, base, length);
        f.storeGlobal(ElementType.U32, address + 4, base);
        f.bind(done);
    }

    /** The byte address of a register's four words, allocated on the program's first use. */
    private int address(Value.IntVal reg, SourcePos pos) {
        String name = "<" + reg.type() + ":" + reg.v() + ">";
        if (x.u.resolved.get(name) instanceof Storage.Global g) {
            return g.symbol().address();
        }
        Symbol sym = x.u.allocate(name, CslType.MEM1D_DSD, pos);
        x.u.resolved.put(name, new Storage.Global(name, CslType.MEM1D_DSD, sym, new String[1]));
        return sym.address();
    }
}
