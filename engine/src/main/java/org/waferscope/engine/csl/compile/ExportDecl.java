package org.waferscope.engine.csl.compile;

import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.ir.SourcePos;

/** A layout's {@code @export_name("name", T, mutable)}: what the host may see under that name. */
public record ExportDecl(String name, CslType type, boolean mutable, SourcePos pos) {
}
