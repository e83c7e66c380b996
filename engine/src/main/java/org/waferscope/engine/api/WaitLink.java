package org.waferscope.engine.api;

/**
 * One link of a waiting chain: PE (x, y) waits for something that PE (fromX, fromY)
 * should provide (send a wavelet, or make room by taking one).
 *
 * @param x, y          the waiting PE
 * @param waitsFor      what it waits for, in words ("a wavelet of color 1 (input queue 3 is empty)")
 * @param fromX, fromY  the PE that should provide it, or -1, -1 when none can be named
 * @param from          what that PE should do, in words, or ""
 */
public record WaitLink(int x, int y, String waitsFor, int fromX, int fromY, String from) {
    public boolean hasSource() {
        return fromX >= 0;
    }

    /** One line: "PE (1, 0) waits for … ← PE (0, 0) should send it". */
    public String describe() {
        return "PE (" + x + ", " + y + ") waits for " + waitsFor
                + (hasSource() ? "  ←  PE (" + fromX + ", " + fromY + ") " + from : "");
    }
}
