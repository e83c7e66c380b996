package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.api.SimState;
import org.waferscope.engine.api.WaitLink;
import org.waferscope.engine.csl.CslFixture;
import org.waferscope.engine.program.ProgramLoader;

/**
 * broadcast-chain's lesson, "things to try": the receiver at x = 2 keeps its copy, so x = 3
 * and 4 are never woken and the host waits for them for ever. They are idle, not stalled,
 * and the Waiting tab said "Nothing waits" about a run the engine called a deadlock.
 */
class HostWaitsTest {
    @TempDir
    Path dir;

    @Test
    void aChainCutShortListsThePesTheHostWaitsFor() throws Exception {
        Path from = CslFixture.sampleFolder("broadcast-chain");
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Path layout = dir.resolve("layout.csl");
        String cut = Files.readString(layout).replace("if (x == receivers)", "if (x == receivers or x == 2)");
        Files.writeString(layout, cut);
        List<WaitLink> chain = WaitChainTest.whenStuck(ProgramLoader.load(dir, ProgramLoader.LoadOptions.DEFAULTS));
        String all = chain.stream().map(WaitLink::describe).reduce("", (a, b) -> a + "\n" + b);
        List<WaitLink> host = chain.stream().filter(WaitLink::byHost).toList();
        assertEquals(List.of(WaitLink.host("unblock_cmd_stream", 3, 0, "has not called it"),
                WaitLink.host("unblock_cmd_stream", 4, 0, "has not called it")), host, all);
        assertEquals("the host waits for unblock_cmd_stream  ←  PE (3, 0) has not called it", host.get(0).describe());
    }

    @Test
    void pesTheChainExplainsAreNotListedAgainUnderTheHost() throws Exception {
        List<WaitLink> chain = WaitChainTest.whenStuck(DeadlockCycleTest.relay());
        String all = chain.stream().map(WaitLink::describe).reduce("", (a, b) -> a + "\n" + b);
        assertTrue(!chain.isEmpty() && !chain.get(0).byHost(), "the relay's cycle comes first: " + all);
        for (WaitLink h : chain.stream().filter(WaitLink::byHost).toList()) {
            assertTrue(chain.stream().noneMatch(l -> !l.byHost() && l.x() == h.fromX() && l.y() == h.fromY()),
                    "PE (" + h.fromX() + ", " + h.fromY() + ") is listed twice: " + all);
        }
    }

    @Test
    void aRunningHostIsNotListed() throws Exception {
        try (Simulator sim = new Simulator(1)) {
            sim.load(BreakpointTest.sample("broadcast-chain", java.util.Map.of()));
            sim.post(new Command.Step(20));
            for (int i = 0; i < 20 && sim.state() != SimState.PAUSED; i++) {
                sim.tick();
            }
            var pending = sim.waitingChain();
            sim.tick();
            assertTrue(pending.join().stream().noneMatch(WaitLink::byHost), "the host waits for every launch while it runs");
        }
    }
}
