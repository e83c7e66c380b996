package org.waferscope.engine.sim;

import java.util.List;
import java.util.Map;
import org.waferscope.engine.api.ConsoleLine;
import org.waferscope.engine.host.CheckResult;
import org.waferscope.engine.host.HostArray;

/**
 * The outcome of running a program to its end.
 *
 * @param status      how it ended
 * @param cycles      cycles simulated
 * @param stateHash   hash of the whole fabric state at the end
 * @param checks      the host's check results, in order
 * @param report      for a deadlock, exhausted budget or fault: what waits on what
 * @param linkHops    wavelets moved across links
 * @param arrays      the host arrays at the end (inputs and results)
 * @param console     every console line
 * @param wallSeconds wall-clock time of the run
 */
public record RunResult(WaferStatus status, long cycles, long stateHash, List<CheckResult> checks,
                        List<String> report, long linkHops, Map<String, HostArray> arrays,
                        List<ConsoleLine> console, double wallSeconds) {

    public boolean allChecksPass() {
        return checks.stream().allMatch(CheckResult::pass);
    }

    /** This outcome with the wall time of a longer run it ended (one that stopped at breakpoints on the way). */
    public RunResult withWallSeconds(double seconds) {
        return new RunResult(status, cycles, stateHash, checks, report, linkHops, arrays, console, seconds);
    }

    public double cyclesPerSecond() {
        return wallSeconds > 0 ? cycles / wallSeconds : 0;
    }
}
