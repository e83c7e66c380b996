package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.host.HostArray;
import org.waferscope.engine.host.HostStep;
import org.waferscope.engine.host.PeRectangle;
import org.waferscope.engine.ir.Dsd;
import org.waferscope.engine.ir.DsdOpKind;
import org.waferscope.engine.ir.DsdOperand;
import org.waferscope.engine.ir.FunctionBuilder;
import org.waferscope.engine.ir.ProgramBuilder;
import org.waferscope.engine.ir.SourcePos;
import org.waferscope.engine.ir.Symbol;
import org.waferscope.engine.program.WaferProgram;

/**
 * A FIFO decouples an incoming stream from compute: one microthread fills it from the host's
 * stream, another drains it, adds one, and streams the result back to the host.
 */
class FifoTest {
    private static final int HOST_COLOR = 24;
    private static final int OUT_COLOR = 26;

    private static WaferProgram fifoPipeline(int n, int capacity) {
        ProgramBuilder b = new ProgramBuilder("fifo.csl");
        int[] fifo = b.fifo("buf", ElementType.F32, capacity, SourcePos.UNKNOWN);
        FunctionBuilder start = b.function("start", 0);
        int fifoDsd = start.temps(4);
        int in = start.temps(4);
        int mem = start.temps(4);
        int one = start.temp();
        start.loadConstant(fifoDsd, fifo).loadConstant(in, Dsd.fabin(HOST_COLOR, 0, n))
                .loadConstant(mem, Dsd.fabout(OUT_COLOR, 0, n, 0)).constF32(one, 1f);
        start.dsdOp(DsdOpKind.FMOVS, DsdOperand.options(true, DsdOperand.NO_TASK, DsdOperand.NO_TASK),
                DsdOperand.dsd(fifoDsd), DsdOperand.dsd(in), DsdOperand.NONE, DsdOperand.NONE);
        start.dsdOp(DsdOpKind.FADDS, DsdOperand.options(true, DsdOperand.NO_TASK, DsdOperand.NO_TASK),
                DsdOperand.dsd(mem), DsdOperand.dsd(fifoDsd), DsdOperand.scalar(one), DsdOperand.NONE);
        start.unblockCmdStream().ret();
        b.exportFunction("start", start.index()).inputQueue(0, HOST_COLOR).outputQueue(0);
        FabricLayout l = new FabricLayout(1, 1);
        l.setTileCode(0, 0, b.build());
        float[] x = new float[n];
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i * 0.5f;
            expected[i] = x[i] + 1f;
        }
        PeRectangle one1 = new PeRectangle(0, 0, 1, 1, n, false);
        List<HostStep> steps = List.of(new HostStep.Launch("start"), new HostStep.StreamIn("x", HOST_COLOR, one1),
                new HostStep.StreamOut(OUT_COLOR, "y", ElementType.F32, one1), new HostStep.Check("y", "y", expected, 0));
        return new WaferProgram("fifo", "", "", null, ArchProfile.WSE2, l,
                Map.of("x", HostArray.ofFloats("x", new int[] {n}, x)), steps, Map.of(), Map.of());
    }

    @Test
    void aFifoSmallerThanTheStreamPassesEveryElementThrough() {
        // 10 elements fit the input queue (6), the FIFO (3) and the output queue (2) while the
        // host is still streaming in and not yet collecting.
        try (Wafer w = Wafer.load(fifoPipeline(10, 3), 1)) {
            RunResult r = w.runToCompletion(10_000);
            assertEquals(WaferStatus.HALTED, r.status(), String.join("\n", r.report()));
            assertEquals(1, r.checks().size());
            assertEquals(true, r.checks().get(0).pass(), r.checks().get(0).describe());
        }
    }

    @Test
    void aStreamLargerThanEveryBufferTogetherDeadlocksAndSaysWhy() {
        try (Wafer w = Wafer.load(fifoPipeline(40, 3), 1)) {
            RunResult r = w.runToCompletion(10_000);
            assertEquals(WaferStatus.DEADLOCK, r.status());
            String report = String.join("\n", r.report());
            org.junit.jupiter.api.Assertions.assertTrue(report.contains("streaming"), report);
            org.junit.jupiter.api.Assertions.assertTrue(report.contains("microthread"), report);
        }
    }

    @Test
    void theSameRunOnDifferentThreadCountsEndsInTheSameState() {
        long[] hashes = new long[2];
        for (int t = 1; t <= 2; t++) {
            try (Wafer w = Wafer.load(fifoPipeline(10, 3), t)) {
                hashes[t - 1] = w.runToCompletion(10_000).stateHash();
            }
        }
        assertArrayEquals(new long[] {hashes[0], hashes[0]}, hashes);
    }
}
