package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waferscope.engine.api.WaitLink;
import org.waferscope.engine.csl.CslFixture;
import org.waferscope.engine.program.ProgramLoader;
import org.waferscope.engine.program.WaferProgram;

/**
 * A route off the rectangle's edge is legal (as in the SDK) and its wavelets vanish. With
 * broadcast-chain's sender routed WEST, every receiver waits for ever; the deadlock report
 * and the Waiting tab said nothing of the three wavelets that left. They now name the PE,
 * the color and the direction, with the count.
 */
class LeftTheFabricTest {
    private static final String LEFT = "PE (0, 0) sent 3 wavelets of color 0 WEST, off the fabric's edge";

    @TempDir
    Path dir;

    private WaferProgram westward() throws Exception {
        try (var files = Files.list(CslFixture.sampleFolder("broadcast-chain"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Path layout = dir.resolve("layout.csl");
        String was = ".rx = .{ RAMP }, .tx = .{ EAST } }";
        String text = Files.readString(layout);
        assertTrue(text.contains(was));
        Files.writeString(layout, text.replace(was, ".rx = .{ RAMP }, .tx = .{ WEST } }"));
        return ProgramLoader.load(dir, ProgramLoader.LoadOptions.DEFAULTS);
    }

    @Test
    void theDeadlockReportNamesWhereWaveletsLeftTheFabric() throws Exception {
        WaferProgram p = westward();
        try (Wafer w = Wafer.load(p, 1)) {
            w.runToCompletion(10_000);
            assertEquals(WaferStatus.DEADLOCK, w.status());
            String report = String.join("\n", w.report());
            assertTrue(report.contains(LEFT + ": nothing receives them"), report);
        }
        List<WaitLink> chain = WaitChainTest.whenStuck(p);
        String all = chain.stream().map(WaitLink::describe).reduce("", (a, b) -> a + "\n" + b);
        List<WaitLink> left = chain.stream().filter(WaitLink::leftTheFabric).toList();
        assertEquals(1, left.size(), all);
        assertEquals(0, left.get(0).x(), all);
        assertTrue(left.get(0).describe().startsWith(LEFT), all);
        assertTrue(!left.get(0).hasSource() && !left.get(0).byHost(), "a row of its own, not a wait");
    }

    @Test
    void theCountGoesBackWithAStepBackAndAReset() throws Exception {
        WaferProgram p = westward();
        try (Wafer w = Wafer.load(p, 1)) {
            var start = w.snapshot();
            w.runToCompletion(10_000);
            long hash = w.stateHash();
            w.restore(start);
            w.runToCompletion(10_000);
            assertEquals(hash, w.stateHash());
            String report = String.join("\n", w.report());
            assertTrue(report.contains(LEFT), "3 again, not 6: " + report);
        }
    }

    @Test
    void theReportIsTheSameOnAnyThreadCount() throws Exception {
        WaferProgram p = westward();
        List<List<String>> reports = new java.util.ArrayList<>();
        for (int threads : new int[] {1, 2, 3}) {
            try (Wafer w = Wafer.load(p, threads)) {
                w.runToCompletion(10_000);
                reports.add(w.report());
            }
        }
        assertEquals(reports.get(0), reports.get(1));
        assertEquals(reports.get(0), reports.get(2));
    }

    @Test
    void aProgramWhoseWaveletsStayOnTheFabricSaysNothingOfIt() throws Exception {
        // the relay deadlocks with every wavelet on the fabric: no word of the edge
        try (Wafer w = Wafer.load(DeadlockCycleTest.relay(), 1)) {
            w.runToCompletion(10_000);
            assertEquals(WaferStatus.DEADLOCK, w.status());
            assertTrue(w.report().stream().noneMatch(l -> l.contains("left the fabric")), w.report().toString());
        }
    }
}
