package org.waferscope.engine.csl.compile;

import java.util.List;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.eval.Binding;
import org.waferscope.engine.csl.eval.Scope;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.csl.value.ValueOps;
import org.waferscope.engine.ir.FunctionBuilder;
import org.waferscope.engine.ir.Opcode;
import org.waferscope.engine.ir.SourcePos;

/** Variables, array elements and dereferences: where they are, and loading and storing them. */
final class Places {
    private final ExprCompiler x;
    private final FunctionBuilder f;

    Places(ExprCompiler x) {
        this.x = x;
        this.f = x.f;
    }

    /**
     * Whether {@code ix}, an index into a compile-time value (a const array, a pointer), is
     * itself known at compile time: not when an index is known only at run time (then a const
     * array is read from its SRAM copy).
     */
    boolean foldsAtCompileTime(Expr.Index ix, Binding.Const c, Scope s) {
        for (Expr i : ix.indices()) {
            try {
                x.u.ev.eval(i, s);
            } catch (CslError e) {
                return false;
            }
        }
        return true;
    }

    /** A name's binding, with a const array standing for its SRAM copy. */
    private Binding memory(Expr.Name n, Scope s) {
        Binding b = x.lookup(n.name(), s, n.pos());
        Storage.Global g = x.globals.inMemory(n.name(), b, n.pos());
        return g != null ? g : b;
    }

    /** The place an expression names; {@code write} asks for one that may be assigned. */
    Place of(Expr e, Scope s, boolean write) {
        if (e instanceof Expr.Name n) {
            Binding b = x.lookup(n.name(), s, n.pos());
            if (write && x.globals.inMemory(n.name(), b, n.pos()) != null) {
                throw new CslError(n.pos(), "'" + n.name() + "' is a const array; it cannot be assigned");
            }
            if (b instanceof Storage.Local l) {
                if (write && !l.mutable()) {
                    throw new CslError(n.pos(), "'" + n.name() + "' is a const; it cannot be assigned");
                }
                return new Place.InSlots(l.name(), l.slot(), l.type(), l.mutable());
            }
            if (b instanceof Storage.Global g && !(g.type() instanceof CslType.Array)) {
                return new Place.AtAddress(g.symbol().address(), g.type());
            }
            if (b instanceof Storage.Global || b instanceof Storage.LocalArray) {
                throw new CslError(n.pos(), "a whole array cannot be assigned; assign its elements");
            }
            throw new CslError(n.pos(), "'" + n.name() + "' is a compile-time constant; it cannot be "
                    + (write ? "assigned" : "used as a place"));
        }
        if (e instanceof Expr.Index ix) {
            return element(ix, s, write);
        }
        if (e instanceof Expr.Deref d) {
            Operand p = x.gen(d.target(), s);
            if (!(p.type() instanceof CslType.Pointer pt)) {
                throw new CslError(d.pos(), "'.*' needs a pointer, not " + p.type());
            }
            if (p instanceof Operand.Const c) {
                return new Place.AtAddress(((Value.PointerVal) c.value()).address(), pt.elem());
            }
            return new Place.Indirect(((Operand.Reg) p).slot(), 0, pt.elem());
        }
        throw new CslError(e.pos(), "this expression cannot be assigned to");
    }

