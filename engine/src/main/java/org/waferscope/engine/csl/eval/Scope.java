package org.waferscope.engine.csl.eval;

import java.util.Arrays;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.ir.SourcePos;

/**
 * A block's names, chained to the enclosing block's. CSL forbids shadowing, and so do we.
 * Blocks declare few names and a layout loop creates a scope per iteration, so names are
 * kept in small arrays rather than a hash map.
 */
public final class Scope {
    private final Scope parent;
    private String[] names = new String[4];
    private Binding[] bindings = new Binding[4];
    private int count;

    public Scope(Scope parent) {
        this.parent = parent;
    }

    public Scope child() {
        return new Scope(this);
    }

    public Binding lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            for (int i = 0; i < s.count; i++) {
                if (s.names[i].equals(name)) {
                    return s.bindings[i];
                }
            }
        }
        return null;
    }

    public void define(String name, Binding b, SourcePos pos) {
        if (lookup(name) != null) {
            throw new CslError(pos, "'" + name + "' is already declared in this scope (CSL does not allow shadowing)");
        }
        if (count == names.length) {
            names = Arrays.copyOf(names, count * 2);
            bindings = Arrays.copyOf(bindings, count * 2);
        }
        names[count] = name;
        bindings[count++] = b;
    }
}
