package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.waferscope.engine.api.HostStatus;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.fabric.HostException;
import org.waferscope.engine.fabric.Sram;
import org.waferscope.engine.fixtures.Kernels;
import org.waferscope.engine.host.CheckResult;
import org.waferscope.engine.host.HostArray;
import org.waferscope.engine.host.HostStep;
import org.waferscope.engine.host.PeRectangle;
import org.waferscope.engine.ir.FunctionBuilder;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.ir.ProgramBuilder;
import org.waferscope.engine.ir.Symbol;
import org.waferscope.engine.program.WaferProgram;

/** The host side: copies over rectangles in both orders, launches and the command stream, streaming in and out. */
class HostPortTest {
    /** The kernel: 2x2 PEs at (1, 1) of a 4x3 fabric, 3 elements of {@code a} each, 4 streamed values each. */
    static final PeRectangle KERNEL = new PeRectangle(1, 1, 2, 2, 3, false);
    static final int STREAM_COLOR = 2;

    static FabricLayout layout(PeProgram p) {
        FabricLayout l = new FabricLayout(4, 3);
        for (int y = 1; y <= 2; y++) {
            for (int x = 1; x <= 2; x++) {
                l.setTileCode(x, y, p);
            }
        }
        return l;
    }

    static float[] ramp(int n, float step) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = 1 + i * step;
        }
        return v;
    }

    @ParameterizedTest(name = "column-major {0}")
    @ValueSource(booleans = {false, true})
    void copyInPutsEachElementWhereTheOrderSaysAndCopyOutReadsItBack(boolean columnMajor) {
        PeProgram p = Kernels.accumulator(3, STREAM_COLOR, 4);
        Symbol a = p.symbol("a").orElseThrow();
        PeRectangle r = new PeRectangle(1, 1, 2, 2, 3, columnMajor);
        HostArray in = HostArray.ofFloats("in", new int[] {12}, ramp(12, 0.5f));
        try (Wafer w = Wafer.of(ArchProfile.WSE2, layout(p), 1)) {
            w.port().writeSymbol("a", r, in);
            for (int py = 0; py < 2; py++) {
                for (int px = 0; px < 2; px++) {
                    for (int k = 0; k < 3; k++) {
                        int index = columnMajor ? py + 2 * (px + 2 * k) : (py * 2 + px) * 3 + k;
                        byte[] sram = w.fabric().sramOf(w.fabric().pe(1 + px, 1 + py));
                        assertEquals(in.bits()[index], Sram.read(sram, a.address() + 4 * k, ElementType.F32),
                                "element " + k + " of PE (" + (1 + px) + ", " + (1 + py) + ")");
                    }
                }
            }
            HostArray out = w.port().readSymbol("a", r, "out");
            assertEquals(ElementType.F32, out.type());
            assertArrayEquals(in.bits(), out.bits(), "the same order reads back what was written");
            HostArray other = w.port().readSymbol("a", new PeRectangle(1, 1, 2, 2, 3, !columnMajor), "other");
            for (int px = 0; px < 2; px++) {
                for (int py = 0; py < 2; py++) {
                    for (int k = 0; k < 3; k++) {
                        int row = (py * 2 + px) * 3 + k;
                        int col = py + 2 * (px + 2 * k);
                        assertEquals(out.bits()[columnMajor ? col : row], other.bits()[columnMajor ? row : col]);
                    }
                }
            }
        }
    }

    @Test
    void copiesConvertTheHostTypeToTheSymbolType() {
        PeProgram p = Kernels.accumulator(3, STREAM_COLOR, 4);
        try (Wafer w = Wafer.of(ArchProfile.WSE2, layout(p), 1)) {
            PeRectangle one = new PeRectangle(2, 2, 1, 1, 3, false);
            w.port().writeSymbol("a", one, new HostArray("ints", ElementType.I32, new int[] {3}, new int[] {-2, 0, 7}));
            assertArrayEquals(new double[] {-2, 0, 7}, w.port().readSymbol("a", one, "out").values());
        }
    }

    @Test
    void badCopiesAreHostErrorsThatNameWhatIsWrong() {
        PeProgram p = Kernels.accumulator(3, STREAM_COLOR, 4);
        try (Wafer w = Wafer.of(ArchProfile.WSE2, layout(p), 1)) {
            HostArray in = HostArray.ofFloats("in", new int[] {12}, ramp(12, 1));
            String outside = assertThrows(HostException.class,
                    () -> w.port().writeSymbol("a", new PeRectangle(3, 1, 2, 2, 3, false), in)).getMessage();
            assertTrue(outside.contains("outside the 4x3 fabric"), outside);
            String empty = assertThrows(HostException.class,
                    () -> w.port().readSymbol("a", new PeRectangle(0, 0, 1, 1, 1, false), "x")).getMessage();
            assertEquals("PE (0, 0) has no program, so it has no symbol a", empty);
            String unknown = assertThrows(HostException.class,
                    () -> w.port().readSymbol("b", KERNEL, "x")).getMessage();
            assertEquals("PE (1, 1) does not export a symbol named b", unknown);
            String tooMany = assertThrows(HostException.class,
                    () -> w.port().readSymbol("a", new PeRectangle(1, 1, 1, 1, 4, false), "x")).getMessage();
            assertTrue(tooMany.contains("holds 3 elements per PE, not 4"), tooMany);
        }
    }

    static WaferProgram program(PeProgram p, List<HostStep> steps, Map<String, HostArray> arrays) {
        return new WaferProgram("host test", "", "", null, ArchProfile.WSE2, layout(p), arrays, steps, Map.of(), Map.of());
    }

    static double[] doubled(float[] in) {
        double[] d = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            d[i] = in[i] * 2;
        }
        return d;
    }

    @Test
    void theHostWaitsForEveryLaunchedPeToReleaseTheCommandStream() {
        float[] values = ramp(12, 0.25f);
        List<HostStep> steps = List.of(new HostStep.CopyIn("in", "a", KERNEL), new HostStep.Launch("double"),
                new HostStep.CopyOut("a", "out", KERNEL), new HostStep.Check("doubled", "out", doubled(values), 0));
        try (Wafer w = Wafer.load(program(Kernels.accumulator(3, STREAM_COLOR, 4), steps,
                Map.of("in", HostArray.ofFloats("in", new int[] {12}, values))), 1)) {
            RunResult r = w.runToCompletion(10_000);
            assertEquals(WaferStatus.HALTED, r.status(), r.report().toString());
            assertEquals(1, r.checks().size());
            CheckResult c = r.checks().get(0);
            assertTrue(c.pass(), c.describe());
            assertTrue(r.console().stream().anyMatch(l -> l.text().equals("launch double on 4 PE(s)")),
                    r.console().toString());
        }
    }

    /** A kernel that returns from its launch without releasing the command stream, which the host then waits on. */
    static WaferProgram holding() {
        ProgramBuilder b = new ProgramBuilder("hold.csl");
        FunctionBuilder f = b.function("hold", 0);
        f.ret();
        b.exportFunction("hold", f.index());
        return program(b.build(), List.of(new HostStep.Launch("hold"), new HostStep.CopyOut("x", "x", KERNEL)), Map.of());
    }

    @Test
    void aKernelThatNeverReleasesTheStreamLeavesTheHostWaitingAndThatIsADeadlock() {
        try (Wafer w = Wafer.load(holding(), 1)) {
            RunResult r = w.runToCompletion(10_000);
            assertEquals(WaferStatus.DEADLOCK, r.status());
            assertTrue(r.cycles() < 20, "noticed as soon as the fabric went quiet: " + r.cycles());
            assertEquals("deadlock: the fabric is quiet but the host is waiting for unblock_cmd_stream from 4 PE(s)",
                    r.report().get(0));
            assertTrue(r.report().contains("  PE (1, 1) has not called unblock_cmd_stream"), r.report().toString());
            assertTrue(r.report().contains("  PE (2, 2) has not called unblock_cmd_stream"), r.report().toString());
        }
    }

    @Test
    void theHostsStatusIsSaidWholeAndInAFewWordsByTheEngineItself() {
        // the status bar shows the brief when the whole has no room; the view no longer shortens the sentence itself
        try (Wafer w = Wafer.load(holding(), 1)) {
            HostStatus before = w.hostStatus();
            assertEquals("about to launch hold", before.words());
            assertEquals("host: launch hold", before.brief());
            assertEquals("host: about to launch hold", before.line());
            w.runToCompletion(10_000);
            HostStatus held = w.hostStatus();
            assertEquals("waiting for unblock_cmd_stream from 4 PE(s)", held.words());
            assertEquals("host waits for 4 PE(s)", held.brief());
            assertEquals("host: waiting for unblock_cmd_stream from 4 PE(s)", held.line());
        }
        try (Wafer w = Wafer.load(streaming(), 1)) {
            StringBuilder seen = new StringBuilder();
            while (w.status() == WaferStatus.RUNNING && w.cycle() < 10_000) {
                HostStatus s = w.hostStatus();
                if (s.words().startsWith("streaming ")) {
                    assertEquals("host: " + s.words(), s.brief(), "already in a few words");
                    seen.append('s');
                }
                w.advance(1, false, false);
            }
            assertTrue(seen.length() > 0, "the stream was seen under way");
            HostStatus done = w.hostStatus();
            assertTrue(done.done());
            assertEquals("host done", done.brief());
            assertEquals("host done", done.line(), "said once, not \"host: host done\"");
            assertEquals("done", done.words(), "as a report says \"the host is done\"");
        }
    }

    static double[] sums(float[] xs) {
        double[] s = new double[4];
        for (int pe = 0; pe < 4; pe++) {
            float acc = 0;
            for (int k = 0; k < 4; k++) {
                acc += xs[pe * 4 + k];
            }
            s[pe] = acc;
        }
        return s;
    }

    static List<HostStep> streamSteps() {
        PeRectangle in = new PeRectangle(1, 1, 2, 2, 4, false);
        PeRectangle out = new PeRectangle(1, 1, 2, 2, 1, false);
        return List.of(new HostStep.StreamIn("xs", STREAM_COLOR, in),
                new HostStep.StreamOut(Kernels.HOST_OUT, "sums", ElementType.F32, out),
                new HostStep.Check("sums", "sums", sums(ramp(16, 0.125f)), 0));
    }

    static WaferProgram streaming() {
        return program(Kernels.accumulator(3, STREAM_COLOR, 4), streamSteps(),
                Map.of("xs", HostArray.ofFloats("xs", new int[] {16}, ramp(16, 0.125f))));
    }

    @Test
    void streamedWaveletsWakeDataTasksAndWhatTheySendToTheHostIsCollected() {
        try (Wafer w = Wafer.load(streaming(), 1)) {
            RunResult r = w.runToCompletion(10_000);
            assertEquals(WaferStatus.HALTED, r.status(), r.report().toString());
            assertTrue(r.allChecksPass(), r.checks().get(0).describe());
            assertArrayEquals(new double[] {4, 4, 4, 4},
                    w.port().readSymbol("count", new PeRectangle(1, 1, 2, 2, 1, false), "n").values(),
                    "each PE's data task ran once per streamed wavelet");
        }
    }
}
