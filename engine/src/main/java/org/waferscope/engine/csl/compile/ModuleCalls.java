package org.waferscope.engine.csl.compile;

import java.util.ArrayList;
import java.util.List;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.eval.Modules;
import org.waferscope.engine.csl.eval.Scope;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.ir.FunctionBuilder;
import org.waferscope.engine.ir.Opcode;
import org.waferscope.engine.ir.PrintFormat;

/** The library functions that run on the PE: printing, coordinates, the cycle counter, the command stream. */
final class ModuleCalls {
    private static final Operand VOID = new Operand.Const(new Value.VoidVal());

    private final ExprCompiler x;
    private final FunctionBuilder f;

    ModuleCalls(ExprCompiler x) {
        this.x = x;
        this.f = x.f;
    }

    Operand call(Value.ModuleVal m, String fn, Expr.Call c, Scope s) {
        if (!Modules.isRuntime(m, fn)) {
            return new Operand.Const(x.u.ev.eval(c, s));
        }
        if (m.name().equals(Modules.MATH)) {
            return new MathCalls(x).call(fn, c, s);
        }
        if (m.name().equals(Modules.RANDOM)) {
            return new RandomCalls(x).call(fn, c, s);
        }
        if (m.name().equals(Modules.DEBUG)) {
            return new DebugCalls(x).call(m, fn, c, s);
        }
        if (CollectivesPe.isPe(m)) {
            return CollectivesPe.call(x, m, fn, c, s);
        }
        if (TileConfigCalls.isTileConfig(m)) {
            new TileConfigCalls(x).call(m, fn, c, s);
            return VOID;
        }
        List<Expr> a = c.args();
        switch (m.name() + "." + fn) {
            case "memcpy/memcpy.unblock_cmd_stream" -> {
                arity(c, fn, 0);
                f.unblockCmdStream();
                return VOID;
            }
            case "layout.get_x_coord", "layout.get_y_coord" -> {
                arity(c, fn, 0);
                int dst = f.temp();
                f.coord(dst, fn.equals("get_y_coord"));
                return new Operand.Reg(dst, CslType.U16);
            }
            case "time.enable_tsc", "time.disable_tsc" -> {
                arity(c, fn, 0);
                return VOID;
            }
            case "time.get_timestamp" -> {
                arity(c, fn, 1);
                Operand p = x.gen(a.get(0), s);
                if (!(p.type() instanceof CslType.Pointer pt) || pt.elem() != CslType.U16) {
                    throw new CslError(a.get(0).pos(), "get_timestamp writes three u16 words; pass &buf with buf: [3]u16");
                }
                f.timestamp(x.slot(p, null, a.get(0).pos()));
                return VOID;
            }
            case "control.encode_single_payload" -> {
                return payload(c, s);
            }
            default -> {
                return print(fn, c, s);
            }
        }
    }

    private static void arity(Expr.Call c, String fn, int n) {
        if (c.args().size() != n) {
            throw new CslError(c.pos(), fn + " takes " + n + " argument" + (n == 1 ? "" : "s"));
        }
    }

