package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.api.CoreSnapshot;

/** The line the inspector names is the one the CE is on, and an idle PE says what it waits for. */
class SourceAttributionTest {

    private static List<CoreSnapshot> stepAndInspect(String sample, int x, int y, int cycles) throws Exception {
        List<CoreSnapshot> out = new ArrayList<>();
        try (Simulator sim = new Simulator(1)) {
            sim.load(BreakpointTest.sample(sample, Map.of()));
            var first = sim.inspect(x, y);
            sim.tick();
            out.add(first.join());
            for (int i = 0; i < cycles; i++) {
                sim.post(new Command.Step(1));
                var s = sim.inspect(x, y);
                sim.tick();
                out.add(s.join());
            }
        }
        return out;
    }

    @Test
    void aTaskThatSkipsItsLastStatementLeavesFromTheClosingBrace() throws Exception {
        // the receiver's first value: seen != count, so unblock_cmd_stream (line 32) is skipped
        for (CoreSnapshot s : stepAndInspect("broadcast-chain", 1, 0, 37)) {
            if (s.position() != null) {
                assertFalse(s.position().line() == 32, "cycle " + s.cycle() + ": " + s.instruction());
            }
        }
    }

    @Test
    void anIdlePeSaysWhetherItWaitsForTheHost() throws Exception {
        List<CoreSnapshot> s = stepAndInspect("broadcast-chain", 1, 0, 3);
        assertEquals("idle; waiting for the host to launch it", s.get(0).activity(), "before the launch");
        assertEquals("idle; the host waits for its unblock_cmd_stream", s.get(3).activity());
        s.forEach(c -> assertTrue(!c.activity().contains("-1"), c.activity()));
        assertEquals(-1, s.get(3).runningTask());
    }
}
