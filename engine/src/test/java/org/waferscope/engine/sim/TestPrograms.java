package org.waferscope.engine.sim;

import java.util.List;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.arch.Direction;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.fabric.ColorConfig;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.fabric.RoutePosition;
import org.waferscope.engine.ir.Dsd;
import org.waferscope.engine.ir.DsdOpKind;
import org.waferscope.engine.ir.DsdOperand;
import org.waferscope.engine.ir.FunctionBuilder;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.ir.PrintFormat;
import org.waferscope.engine.ir.ProgramBuilder;
import org.waferscope.engine.ir.Symbol;

/** Programs built in code for engine tests, before and beside the CSL front end. */
final class TestPrograms {
    private TestPrograms() {
    }

    static final int N = Direction.NORTH.bit();
    static final int S = Direction.SOUTH.bit();
    static final int E = Direction.EAST.bit();
    static final int W = Direction.WEST.bit();
    static final int R = Direction.RAMP.bit();

    /** Sends {@code count} wavelets 100, 101, ... on {@code color} through output queue 0, then releases the host. */
    static PeProgram sender(int color, int count) {
        ProgramBuilder b = new ProgramBuilder("sender.csl");
        FunctionBuilder f = b.function("start", 0);
        int dsd = f.temps(4);
        int v = f.temp();
        int one = f.temp();
        int i = f.temp();
        int cond = f.temp();
        int n = f.temp();
        f.loadConstant(dsd, Dsd.fabout(color, 0, 1, 0)).constI32(v, 100).constI32(one, 1).constI32(i, 0)
                .constI32(n, count);
        FunctionBuilder.Label loop = f.label();
        FunctionBuilder.Label end = f.label();
        f.bind(loop).op(org.waferscope.engine.ir.Opcode.LT, ElementType.I32, cond, i, n).jumpIfZero(cond, end);
        f.dsdOp(DsdOpKind.MOV32, DsdOperand.dsd(dsd), DsdOperand.scalar(v));
        f.op(org.waferscope.engine.ir.Opcode.ADD, ElementType.I32, v, v, one);
        f.op(org.waferscope.engine.ir.Opcode.ADD, ElementType.I32, i, i, one).jump(loop);
        f.bind(end).unblockCmdStream().ret();
        b.exportFunction("start", f.index()).outputQueue(0);
        return b.build();
    }

    /**
     * A data task on {@code color} that prints the cycle and payload and adds it to global
     * {@code sum}; it releases the host's command stream once the sum reaches {@code releaseAt}.
     * Exports an empty {@code start} so that a launch includes it.
     */
    static PeProgram receiver(int color, int releaseAt) {
        ProgramBuilder b = new ProgramBuilder("receiver.csl");
        Symbol sum = b.global("sum", ElementType.I32);
        b.export(sum, "sum", true);
        FunctionBuilder f = b.function("recv", 1);
        int c = f.temp();
        int s = f.temp();
        int args = f.temps(2);
        f.cycle(c).mov(args, f.arg(0)).mov(args + 1, c);
        f.print(new PrintFormat("got {d} at {d}", List.of(ElementType.I32, ElementType.I32)), args, 2);
        f.loadGlobal(ElementType.I32, s, sum.address()).op(org.waferscope.engine.ir.Opcode.ADD, ElementType.I32, s, s,
                f.arg(0)).storeGlobal(ElementType.I32, sum.address(), s);
        int target = f.temp();
        int done = f.temp();
        FunctionBuilder.Label notYet = f.label();
        f.constI32(target, releaseAt).op(org.waferscope.engine.ir.Opcode.EQ, ElementType.I32, done, s, target)
                .jumpIfZero(done, notYet).unblockCmdStream().bind(notYet).ret();
        b.dataTask(color, f, color, 0);
        FunctionBuilder start = b.function("start", 0);
        start.ret();
        b.exportFunction("start", start.index());
        return b.build();
    }

    /** A 4x1 chain: PE 0 sends on color 0, PEs 1..3 each receive; the color is multicast RAMP + EAST. */
    static FabricLayout broadcastChain(int width, int count) {
        FabricLayout l = new FabricLayout(width, 1);
        l.setTileCode(0, 0, sender(0, count));
        l.setColorConfig(0, 0, 0, ColorConfig.route(R, E));
        PeProgram rx = receiver(0, 100 * count + count * (count - 1) / 2);
        for (int x = 1; x < width; x++) {
            l.setTileCode(x, 0, rx);
            l.setColorConfig(x, 0, 0, ColorConfig.route(W, x == width - 1 ? R : R | E));
        }
        return l;
    }

    static ColorConfig switched(List<RoutePosition> positions, boolean ring) {
        return new ColorConfig(positions, 0, ring, -1, -1);
    }

    static Wafer wafer(FabricLayout l, int threads) {
        return Wafer.of(ArchProfile.WSE2, l, threads);
    }
}
