package org.waferscope.engine.api;

import java.util.List;

/**
 * An intent the UI posts to the simulation's mailbox; the engine drains the mailbox between
 * cycles, in order. Loading a program is not among them: the application, which owns the
 * front end, hands a loaded program to {@code sim.Simulator#load}, so that this package
 * (and the views) need not know program folders.
 */
public sealed interface Command {
    /** Runs until paused, halted, faulted or at a breakpoint. */
    record Run() implements Command {
    }

    record Pause() implements Command {
    }

    /** Advances exactly {@code cycles} cycles (or less if the program halts or faults first). */
    record Step(long cycles) implements Command {
    }

    /** Goes back {@code cycles} cycles (restoring a snapshot and re-running forward). */
    record StepBack(long cycles) implements Command {
    }

    /** Runs until some task starts on some PE. */
    record StepToTaskActivation() implements Command {
    }

    /** Returns to cycle 0 of the loaded program. */
    record Reset() implements Command {
    }

    /**
     * Run speed: simulated cycles per wall-clock second, or {@link Double#POSITIVE_INFINITY}
     * for as fast as possible.
     */
    record SetSpeed(double cyclesPerSecond) implements Command {
    }

    /** How often frames are published while running, per second. */
    record SetRefreshRate(double framesPerSecond) implements Command {
    }

    /** Pauses when one of these happens (the engine reports which in the frame's {@link BreakHit}). */
    record SetBreakpoints(List<Breakpoint> breakpoints) implements Command {
        public SetBreakpoints {
            breakpoints = List.copyOf(breakpoints);
        }
    }

    /** Changes what the frames carry. */
    record Request(FrameRequest request) implements Command {
    }
}
