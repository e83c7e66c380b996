package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.ir.FunctionBuilder;
import org.waferscope.engine.ir.Opcode;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.ir.ProgramBuilder;
import org.waferscope.engine.ir.Symbol;
import org.waferscope.engine.sim.Wafer;
import org.waferscope.engine.sim.WaferStatus;

/**
 * The instructions {@link Interpreter#common} does itself (32-bit integer arithmetic, 4-byte
 * loads and stores of globals, jumps) give what the general path gives, and those it leaves
 * to {@link Interpreter#execute} (narrow types, a misaligned store) still come out as before.
 */
class InterpreterCommonTest {
    private static final int X = 0x7FFF_FFF0;
    private static final int Y = 0x35;

    /** A 1x1 wafer running {@code p}, its {@code start} launched. */
    private static Wafer launchedAlone(PeProgram p) {
        FabricLayout l = new FabricLayout(1, 1);
        l.setTileCode(0, 0, p);
        Wafer w = Wafer.of(ArchProfile.WSE2, l, 1);
        w.port().launch("start");
        return w;
    }

    @Test
    void integerOpsLoadsStoresAndJumpsGiveWhatTheGeneralPathGives() {
        ProgramBuilder b = new ProgramBuilder("common.csl");
        int[] ops = {Opcode.ADD, Opcode.SUB, Opcode.AND, Opcode.OR, Opcode.XOR};
        ElementType[] types = {ElementType.I32, ElementType.U32, ElementType.I16, ElementType.U8, ElementType.F32};
        Symbol[][] out = new Symbol[ops.length][types.length];
        for (int o = 0; o < ops.length; o++) {
            for (int t = 0; t < types.length; t++) {
                out[o][t] = b.global("r" + o + "_" + t, ElementType.I32);
            }
        }
        Symbol copied = b.global("copied", ElementType.I32);
        Symbol turns = b.global("turns", ElementType.U32);
        FunctionBuilder f = b.function("start", 0);
        int x = f.temp();
        int y = f.temp();
        int r = f.temp();
        f.constI32(x, X).constI32(y, Y);
        for (int o = 0; o < ops.length; o++) {
            for (int t = 0; t < types.length; t++) {
                if (types[t] == ElementType.F32 && ops[o] != Opcode.ADD && ops[o] != Opcode.SUB) {
                    continue;   // no bitwise ops on floats
                }
                f.op(ops[o], types[t], r, x, y).storeGlobal(ElementType.I32, out[o][t].address(), r);
            }
        }
        // a global read back (ldg) and a loop of jnz and jz counting three turns
        int n = f.temp();
        int one = f.temp();
        int count = f.temp();
        f.loadGlobal(ElementType.I32, r, out[0][0].address()).storeGlobal(ElementType.I32, copied.address(), r);
        f.constI32(n, 3).constI32(one, 1).constI32(count, 0);
        FunctionBuilder.Label loop = f.label();
        FunctionBuilder.Label done = f.label();
        f.bind(loop).jumpIfZero(n, done).op(Opcode.SUB, ElementType.I32, n, n, one)
                .op(Opcode.ADD, ElementType.U32, count, count, one).jumpIfNotZero(one, loop);
        f.bind(done).storeGlobal(ElementType.U32, turns.address(), count).unblockCmdStream().ret();
        b.exportFunction("start", f.index());
        try (Wafer w = launchedAlone(b.build())) {
            w.stepFabric(200);
            assertEquals(1, w.port().releasedCount(), "the program ran to its end: " + w.fabric().faultOf(0));
            byte[] m = w.fabric().sram[0];
            for (int o = 0; o < ops.length; o++) {
                for (int t = 0; t < types.length; t++) {
                    if (types[t] == ElementType.F32 && ops[o] != Opcode.ADD && ops[o] != Opcode.SUB) {
                        continue;
                    }
                    int expected = Alu.binary(ops[o], types[t], X, Y);
                    assertEquals(expected, Sram.readInt(m, out[o][t].address()),
                            Opcode.name(ops[o]) + " on " + types[t]);
                }
            }
            assertEquals(X + Y, Sram.readInt(m, out[0][0].address()), "i32 add wraps");
            assertEquals((short) (X + Y), Sram.readInt(m, out[0][2].address()), "i16 add is cut to 16 bits");
            assertEquals(X + Y, Sram.readInt(m, copied.address()));
            assertEquals(3, Sram.readInt(m, turns.address()));
        }
    }

    @Test
    void aMisalignedStoreOfFourBytesFaultsAsTheGeneralPathSays() {
        ProgramBuilder b = new ProgramBuilder("misaligned.csl");
        b.global("a", ElementType.I32);
        b.global("b", ElementType.I32);
        FunctionBuilder f = b.function("start", 0);
        int v = f.temp();
        f.constI32(v, 7).at(4, 2).storeGlobal(ElementType.I32, 2, v).unblockCmdStream().ret();
        b.exportFunction("start", f.index());
        try (Wafer w = launchedAlone(b.build())) {
            w.advance(100, false, false);
            assertEquals(WaferStatus.FAULTED, w.status());
            String fault = w.fabric().faultOf(0);
            assertTrue(fault.startsWith("store of i32 at address 0x2 is outside the")
                    && fault.endsWith("at misaligned.csl:4:2"), fault);
        }
    }
}
