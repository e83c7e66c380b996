package org.waferscope.engine.sim;

import java.util.List;
import org.waferscope.engine.host.CheckResult;

/** How a finished run is said in the status bar: by its checks, a pass not as "0 failed". */
final class HaltWords {
    private HaltWords() {
    }

    static String halted(List<CheckResult> checks) {
        long failed = checks.stream().filter(c -> !c.pass()).count();
        if (checks.isEmpty()) {
            return "halted (the host checks nothing)";
        }
        return failed == 0 ? "halted: " + (checks.size() == 1 ? "the check passed" : "all " + checks.size() + " checks passed")
                : "halted: " + failed + " of " + checks.size() + " check(s) FAILED";
    }
}
