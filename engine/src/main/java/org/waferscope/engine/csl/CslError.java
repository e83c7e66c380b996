package org.waferscope.engine.csl;

import org.waferscope.engine.ir.SourcePos;

/**
 * Abandons the construct being evaluated or compiled. Stages catch it at a declaration or
 * statement boundary, record it as a {@link Diagnostic} and carry on with the next one.
 */
public final class CslError extends RuntimeException {
    private final transient SourcePos pos;

    public CslError(SourcePos pos, String message) {
        super(message, null, false, false);
        this.pos = pos;
    }

    public SourcePos pos() {
        return pos;
    }

    public Diagnostic diagnostic() {
        return new Diagnostic(pos, getMessage());
    }
}
