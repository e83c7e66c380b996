package org.waferscope.engine.csl.eval;

import org.waferscope.engine.ir.SourcePos;

/** Resolves a file's top-level names (in any order, as in Zig), lazily and once each. */
public interface GlobalNames {
    /** The binding of a top-level name, or null if the file declares none. */
    Binding resolve(String name, SourcePos pos);

    /**
     * Whether resolving {@code name} now would evaluate nothing (it was resolved before, or
     * the file does not declare it): a replayed loop evaluates its probes before a trip only
     * then, so that a global's initializer still runs where a plain evaluation runs it.
     */
    default boolean settled(String name) {
        return false;
    }

    /** The top-level names the file declares, for a misspelt name's "did you mean"; none when unknown. */
    default java.util.Collection<String> names() {
        return java.util.List.of();
    }
}
