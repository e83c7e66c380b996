package org.waferscope.engine.ir;

/** A place in a program folder's source: file name (relative to the folder), 1-based line and column. */
public record SourcePos(String file, int line, int column) {
    public static final SourcePos UNKNOWN = new SourcePos("<builder>", 0, 0);

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
