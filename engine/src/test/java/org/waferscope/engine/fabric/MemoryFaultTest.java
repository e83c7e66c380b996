package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.ConsoleLine;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.ir.Dsd;
import org.waferscope.engine.ir.DsdOpKind;
import org.waferscope.engine.ir.DsdOperand;
import org.waferscope.engine.ir.FunctionBuilder;
import org.waferscope.engine.ir.Opcode;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.ir.ProgramBuilder;
import org.waferscope.engine.ir.SourcePos;
import org.waferscope.engine.ir.Symbol;
import org.waferscope.engine.sim.Wafer;
import org.waferscope.engine.sim.WaferStatus;

/** SRAM limits: a program that does not fit is refused at build; an access outside SRAM is a fault naming its source. */
class MemoryFaultTest {

    /** A program whose only global is a byte array of {@code bytes}, plus a small function. */
    private static PeProgram withData(String name, int bytes) {
        ProgramBuilder b = new ProgramBuilder(name);
        b.global("big", ElementType.U8, new int[] {bytes}, SourcePos.UNKNOWN);
        FunctionBuilder f = b.function("start", 0);
        int t = f.temp();
        f.constI32(t, 1).unblockCmdStream().ret();
        b.exportFunction("start", f.index());
        return b.build();
    }

    private static FabricLayout on2x1(PeProgram p) {
        FabricLayout l = new FabricLayout(2, 1);
        l.setTileCode(1, 0, p);
        return l;
    }

    @Test
    void aProgramThatFillsSramExactlyBuildsAndOneMoreWordIsAClearError() {
        ArchProfile wse2 = ArchProfile.WSE2;
        int probe = withData("big.csl", 1000).sramBytes(wse2);
        int exact = 1000 + wse2.sramBytes() - probe;
        PeProgram fits = withData("big.csl", exact);
        assertEquals(48 * 1024, fits.sramBytes(wse2));
        try (Wafer w = Wafer.of(wse2, on2x1(fits), 1)) {
            assertEquals(fits.residentBytes(), w.fabric().sramOf(1).length, "code is charged but not stored per PE");
        }
        PeProgram over = withData("big.csl", exact + 4);
        FabricException e = assertThrows(FabricException.class, () -> Wafer.of(wse2, on2x1(over), 1));
        assertEquals(1, e.problems().size(), e.problems().toString());
        String msg = e.getMessage();
        assertTrue(msg.contains("program big.csl needs 49,156 bytes of SRAM") && msg.contains("but a PE has 49,152"), msg);
        assertTrue(msg.contains(String.format("(code %,d + data %,d + stack %,d)", over.codeBytes(wse2),
                over.dataBytes(), over.stackBytes())), "says where the bytes go: " + msg);
    }

    /** Runs {@code p} on PE (1, 0) until it stops and returns the wafer. */
    private static Wafer runToFault(PeProgram p) {
        Wafer w = Wafer.of(ArchProfile.WSE2, on2x1(p), 1);
        w.port().launch("start");
        w.advance(1_000, false, false);
        return w;
    }

    @Test
    void aLoadOutsideSramFaultsAndNamesThePeAndTheSourcePosition() {
        ProgramBuilder b = new ProgramBuilder("oob.csl");
        FunctionBuilder f = b.function("start", 0);
        int addr = f.temp();
        int v = f.temp();
        f.at(6, 5).constI32(addr, 60_000).at(7, 3).loadIndirect(ElementType.I32, v, addr, 4).at(8, 3)
                .unblockCmdStream().ret();
        b.exportFunction("start", f.index());
        try (Wafer w = runToFault(b.build())) {
            assertEquals(WaferStatus.FAULTED, w.status());
            String fault = w.fabric().faultOf(1);
            assertTrue(fault.startsWith("load of i32 at address 0xEA64 is outside the 16 bytes of data and stack") && fault.endsWith(
                    "at oob.csl:7:3"), fault);
            assertEquals(List.of("fault at PE (1, 0): " + fault), w.report());
            ConsoleLine line = w.console().since(0, 10).stream().filter(l -> l.kind() == ConsoleLine.Kind.ERROR)
                    .findFirst().orElseThrow();
            assertEquals(1, line.x());
            assertEquals(0, w.port().releasedCount(), "the faulting PE stops");
        }
    }

