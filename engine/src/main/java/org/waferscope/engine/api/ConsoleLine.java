package org.waferscope.engine.api;

/**
 * A line for the console: simprint output (with its PE), host steps, check results,
 * warnings and errors.
 *
 * @param seq   position in the log, from 0
 * @param cycle the cycle it belongs to
 * @param kind  what sort of line it is
 * @param x, y  the PE that printed it, or -1
 * @param text  the line
 */
public record ConsoleLine(long seq, long cycle, Kind kind, int x, int y, String text) {
    public enum Kind { PRINT, HOST, CHECK_PASS, CHECK_FAIL, WARNING, ERROR }

    @Override
    public String toString() {
        String where = x >= 0 ? "(" + x + "," + y + ") " : "";
        return "[" + cycle + "] " + where + text;
    }
}
