package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.csl.Diagnostics;

/** The warm-up document stays a valid run.json with an array and a step of each kind a load's first read meets. */
class RunJsonWarmUpTest {
    @Test
    void theWarmUpDocumentReadsWithoutErrorsAndHoldsEachKindOfStep() {
        Diagnostics d = new Diagnostics();
        RunPlan plan = RunJson.read(RunJson.WARM_UP, d);
        assertNotNull(plan);
        assertTrue(d.all().isEmpty(), () -> d.all().toString());
        assertEquals(List.of("a"), List.copyOf(plan.arrays().keySet()));
        List<RunSpec.Step> steps = plan.steps().stream().map(RunPlan.Located::value).toList();
        assertEquals(4, steps.size());
        assertNotNull(steps.get(0).copyIn());
        assertNotNull(steps.get(1).launch());
        assertNotNull(steps.get(2).copyOut());
        assertNotNull(steps.get(3).check());
        assertTrue(RunJson.warmUp());
    }
}