    @Test
    void aVectorAccessOutsideSramFaultsAtTheVectorOp() {
        ProgramBuilder b = new ProgramBuilder("oob_dsd.csl");
        Symbol a = b.global("a", ElementType.F32, new int[] {4}, SourcePos.UNKNOWN);
        FunctionBuilder f = b.function("start", 0);
        int dsd = f.temps(4);
        f.loadConstant(dsd, Dsd.mem1d(a.address(), 4000, 4));
        f.at(12, 9).dsdOp(DsdOpKind.FADDS, DsdOperand.options(false, DsdOperand.NO_TASK, DsdOperand.NO_TASK),
                DsdOperand.dsd(dsd), DsdOperand.dsd(dsd), DsdOperand.dsd(dsd), DsdOperand.NONE);
        f.at(13, 1).unblockCmdStream().ret();
        b.exportFunction("start", f.index());
        try (Wafer w = runToFault(b.build())) {
            assertEquals(WaferStatus.FAULTED, w.status());
            String fault = w.fabric().faultOf(1);
            assertTrue(fault.startsWith("vector access at address") && fault.endsWith("at oob_dsd.csl:12:9"), fault);
        }
    }

    /**
     * An async op faults on its microthread cycles after the instruction that started it,
     * while the CE runs other code: the fault must still name the async op's position.
     */
    @Test
    void anAsyncVectorAccessOutsideSramNamesTheAsyncOpNotWhereTheCeHappensToBe() {
        ProgramBuilder b = new ProgramBuilder("oob_async.csl");
        Symbol a = b.global("a", ElementType.F32, new int[] {4}, SourcePos.UNKNOWN);
        FunctionBuilder f = b.function("start", 0);
        int dsd = f.temps(4);
        int i = f.temp();
        int one = f.temp();
        f.loadConstant(dsd, Dsd.mem1d(a.address(), 4000, 4)).constI32(i, 100).constI32(one, 1);
        f.at(20, 5).dsdOp(DsdOpKind.FMOVS, DsdOperand.options(true, DsdOperand.NO_TASK, DsdOperand.NO_TASK),
                DsdOperand.dsd(dsd), DsdOperand.dsd(dsd), DsdOperand.NONE, DsdOperand.NONE);
        FunctionBuilder.Label loop = f.label();
        f.at(21, 5).bind(loop).op(Opcode.SUB, ElementType.I32, i, i, one).jumpIfNotZero(i, loop);
        f.at(22, 5).unblockCmdStream().ret();
        b.exportFunction("start", f.index());
        try (Wafer w = runToFault(b.build())) {
            assertEquals(WaferStatus.FAULTED, w.status());
            String fault = w.fabric().faultOf(1);
            assertTrue(fault.startsWith("vector access at address") && fault.endsWith("at oob_async.csl:20:5"), fault);
        }
    }

    @Test
    void aStoreOutsideSramFaults() {
        ProgramBuilder b = new ProgramBuilder("oob_store.csl");
        FunctionBuilder f = b.function("start", 0);
        int addr = f.temp();
        f.constI32(addr, -8).at(3, 1).storeIndirect(ElementType.U16, addr, 0, addr).unblockCmdStream().ret();
        b.exportFunction("start", f.index());
        try (Wafer w = runToFault(b.build())) {
            String fault = w.fabric().faultOf(1);
            assertTrue(fault.startsWith("store of u16 at address 0xFFFFFFF8") && fault.endsWith("at oob_store.csl:3:1"),
                    fault);
        }
    }
}