    private Place element(Expr.Index ix, Scope s, boolean write) {
        CslType elem;
        List<Integer> dims;
        int baseAddress = 0;
        int baseSlot = -1;
        Operand arrayPtr = pointerToArray(ix, s);
        if (write && ix.target() instanceof Expr.Name n && x.globals.inMemory(n.name(), x.lookup(n.name(), s, n.pos()), n.pos()) != null) {
            throw new CslError(n.pos(), "'" + n.name() + "' is a const array; its elements cannot be assigned");
        }
        if (ix.target() instanceof Expr.Name n && memory(n, s) instanceof Storage.Global g
                && g.type() instanceof CslType.Array at) {
            elem = at.elem();
            dims = at.dims();
            baseAddress = g.symbol().address();
        } else if (ix.target() instanceof Expr.Name n && x.lookup(n.name(), s, n.pos()) instanceof Storage.LocalArray la) {
            elem = la.type().elem();
            dims = la.type().dims();
            baseSlot = f.temp();
            f.addressOfSlot(baseSlot, la.slot());
        } else if (arrayPtr != null) {
            // (p.*)[i] with p: *[N]T, the array a pointer points to
            CslType.Array at = (CslType.Array) ((CslType.Pointer) arrayPtr.type()).elem();
            elem = at.elem();
            dims = at.dims();
            if (arrayPtr instanceof Operand.Const c) {
                baseAddress = ((Value.PointerVal) c.value()).address();
            } else {
                baseSlot = ((Operand.Reg) arrayPtr).slot();
            }
        } else {
            // p.*[i] with p: [*]T (what &array gives) indexes what p points to, as p[i] does
            Operand p = ix.target() instanceof Expr.Deref d ? x.gen(d.target(), s) : null;
            if (p == null || !(p.type() instanceof CslType.Pointer dp && dp.many())) {
                p = x.gen(ix.target(), s);
            }
            if (!(p.type() instanceof CslType.Pointer pt) || !pt.many()) {
                throw new CslError(ix.pos(), "only arrays and [*] pointers can be indexed, not " + p.type());
            }
            elem = pt.elem();
            dims = null;
            if (p instanceof Operand.Const c) {
                baseAddress = ((Value.PointerVal) c.value()).address();
            } else {
                baseSlot = ((Operand.Reg) p).slot();
            }
        }
        ElementType et = elem.elementType();
        int rank = dims == null ? 1 : dims.size();
        if (ix.indices().size() != rank) {
            throw new CslError(ix.pos(), "expected " + rank + " indices but found " + ix.indices().size());
        }
        long constant = 0;
        int dynamic = -1;
        for (int k = 0; k < rank; k++) {
            long stride = et.bytes;
            for (int j = k + 1; j < rank; j++) {
                stride *= dims.get(j);
            }
            Expr ie = ix.indices().get(k);
            Operand io = x.gen(ie, s);
            if (io instanceof Operand.Const c) {
                long hi = dims == null ? Integer.MAX_VALUE : dims.get(k) - 1L;
                constant += ValueOps.intIn(c.value(), 0, hi, "index", ie.pos()) * stride;
                continue;
            }
            if (!io.type().isInt()) {
                throw new CslError(ie.pos(), "an index must be an integer, not " + io.type());
            }
            int term = ((Operand.Reg) io).slot();
            if (stride != 1) {
                int k2 = f.temp();
                f.constI32(k2, (int) stride);
                int scaled = f.temp();
                f.op(Opcode.MUL, ElementType.I32, scaled, term, k2);
                term = scaled;
            }
            if (dynamic < 0) {
                dynamic = term;
            } else {
                int sum = f.temp();
                f.op(Opcode.ADD, ElementType.I32, sum, dynamic, term);
                dynamic = sum;
            }
        }
        if (baseSlot < 0 && dynamic < 0) {
            return new Place.AtAddress(baseAddress + (int) constant, elem);
        }
        if (baseSlot >= 0 && dynamic >= 0) {
            int sum = f.temp();
            f.op(Opcode.ADD, ElementType.I32, sum, baseSlot, dynamic);
            return new Place.Indirect(sum, (int) constant, elem);
        }
        return new Place.Indirect(baseSlot >= 0 ? baseSlot : dynamic, baseAddress + (int) constant, elem);
    }

    /** For {@code (p.*)[i]} with {@code p: *[N]T}: the pointer; else null (nothing is compiled then). */
    private Operand pointerToArray(Expr.Index ix, Scope s) {
        if (!(ix.target() instanceof Expr.Deref d)) {
            return null;
        }
        if (d.target() instanceof Expr.Name n && !(declaredType(x.lookup(n.name(), s, n.pos())) instanceof CslType.Pointer lp
                && !lp.many() && lp.elem() instanceof CslType.Array)) {
            // (p.*)[i] needs p declared *[N]T: a local, a global var, or a param known to point at a
            // whole array (.weights = &table)
            return null;
        }
        Operand p = x.gen(d.target(), s);
        return p.type() instanceof CslType.Pointer pt && !pt.many() && pt.elem() instanceof CslType.Array ? p : null;
    }

