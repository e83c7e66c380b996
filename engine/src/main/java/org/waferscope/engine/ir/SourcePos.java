package org.waferscope.engine.ir;

import java.util.Objects;

/** A place in a program folder's source: file name (relative to the folder), 1-based line and column. */
public record SourcePos(String file, int line, int column) {
    public static final SourcePos UNKNOWN = new SourcePos("<builder>", 0, 0);

    // written out, as csl.value.Value's are: the generated ones spin classes in a cold JVM
    @Override
    public boolean equals(Object o) {
        return o instanceof SourcePos p && Objects.equals(p.file, file) && p.line == line && p.column == column;
    }

    @Override
    public int hashCode() {
        return (Objects.hashCode(file) * 31 + line) * 31 + column;
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
