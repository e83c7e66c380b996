package org.waferscope.engine.sim;

import java.util.List;
import java.util.function.Consumer;
import org.waferscope.engine.api.BreakHit;
import org.waferscope.engine.api.Breakpoint;

/**
 * A headless run that reports every breakpoint hit and goes on, as the command line's
 * {@code run --break} does: the same checks as the explorer's, so a test can see where a
 * program would stop.
 */
public final class BreakRun {
    private BreakRun() {
    }

    /**
     * Why each breakpoint that can never fire in {@code wafer}'s program cannot (a file no PE
     * runs, a line with no code, a task, variable or host step the program lacks, a PE off the
     * fabric), as "breakpoint SPEC can never stop: why"; empty when all can.
     */
    public static List<String> problems(Wafer wafer, List<Breakpoint> breakpoints) {
        return new BreakTargets(wafer.fabric(), wafer.program().steps().size()).problems(breakpoints);
    }

    /**
     * Advances {@code wafer} until it ends or reaches {@code maxCycles}, handing each hit to
     * {@code onHit}; returns how many there were. Problems with the breakpoints (a PE off
     * the fabric, a condition it cannot read) go to {@code onWarning} first.
     */
    public static int untilTheEnd(Wafer wafer, List<Breakpoint> breakpoints, long maxCycles, Consumer<String> onWarning,
                                  Consumer<BreakHit> onHit) {
        BreakWatch watch = new BreakWatch(wafer, breakpoints);
        watch.warnings().forEach(onWarning);
        int hits = 0;
        while (wafer.status() == WaferStatus.RUNNING && wafer.cycle() < maxCycles) {
            long before = wafer.cycle();
            StopReason r = wafer.advance(watch.chunk(maxCycles - wafer.cycle()), watch.lineStops(), watch.taskStops());
            BreakHit h = watch.check();
            if (h != null) {
                hits++;
                onHit.accept(h);
            } else if (r == StopReason.QUIET && wafer.cycle() == before) {
                break;
            }
        }
        return hits;
    }
}