    /** The type a name was declared with, for a local, a global or a known value; null for others. */
    private static CslType declaredType(Binding b) {
        if (b instanceof Storage.Local l) {
            return l.type();
        }
        if (b instanceof Storage.Global g) {
            return g.type();
        }
        return b instanceof Binding.Const c ? c.value().type() : null;
    }

    Operand load(Place p, SourcePos pos) {
        CslType t = p.type();
        if (p instanceof Place.InSlots in) {
            return new Operand.Reg(in.slot(), t);
        }
        int n = Math.max(1, t.slots());
        int dst = f.temps(n);
        for (int i = 0; i < n; i++) {
            ElementType e = word(t, pos);
            if (p instanceof Place.AtAddress a) {
                f.loadGlobal(e, dst + i, a.address() + 4 * i);
            } else {
                Place.Indirect ind = (Place.Indirect) p;
                f.loadIndirect(e, dst + i, ind.addressSlot(), ind.offset() + 4 * i);
            }
        }
        return new Operand.Reg(dst, t);
    }

    void store(Place p, Operand value, SourcePos pos) {
        CslType t = p.type();
        if (p instanceof Place.InSlots in) {
            x.into(value, in.slot(), t, pos);
            return;
        }
        int src = x.slot(value, t, pos);
        int n = Math.max(1, t.slots());
        for (int i = 0; i < n; i++) {
            ElementType e = word(t, pos);
            if (p instanceof Place.AtAddress a) {
                f.storeGlobal(e, a.address() + 4 * i, src + i);
            } else {
                Place.Indirect ind = (Place.Indirect) p;
                f.storeIndirect(e, ind.addressSlot(), ind.offset() + 4 * i, src + i);
            }
        }
    }

    /** The memory type of each word of a value of type {@code t}: pointers and DSD words are u32. */
    private static ElementType word(CslType t, SourcePos pos) {
        if (t.elementType() != null) {
            return t.elementType();
        }
        if (t instanceof CslType.Pointer || t.isDsd()) {
            return ElementType.U32;
        }
        throw new CslError(pos, "a value of type " + t + " does not live in memory");
    }

    /** {@code &e}: a compile-time address where possible, else one computed at run time. */
    Operand address(Expr e, Scope s, SourcePos pos) {
        if (e instanceof Expr.Name n) {
            Binding b = memory(n, s);
            if (b instanceof Storage.Global g) {
                return new Operand.Const(PeInterpreter.pointer(g, 0));
            }
            if (b instanceof Storage.LocalArray la) {
                int dst = f.temp();
                f.addressOfSlot(dst, la.slot());
                return new Operand.Reg(dst, new CslType.Pointer(la.type().elem(), true));
            }
            if (b instanceof Storage.Local l && l.type().elementType() != null) {
                int dst = f.temp();
                f.addressOfSlot(dst, l.slot());
                return new Operand.Reg(dst, new CslType.Pointer(l.type(), false));
            }
            throw new CslError(pos, "cannot take the address of '" + n.name() + "'");
        }
        Place p = of(e, s, false);
        CslType ptr = new CslType.Pointer(p.type(), true);
        if (p instanceof Place.AtAddress a) {
            return new Operand.Const(new Value.PointerVal((CslType.Pointer) ptr, "element", a.address()));
        }
        if (p instanceof Place.Indirect ind) {
            int dst = f.temp();
            int off = f.temp();
            f.constI32(off, ind.offset());
            f.op(Opcode.ADD, ElementType.U32, dst, ind.addressSlot(), off);
            return new Operand.Reg(dst, ptr);
        }
        throw new CslError(pos, "cannot take the address of this expression");
    }
}
