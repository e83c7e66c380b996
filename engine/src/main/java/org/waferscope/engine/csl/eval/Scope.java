package org.waferscope.engine.csl.eval;

import java.util.HashMap;
import java.util.Map;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.ir.SourcePos;

/** A block's names, chained to the enclosing block's. CSL forbids shadowing, and so do we. */
public final class Scope {
    private final Scope parent;
    private final Map<String, Binding> names = new HashMap<>(8);

    public Scope(Scope parent) {
        this.parent = parent;
    }

    public Scope child() {
        return new Scope(this);
    }

    public Binding lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            Binding b = s.names.get(name);
            if (b != null) {
                return b;
            }
        }
        return null;
    }

    public void define(String name, Binding b, SourcePos pos) {
        if (lookup(name) != null) {
            throw new CslError(pos, "'" + name + "' is already declared in this scope (CSL does not allow shadowing)");
        }
        names.put(name, b);
    }
}
