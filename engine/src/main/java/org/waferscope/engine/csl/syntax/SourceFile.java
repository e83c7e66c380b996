package org.waferscope.engine.csl.syntax;

import java.util.List;

/** A parsed CSL file: its name within the program folder and its declarations in order. */
public record SourceFile(String name, List<Decl> decls) {
    public SourceFile {
        decls = List.copyOf(decls);
    }
}
