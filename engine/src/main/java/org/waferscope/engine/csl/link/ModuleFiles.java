package org.waferscope.engine.csl.link;

import org.waferscope.engine.csl.syntax.SourceFile;
import org.waferscope.engine.ir.SourcePos;

/** Reads and parses the files that {@code @import_module} names. */
public interface ModuleFiles {
    /**
     * The parsed module {@code name} (a path already resolved by {@link ModulePath}), or a
     * {@link org.waferscope.engine.csl.CslError} at {@code at} when it is missing, unreadable
     * or outside what the program may read. Null when it was read but has syntax errors
     * (those are already reported).
     */
    SourceFile load(String name, SourcePos at);

    /** The architecture the program is compiled for ("wse2", "wse3"), for paths computed with {@code @is_arch}. */
    default String arch() {
        return "wse2";
    }
}
