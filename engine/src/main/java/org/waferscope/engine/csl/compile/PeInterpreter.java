package org.waferscope.engine.csl.compile;

import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.eval.Binding;
import org.waferscope.engine.csl.eval.Budget;
import org.waferscope.engine.csl.eval.Evaluator;
import org.waferscope.engine.csl.eval.Interpreter;
import org.waferscope.engine.csl.eval.Scope;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.csl.value.ValueOps;

/** The compile-time evaluator of a PE program: it also knows the addresses of the program's globals. */
final class PeInterpreter extends Interpreter {
    private final PeGlobals globals;

    PeInterpreter(ArchProfile profile, Budget budget, PeGlobals globals) {
        super(profile, budget, globals);
        this.globals = globals;
    }

    @Override
    protected Value addressOf(Expr.Unary u, Scope s) {
        Expr target = u.operand();
        long index = 0;
        if (target instanceof Expr.Index ix && ix.target() instanceof Expr.Name) {
            Storage.Global g = global(ix.target(), s);
            if (!(g.type() instanceof CslType.Array at) || ix.indices().size() != at.dims().size()) {
                throw new CslError(ix.pos(), "'&' of an element needs one index per dimension of " + g.name());
            }
            for (int k = 0; k < at.dims().size(); k++) {
                index = index * at.dims().get(k) + ValueOps.intIn(eval(ix.indices().get(k), s), 0,
                        at.dims().get(k) - 1L, "an index", ix.pos());
            }
            return pointer(g, (int) index);
        }
        return pointer(global(target, s), 0);
    }

    /** Whether {@code e} names a global array (the SDK lets one stand for its address as a DSD's base). */
    boolean namesGlobalArray(Expr e, Scope s) {
        if (!(e instanceof Expr.Name n)) {
            return false;
        }
        Binding b = s.lookup(n.name());
        if (b == null) {
            b = globals.resolve(n.name(), n.pos());
        }
        return b instanceof Storage.Global g && g.type() instanceof CslType.Array;
    }

    private Storage.Global global(Expr e, Scope s) {
        if (e instanceof Expr.Name n) {
            Binding b = s.lookup(n.name());
            if (b == null) {
                b = globals.resolve(n.name(), n.pos());
            }
            if (b instanceof Storage.Global g) {
                return g;
            }
            if (b == null && Evaluator.builtinName(n.name()) == null) {
                throw Evaluator.unknownName(n, s, globals);
            }
            // &c of a const array (a module given .constants = &table): its copy in SRAM.
            Storage.Global copy = globals.inMemory(n.name(), b, n.pos());
            if (copy != null) {
                return copy;
            }
        }
        throw new CslError(e.pos(), "'&' here needs a global var (or an element of one) whose address is known");
    }

    static Value.PointerVal pointer(Storage.Global g, int index) {
        CslType elem = g.type() instanceof CslType.Array at ? at.elem() : g.type();
        if (elem.elementType() == null) {
            throw new CslError(g.symbol().pos(), "cannot take the address of " + g.name() + " (" + g.type() + ")");
        }
        int addr = g.symbol().address() + index * elem.elementType().bytes;
        return new Value.PointerVal(new CslType.Pointer(elem, true), g.name(), addr);
    }
}
