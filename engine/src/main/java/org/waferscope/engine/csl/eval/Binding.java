package org.waferscope.engine.csl.eval;

import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;

/**
 * What a name stands for in a scope. The evaluator knows compile-time bindings; the PE
 * compiler adds its own for values that live in frame slots or SRAM at run time.
 */
public interface Binding {
    /** A name whose value is known at compile time and never changes. */
    record Const(Value value) implements Binding {
    }

    /**
     * A name whose declaration failed. The name is known, so its uses do not add "unknown
     * name" errors; a use rethrows the declaration's own error, which the load's
     * {@link org.waferscope.engine.csl.Diagnostics} keeps once (and still reports, should the
     * first failure have been met only by a trial compile that swallowed it).
     */
    record Poisoned(org.waferscope.engine.csl.CslError cause) implements Binding {
    }

    /** A {@code var} of the compile-time evaluator (layout blocks, comptime blocks, comptime calls). */
    final class ComptimeVar implements Binding {
        public final CslType type;
        public Value value;

        public ComptimeVar(CslType type, Value value) {
            this.type = type;
            this.value = value;
        }
    }
}
