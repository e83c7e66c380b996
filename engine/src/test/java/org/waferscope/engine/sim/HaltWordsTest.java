package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.host.CheckResult;
import org.waferscope.engine.host.HostArray;

/** A pass is said as a pass ("halted: 0 failed check(s)" before). */
class HaltWordsTest {
    private static CheckResult check(double got) {
        return CheckResult.compare("x", new double[] {1}, HostArray.ofFloats("x", new int[] {1}, (float) got), 0);
    }

    @Test
    void aFinishedRunIsSaidByItsChecks() {
        assertEquals("halted: the check passed", HaltWords.halted(List.of(check(1))));
        assertEquals("halted: all 2 checks passed", HaltWords.halted(List.of(check(1), check(1))));
        assertEquals("halted: 1 of 2 check(s) FAILED", HaltWords.halted(List.of(check(1), check(5))));
        assertEquals("halted (the host checks nothing)", HaltWords.halted(List.of()));
    }

    @Test
    void aChecksVerdictIsSetOffFromItsNameForTheConsole() {
        // a name that is a sentence ran into its verdict: "check every receiver got every value, in order passed"
        String name = "every receiver got every value, in order";
        assertEquals("check " + name + ": passed (max abs error 0.00)", CheckResult.compare(name, new double[] {1},
                HostArray.ofFloats("x", new int[] {1}, 1f), 0).describe());
        assertEquals("check " + name + ": FAILED, 1 element(s) off, first at [0]: expected 1.0, got 5.0 (max abs error 4.00)",
                CheckResult.compare(name, new double[] {1}, HostArray.ofFloats("x", new int[] {1}, 5f), 0).describe());
    }
}
