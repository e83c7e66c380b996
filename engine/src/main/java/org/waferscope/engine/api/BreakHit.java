package org.waferscope.engine.api;

import org.waferscope.engine.ir.SourcePos;

/**
 * Why a run paused at a breakpoint: which one, where and when.
 *
 * @param breakpoint the breakpoint that fired, as it was set
 * @param pe         the PE that hit it, or null (host step, cycle)
 * @param position   the source line that PE is on, or null
 * @param cycle      the cycle the run paused at
 * @param what       one line for the status bar and the console
 */
public record BreakHit(Breakpoint breakpoint, Breakpoint.Pe pe, SourcePos position, long cycle, String what) {
}
