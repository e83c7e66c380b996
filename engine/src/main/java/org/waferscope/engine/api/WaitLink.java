package org.waferscope.engine.api;

/**
 * One link of a waiting chain: PE (x, y) waits for something that PE (fromX, fromY)
 * should provide (send a wavelet, or make room by taking one). The waiting side may be the
 * host instead of a PE ({@link #host}): x and y are then {@link #HOST}.
 *
 * @param x, y          the waiting PE, or {@link #HOST}, {@link #HOST} for the host
 * @param waitsFor      what it waits for, in words ("a wavelet of color 1 (input queue 3 is empty)")
 * @param fromX, fromY  the PE that should provide it, or -1, -1 when none can be named
 * @param from          what that PE should do, in words, or ""
 */
public record WaitLink(int x, int y, String waitsFor, int fromX, int fromY, String from) {
    /** The coordinates that stand for the host as the waiting side. */
    public static final int HOST = -1;

    /** The host waits for PE (fromX, fromY): "the host waits for unblock_cmd_stream ← PE (3, 0) has not called it". */
    public static WaitLink host(String waitsFor, int fromX, int fromY, String from) {
        return new WaitLink(HOST, HOST, waitsFor, fromX, fromY, from);
    }

    /** The fromX of a row that is not a wait: wavelets PE (x, y) sent off the fabric's edge ({@link #leftFabric}). */
    public static final int OFF_EDGE = -2;

    /**
     * PE (x, y) sent wavelets off the fabric's edge, where nothing receives them: no wait, but
     * at a deadlock often why a PE waits ("sent 3 wavelets of color 0 WEST, off the fabric's edge…").
     */
    public static WaitLink leftFabric(int x, int y, String what) {
        return new WaitLink(x, y, what, OFF_EDGE, OFF_EDGE, "");
    }

    /** True for a row of {@link #leftFabric}. */
    public boolean leftTheFabric() {
        return fromX == OFF_EDGE;
    }

    public boolean hasSource() {
        return fromX >= 0;
    }

    /** True when the host, not a PE, is the one that waits. */
    public boolean byHost() {
        return x == HOST;
    }

    /** One line: "PE (1, 0) waits for … ← PE (0, 0) should send it". */
    public String describe() {
        if (leftTheFabric()) {
            return "PE (" + x + ", " + y + ") sent " + waitsFor;
        }
        return (byHost() ? "the host" : "PE (" + x + ", " + y + ")") + " waits for " + waitsFor
                + (hasSource() ? "  ←  PE (" + fromX + ", " + fromY + ") " + from : "");
    }
}
