package org.waferscope.engine.api;

import org.waferscope.engine.ir.SourcePos;

/**
 * Why a run paused at a breakpoint: which one, where and when.
 *
 * @param breakpoint the breakpoint that fired, as it was set
 * @param pe         the PE that hit it, or null (host step, cycle)
 * @param position   the source line that PE is on, or null
 * @param cycle      the cycle the run paused at
 * @param event      what happened, "breakpoint receiver.csl:27: PE (1, 0) arrived at line 27", for a
 *                   run that goes on at each hit (the command line's {@code --break})
 */
public record BreakHit(Breakpoint breakpoint, Breakpoint.Pe pe, SourcePos position, long cycle, String event) {
    /** One line for the status bar and the console: "paused at " and the event. */
    public String what() {
        return "paused at " + event;
    }
}
