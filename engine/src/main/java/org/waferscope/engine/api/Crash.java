package org.waferscope.engine.api;

/**
 * A one-line account of an exception the engine did not expect: a bug, not a fault of the
 * program. Built from the exception's class and where it was thrown rather than from its
 * message alone, which a JIT-compiled hot path may leave null.
 */
public final class Crash {
    private Crash() {
    }

    /** E.g. {@code NullPointerException at HostSteps.source(HostSteps.java:131)}. */
    public static String describe(Throwable t) {
        StringBuilder b = new StringBuilder(t.getClass().getSimpleName());
        String m = t.getMessage();
        if (m != null && !m.isBlank()) {
            String line = m.strip().lines().findFirst().orElse("");
            b.append(": ").append(line.length() > 160 ? line.substring(0, 160) + "..." : line);
        }
        StackTraceElement[] st = t.getStackTrace();
        if (st.length > 0) {
            StackTraceElement e = st[0];
            String cls = e.getClassName().substring(e.getClassName().lastIndexOf('.') + 1);
            b.append(" at ").append(cls).append('.').append(e.getMethodName())
                    .append('(').append(e.getFileName()).append(':').append(e.getLineNumber()).append(')');
        }
        return b.toString();
    }
}
