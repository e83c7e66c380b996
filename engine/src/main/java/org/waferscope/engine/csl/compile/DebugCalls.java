package org.waferscope.engine.csl.compile;

import java.util.List;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.eval.Scope;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.ir.FunctionBuilder;
import org.waferscope.engine.ir.Opcode;
import org.waferscope.engine.ir.PrintFormat;
import org.waferscope.engine.ir.SourcePos;
import org.waferscope.engine.ir.Symbol;

/**
 * The trace calls of a {@code <debug>} instance. Every call prints a console line tagged with
 * the trace's key (as {@code <simprint>} lines are shown); numbers and timestamps are also
 * kept, as 32-bit words, in the trace's buffer in SRAM, which the host reads as the symbol
 * {@code debug:KEY} (a copy_out step), as the SDK's {@code read_trace} reads its buffer.
 *
 * <p>A word holds the value's bits: integers sign- or zero-extended, bools 0 or 1, floats
 * their f32 bits, a timestamp the low 32 bits of the cycle counter. Strings go to the console
 * only. Once the buffer is full, later entries are printed but not kept.
 */
final class DebugCalls {
    private static final Operand VOID = new Operand.Const(new Value.VoidVal());

    /** A trace's buffer and its count of kept entries. */
    private record Trace(String key, int buffer, int count, int size) {
    }

    private final ExprCompiler x;
    private final FunctionBuilder f;

    DebugCalls(ExprCompiler x) {
        this.x = x;
        this.f = x.f;
    }

    Operand call(Value.ModuleVal m, String fn, Expr.Call c, Scope s) {
        String key = ((Value.StringVal) m.params().get("key")).v();
        int size = (int) ((Value.IntVal) m.params().get("buffer_size")).v();
        Trace t = trace(key, size, c.pos());
        List<Expr> a = c.args();
        int want = fn.equals("trace_timestamp") ? 0 : 1;
        if (a.size() != want) {
            throw new CslError(c.pos(), fn + " takes " + want + " argument" + (want == 1 ? "" : "s"));
        }
        if (fn.equals("trace_string")) {
            if (!(x.u.ev.eval(a.get(0), s) instanceof Value.StringVal str)) {
                throw new CslError(a.get(0).pos(), "trace_string takes a string known at compile time");
            }
            print(t, str.v(), -1, null, c.pos());
            return VOID;
        }
        if (fn.equals("trace_timestamp")) {
            int now = f.temp();
            f.cycle(now);
            keep(t, now);
            print(t, "timestamp {d}", now, ElementType.U32, c.pos());
            return VOID;
        }
        Operand o = x.gen(a.get(0), s);
        CslType type = switch (fn) {
            case "trace", "put_u16", "put_u32" -> fn.equals("put_u16") ? CslType.U16 : fn.equals("put_u32") ? CslType.U32
                    : o.type() == CslType.COMPTIME_INT ? CslType.I32 : o.type() == CslType.COMPTIME_FLOAT ? CslType.F32 : o.type();
            default -> CslType.byName(fn.substring("trace_".length()));
        };
        if (type == null || type.elementType() == null) {
            throw new CslError(a.get(0).pos(), fn + " records a number or a bool, not " + CallCompiler.describe(o));
        }
        int v = x.slot(o, type, a.get(0).pos());
        keep(t, v);
        print(t, type.elementType().isFloat ? "{f}" : "{d}", v, type.elementType(), c.pos());
        return VOID;
    }

    /** Appends the word in {@code value} to the buffer unless it is full. */
    private void keep(Trace t, int value) {
        int n = f.temp();
        f.loadGlobal(ElementType.U32, n, t.count);
        int limit = f.temp();
        f.constI32(limit, t.size);
        int full = f.temp();
        f.op(Opcode.GE, ElementType.U32, full, n, limit);
        FunctionBuilder.Label skip = f.label();
        f.jumpIfNotZero(full, skip);
        int at = f.temp();
        f.constI32(at, 4);
        f.op(Opcode.MUL, ElementType.U32, at, at, n);
        int base = f.temp();
        f.constI32(base, t.buffer);
        f.op(Opcode.ADD, ElementType.U32, at, at, base);
        f.storeIndirect(ElementType.U32, at, 0, value);
        int one = f.temp();
        f.constI32(one, 1);
        f.op(Opcode.ADD, ElementType.U32, n, n, one);
        f.storeGlobal(ElementType.U32, t.count, n);
        f.bind(skip);
    }

    /** A console line "[key] ..."; with no value slot (-1) the text is printed as it is. */
    private void print(Trace t, String what, int slot, ElementType type, SourcePos pos) {
        String template = "[" + t.key + "] " + what + "\n";
        f.at(pos);
        if (slot < 0) {
            // Without arguments a format prints its braces as they are.
            f.print(new PrintFormat(template, List.of()), 0, 0);
        } else {
            int arg = f.temp();
            f.mov(arg, slot);
            f.print(new PrintFormat(template, List.of(type)), arg, 1);
        }
    }

    /** The trace named {@code key}: its globals, made on first use and shared by later calls. */
    private Trace trace(String key, int size, SourcePos pos) {
        String name = "<debug:" + key + ">";
        if (x.u.resolved.get(name) instanceof Storage.Global buf
                && x.u.resolved.get(name + ".count") instanceof Storage.Global cnt) {
            if (buf.symbol().length() != size) {
                throw new CslError(pos, "trace \"" + key + "\" is imported twice with different buffer sizes");
            }
            return new Trace(key, buf.symbol().address(), cnt.symbol().address(), size);
        }
        CslType words = new CslType.Array(List.of(size), CslType.U32);
        Symbol buffer = x.u.program.export(x.u.allocate(name, words, pos), "debug:" + key, false);
        Symbol count = x.u.allocate(name + ".count", CslType.U32, pos);
        x.u.resolved.put(name, new Storage.Global(name, words, buffer, new String[1]));
        x.u.resolved.put(name + ".count", new Storage.Global(name + ".count", CslType.U32, count, new String[1]));
        return new Trace(key, buffer.address(), count.address(), size);
    }
}
