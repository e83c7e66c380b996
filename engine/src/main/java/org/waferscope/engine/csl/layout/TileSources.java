package org.waferscope.engine.csl.layout;

import org.waferscope.engine.csl.syntax.SourceFile;
import org.waferscope.engine.ir.SourcePos;

/** Gives the layout evaluator the PE programs {@code @set_tile_code} names, parsed. */
public interface TileSources {
    /**
     * The parsed file, or a {@link org.waferscope.engine.csl.CslError} at {@code at} if it
     * is missing, outside the program folder or too large. Returns null if the file could
     * be read but had syntax errors (already reported).
     */
    SourceFile source(String fileName, SourcePos at);
}
