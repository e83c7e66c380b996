package org.waferscope.engine.csl;

import org.waferscope.engine.ir.SourcePos;

/**
 * One problem found while loading a program folder, printed the way compilers print them:
 * {@code file:line:col: error: message}.
 *
 * @param pos     where the problem is (file relative to the program folder)
 * @param message what is wrong and what was expected instead
 */
public record Diagnostic(SourcePos pos, String message) {
    @Override
    public String toString() {
        return pos.file() + ":" + pos.line() + ":" + pos.column() + ": error: " + message;
    }
}
