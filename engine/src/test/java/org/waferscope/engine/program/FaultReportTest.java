package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.Wafer;
import org.waferscope.engine.sim.WaferStatus;

/** A fault names the PE, the source line and the cause in the program's words, and the host step reached. */
class FaultReportTest {
    static Map<String, String> activatingUnbound() {
        Map<String, String> f = CrashReproducerTest.gemvOnePe();
        f.put("pe_program.csl", f.get("pe_program.csl").replace("fn compute() void {\n",
                "fn compute() void {\n  @activate(@get_local_task_id(12));\n"));
        return f;
    }

    @Test
    void activatingATaskBoundToNothingFaultsAtTheActivateLine() throws Exception {
        Map<String, String> f = activatingUnbound();
        int line = (int) f.get("pe_program.csl").lines().takeWhile(l -> !l.contains("@activate")).count() + 1;
        // run it many times in one JVM: the message must not depend on a JDK exception's (JIT-omitted) text
        for (int i = 0; i < 3; i++) {
            RunResult r;
            try (Wafer w = Wafer.load(ProgramLoader.load(new MemorySource("unbound", f), ProgramLoader.LoadOptions.DEFAULTS), 1)) {
                r = w.runToCompletion(100_000);
            }
            assertEquals(WaferStatus.FAULTED, r.status());
            assertEquals(List.of("fault at PE (0, 0): task 12 was activated but is bound to nothing at pe_program.csl:"
                    + line + ":3", "the host had reached step 4 of 6 (launch compute)"), r.report());
            assertTrue(r.checks().isEmpty());
        }
    }
}
