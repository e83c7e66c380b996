package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.api.SimState;
import org.waferscope.engine.api.WaitLink;

/** relay-deadlock's waiting chain: the relay waits for the sender's scale, the sender for the relay's room. */
class WaitChainTest {
    @Test
    void theRelayAndTheSenderWaitOnEachOther() throws Exception {
        List<WaitLink> chain = whenStuck(DeadlockCycleTest.relay());
        String all = chain.stream().map(WaitLink::describe).reduce("", (a, b) -> a + "\n" + b);
        assertTrue(chain.contains(new WaitLink(1, 0, "a wavelet of color 1 (input queue 3 is empty)", 0, 0,
                "should send it")), all);
        WaitLink sender = chain.stream().filter(l -> l.x() == 0).findFirst().orElseThrow(() -> new AssertionError(all));
        assertEquals(1, sender.fromX(), all);
        assertTrue(sender.from().startsWith("should take wavelets from its full input queue 2"), all);
    }

    /** The program run until the engine stops it, and the waiting chain the explorer is then given. */
    static List<WaitLink> whenStuck(org.waferscope.engine.program.WaferProgram p) {
        try (Simulator sim = new Simulator(1)) {
            sim.load(p);
            sim.post(new Command.Run());
            for (int i = 0; i < 100 && sim.state() != SimState.FAULTED; i++) {
                sim.tick();
            }
            assertEquals(SimState.FAULTED, sim.state());
            var pending = sim.waitingChain();
            sim.tick();
            return pending.join();
        }
    }
}
