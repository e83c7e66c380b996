package org.waferscope.engine.csl.eval;

import org.waferscope.engine.ir.SourcePos;

/** Resolves a file's top-level names (in any order, as in Zig), lazily and once each. */
public interface GlobalNames {
    /** The binding of a top-level name, or null if the file declares none. */
    Binding resolve(String name, SourcePos pos);
}
