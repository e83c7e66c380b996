package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.BreakHit;
import org.waferscope.engine.api.BreakSpec;
import org.waferscope.engine.api.Breakpoint;
import org.waferscope.engine.program.WaferProgram;

/** Breakpoints that can never fire are said to be so; host steps reached at load still stop. */
class BreakTargetsTest {

    private static List<String> problems(String sample, String... specs) throws Exception {
        List<Breakpoint> bps = new ArrayList<>();
        for (String s : specs) {
            bps.add(BreakSpec.parse(s));
        }
        try (Wafer w = Wafer.load(BreakpointTest.sample(sample, Map.of()), 1)) {
            return BreakRun.problems(w, bps);
        }
    }

    @Test
    void aBreakpointTheProgramCannotReachIsNamedWithItsReason() throws Exception {
        List<String> p = problems("broadcast-chain", "receiver.csl:9999", "nosuch.csl:3", "task:99", "write:nosuch",
                "receiver.csl:27 if nosuch > 3", "host-step:6", "wavelet:30", "queue-full@9,0");
        assertEquals(8, p.size(), p.toString());
        assertTrue(p.get(0).contains("receiver.csl has no code on line 9999"), p.get(0));
        assertTrue(p.get(1).contains("no PE runs nosuch.csl (the PEs run receiver.csl, sender.csl)"), p.get(1));
        assertTrue(p.get(2).contains("no PE program has task 99"), p.get(2));
        assertTrue(p.get(3).contains("no PE program has a variable named nosuch"), p.get(3));
        assertTrue(p.get(4).contains("its condition reads nosuch"), p.get(4));
        assertTrue(p.get(5).contains("the host has 5 step(s)"), p.get(5));
        assertTrue(p.get(7).contains("no PE (9, 0) on this 5x1 fabric"), p.get(7));
        assertEquals(List.of(), problems("broadcast-chain", "receiver.csl:27", "task:30", "task", "write:seen if >= 2",
                "host-step:5", "cycle:10", "queue-full@4,0"), "these can all fire");
    }

    @Test
    void negativeNumbersAreNotRead() {
        for (String s : new String[] {"cycle:-5", "host-step:0", "task:-2", "receiver.csl:-1", "wavelet:-1"}) {
            assertThrows(IllegalArgumentException.class, () -> BreakSpec.parse(s), s);
        }
    }

    @Test
    void theStepTheHostStartsOnStopsAndThoseDoneAtLoadAreSaidNotTo() throws Exception {
        WaferProgram chain = BreakpointTest.sample("broadcast-chain", Map.of());
        List<String> warnings = new ArrayList<>();
        List<BreakHit> hits = new ArrayList<>();
        try (Wafer w = Wafer.load(chain, 1)) {
            BreakRun.untilTheEnd(w, List.of(new Breakpoint.HostStep(1), new Breakpoint.HostStep(2)), 100_000,
                    warnings::add, hits::add);
        }
        assertEquals(1, hits.size(), hits.toString());
        assertTrue(hits.get(0).what().contains("the host reached step 2: launch"), hits.get(0).what());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("does step 1 (copy values into values) as the program loads"), warnings.get(0));
        // in the explorer as on the command line: gemv-checkerboard's launch is its fourth step
        List<BreakHit> launch = BreakpointTest.hitsUntilTheEnd(BreakpointTest.sample("gemv-checkerboard", Map.of()),
                List.of(new Breakpoint.HostStep(4)));
        assertEquals(1, launch.size(), launch.toString());
        assertTrue(launch.get(0).what().contains("the host reached step 4: launch"), launch.get(0).what());
    }
}
