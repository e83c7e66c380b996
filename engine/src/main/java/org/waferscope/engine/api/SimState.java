package org.waferscope.engine.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * The simulation's lifecycle. Presentation (icons, CSS classes) lives in the views, not
 * here.
 */
public enum SimState {
    /** No program loaded. */
    EMPTY,
    /** A program is loaded and at cycle 0. */
    LOADED,
    /** Stopped by the user, a step, or a breakpoint; can go on. */
    PAUSED,
    /** Cycles are being simulated. */
    RUNNING,
    /** The host's steps are done and the fabric is quiet. */
    HALTED,
    /** Deadlock, exhausted cycle budget or a machine fault; see the frame's message. */
    FAULTED;

    /** States from which cycles may be simulated (run or step). */
    public boolean canAdvance() {
        return this == LOADED || this == PAUSED || this == RUNNING;
    }

    /** The states this one may move to. */
    public Set<SimState> next() {
        return switch (this) {
            case EMPTY -> EnumSet.of(LOADED);
            case LOADED, PAUSED -> EnumSet.of(RUNNING, PAUSED, HALTED, FAULTED, LOADED, EMPTY);
            case RUNNING -> EnumSet.of(PAUSED, HALTED, FAULTED, LOADED, EMPTY);
            case HALTED, FAULTED -> EnumSet.of(LOADED, PAUSED, EMPTY);
        };
    }

    public boolean canMoveTo(SimState to) {
        return next().contains(to);
    }
}
