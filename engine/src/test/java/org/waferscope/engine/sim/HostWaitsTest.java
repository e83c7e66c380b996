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

    /** A copy of the sample in the temporary folder, to edit as a lesson asks. */
    private Path copyOf(String sample) throws Exception {
        try (var files = Files.list(CslFixture.sampleFolder(sample))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    /** A copy of the sample with one edit to one file. */
    private Path copyOf(String sample, String file, String was, String now) throws Exception {
        copyOf(sample);
        String text = Files.readString(dir.resolve(file));
        assertTrue(text.contains(was), file + " has no " + was);
        Files.writeString(dir.resolve(file), text.replace(was, now));
        return dir;
    }

    @Test
    void aChainCutShortListsThePesTheHostWaitsFor() throws Exception {
        copyOf("broadcast-chain", "layout.csl", "if (x == receivers)", "if (x == receivers or x == 2)");
        List<WaitLink> chain = WaitChainTest.whenStuck(ProgramLoader.load(dir, ProgramLoader.LoadOptions.DEFAULTS));
        String all = chain.stream().map(WaitLink::describe).reduce("", (a, b) -> a + "\n" + b);
        List<WaitLink> host = chain.stream().filter(WaitLink::byHost).toList();
        assertEquals(List.of(WaitLink.host("unblock_cmd_stream", 3, 0, "has not called it"),
                WaitLink.host("unblock_cmd_stream", 4, 0, "has not called it")), host, all);
        assertEquals("the host waits for unblock_cmd_stream  ←  PE (3, 0) has not called it", host.get(0).describe());
    }

    @Test
    void aBlockedTaskWithWaveletsWaitingIsListed() throws Exception {
        // gemv-streaming's lesson: swap the two streams and b fills the queue of a task that stays blocked
        copyOf("gemv-streaming");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(dir.resolve("run.json")));
        List<Integer> streams = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().startsWith("{ \"stream_in\"")) {
                streams.add(i);
            }
        }
        assertEquals(2, streams.size(), "x and b");
        java.util.Collections.swap(lines, streams.get(0), streams.get(1));
        Files.write(dir.resolve("run.json"), lines);
        List<WaitLink> chain = WaitChainTest.whenStuck(ProgramLoader.load(dir, ProgramLoader.LoadOptions.DEFAULTS));
        String all = chain.stream().map(WaitLink::describe).reduce("", (a, c) -> a + "\n" + c);
        assertTrue(chain.stream().anyMatch(l -> l.describe().matches(
                "PE \\(0, 0\\) waits for its data task \\d+ to be unblocked \\(6 wavelet\\(s\\) wait in input queue 1\\)")), all);
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