    private Operand print(String fn, Expr.Call c, Scope s) {
        List<Expr> a = c.args();
        String template;
        List<Expr> args;
        if (fn.equals("print_string")) {
            arity(c, fn, 1);
            if (!(x.u.ev.eval(a.get(0), s) instanceof Value.StringVal str)) {
                throw new CslError(a.get(0).pos(), "print_string takes a string");
            }
            template = str.v();
            args = List.of();
        } else if (fn.startsWith("print_")) {
            arity(c, fn, 1);
            template = fn.startsWith("print_f") ? "{f}" : fn.endsWith("_hex") ? "{X}" : "{d}";
            args = a;
        } else {
            if (a.size() != 2 || !(x.u.ev.eval(a.get(0), s) instanceof Value.StringVal str)
                    || !(a.get(1) instanceof Expr.TupleLit || a.get(1) instanceof Expr.StructLit sl && sl.names().isEmpty())) {
                throw new CslError(c.pos(), fn + " takes a format string and a list of values, as in "
                        + fn + "(\"x = {d}\\n\", .{ x })");
            }
            template = fn.equals("fmt") ? str.v() + "\n" : str.v();
            args = a.get(1) instanceof Expr.TupleLit t ? t.items() : List.of();
        }
        int holes = countHoles(template);
        if (holes != args.size()) {
            throw new CslError(c.pos(), "the format has " + holes + " placeholder" + (holes == 1 ? "" : "s")
                    + " ({d}, {X} or {f}) but " + args.size() + " value" + (args.size() == 1 ? " is" : "s are") + " given");
        }
        int first = f.temps(Math.max(1, args.size()));
        List<ElementType> types = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Operand o = x.gen(args.get(i), s);
            CslType t = o.type();
            if (t == CslType.COMPTIME_INT) {
                t = CslType.I32;
            } else if (t == CslType.COMPTIME_FLOAT) {
                t = CslType.F32;
            }
            if (t.elementType() == null) {
                throw new CslError(args.get(i).pos(), "only numbers and bools can be printed, not " + CallCompiler.describe(o));
            }
            x.into(o, first + i, t, args.get(i).pos());
            types.add(t.elementType());
        }
        f.at(c.pos());
        f.print(new PrintFormat(template, types), first, args.size());
        return VOID;
    }

    static int countHoles(String template) {
        int n = 0;
        for (int i = 0; i + 2 < template.length(); i++) {
            if (template.charAt(i) == '{' && template.charAt(i + 2) == '}' && "dXxf".indexOf(template.charAt(i + 1)) >= 0) {
                n++;
                i += 2;
            }
        }
        return n;
    }

    /**
     * {@code encode_single_payload} with run-time arguments, lowered to shifts and ors in the
     * documented layout (data 0..15, entry point 16..21, opcode 22..23, ce_ignore 24 and 27;
     * see {@link org.waferscope.engine.fabric.Wavelet}).
     */
    private Operand payload(Expr.Call c, Scope s) {
        arity(c, "encode_single_payload", 4);
        List<Operand> ops = new ArrayList<>();
        boolean allConst = true;
        for (Expr e : c.args()) {
            Operand o = x.gen(e, s);
            ops.add(o);
            allConst &= o instanceof Operand.Const;
        }
        if (allConst) {
            return new Operand.Const(x.u.ev.eval(c, s));
        }
        int[] shift = {22, 24, 16, 0};
        int[] mask = {0x3, 0x1, 0x3F, 0xFFFF};
        int acc = f.temp();
        f.constI32(acc, 0);
        for (int i = 0; i < 4; i++) {
            Operand o = ops.get(i);
            int part;
            if (o instanceof Operand.Const k) {
                long v = k.value() instanceof Value.TaskIdVal t ? t.id() : k.value() instanceof Value.BoolVal b
                        ? (b.v() ? 1 : 0) : k.value() instanceof Value.VoidVal ? 0
                        : ((Value.IntVal) org.waferscope.engine.csl.value.ValueOps.convert(k.value(), CslType.U32, c.pos())).v();
                part = f.temp();
                long bits = (v & mask[i]) << shift[i];
                f.constI32(part, (int) (i == 1 ? bits | bits << 3 : bits));
            } else {
                if (!o.type().isInt() && o.type() != CslType.BOOL) {
                    throw new CslError(c.args().get(i).pos(), "expected an integer, not " + o.type());
                }
                int m = f.temp();
                f.constI32(m, mask[i]);
                part = f.temp();
                f.op(Opcode.AND, ElementType.U32, part, ((Operand.Reg) o).slot(), m);
                if (shift[i] > 0) {
                    int k = f.temp();
                    f.constI32(k, shift[i]);
                    f.op(Opcode.SHL, ElementType.U32, part, part, k);
                }
                if (i == 1) {
                    // ce_ignore also in the second command, for the routers after one that pops the first
                    int k = f.temp();
                    f.constI32(k, 3);
                    int again = f.temp();
                    f.op(Opcode.SHL, ElementType.U32, again, part, k);
                    f.op(Opcode.OR, ElementType.U32, part, part, again);
                }
            }
            f.op(Opcode.OR, ElementType.U32, acc, acc, part);
        }
        return new Operand.Reg(acc, CslType.U32);
    }
}
