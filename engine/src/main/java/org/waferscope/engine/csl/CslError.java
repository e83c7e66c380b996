package org.waferscope.engine.csl;

import org.waferscope.engine.ir.SourcePos;

/**
 * Abandons the construct being evaluated or compiled. Stages catch it at a declaration or
 * statement boundary, record it as a {@link Diagnostic} and carry on with the next one.
 */
public final class CslError extends RuntimeException {
    private final transient SourcePos pos;
    /** Words added to the message only when it is read (a hint that costs a search); null for none. */
    private transient java.util.function.Supplier<String> more;
    private String said;

    public CslError(SourcePos pos, String message) {
        super(message, null, false, false);
        this.pos = pos;
    }

    /**
     * An error whose message ends in {@code more}, worked out only if the message is read:
     * some errors are thrown and caught as a matter of course (a layout loop's probe of a name
     * not yet declared), and must stay as cheap as the plain message.
     */
    public CslError(SourcePos pos, String message, java.util.function.Supplier<String> more) {
        this(pos, message);
        this.more = more;
    }

    @Override
    public String getMessage() {
        if (more != null) {
            said = super.getMessage() + more.get();
            more = null;
        }
        return said != null ? said : super.getMessage();
    }

    public SourcePos pos() {
        return pos;
    }

    public Diagnostic diagnostic() {
        return new Diagnostic(pos, getMessage());
    }
}
