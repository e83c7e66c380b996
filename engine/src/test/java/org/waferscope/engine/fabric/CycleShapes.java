package org.waferscope.engine.fabric;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.waferscope.engine.api.HostMachine;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.ir.FunctionBuilder;
import org.waferscope.engine.ir.Opcode;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.ir.ProgramBuilder;
import org.waferscope.engine.ir.Symbol;
import org.waferscope.engine.sim.Wafer;

/**
 * What a busy PE-cycle costs by what it does, for issue 14's "a faster PE-cycle"
 * (docs/benchmarks.md, "Session 12: the PE-cycle's shape"). Two measures, each the thread's
 * CPU time divided by the PEs stepped:
 *
 * <ul>
 *   <li>{@code exchange SIDE ROUNDS}: the nearest-neighbour exchange on a SIDE×SIDE fabric,
 *       all PEs in step, one cycle a call (no wavefront passes, so a cycle is one cycle), the
 *       cost of each cycle filed under the instruction the middle PE ran in it: which of the
 *       13 cycles of an iteration cost what, the sends and receives whose wavelets cross the
 *       routers against those where only the CE works;</li>
 *   <li>{@code floor SIDE ROUNDS CYCLES}: every PE runs a loop of scalar instructions
 *       ({@code add.i32}, {@code stg.i32}, {@code jmp}) and sends nothing, stepped CYCLES at a
 *       call as a run steps: what a busy PE-cycle costs when its router and commit have
 *       nothing to do.</li>
 * </ul>
 *
 * <pre>
 * java -Xmx2g -cp engine/target/test-classes:engine/target/classes org.waferscope.engine.fabric.CycleShapes exchange 16 20000
 * java -Xmx2g -cp ... org.waferscope.engine.fabric.CycleShapes floor 32 3000 260
 * </pre>
 *
 * Not a test: a measuring tool run by hand, like the benchmarks. The first fifth of the rounds
 * is dropped while the JIT compiles.
 */
public final class CycleShapes {
    private CycleShapes() {
    }

    public static void main(String[] args) {
        int side = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        System.out.println("CPU: " + HostMachine.cpu());
        if (args[0].equals("floor")) {
            floor(side, rounds, Integer.parseInt(args[3]));
        } else {
            exchange(side, rounds);
        }
    }

    private static final ThreadMXBean CLOCK = ManagementFactory.getThreadMXBean();

    private static void exchange(int side, int rounds) {
        FabricLayout layout = NeighbourExchange.layout(side, side, NeighbourExchange.Options.FOREVER);
        try (Wafer w = Wafer.of(ArchProfile.WSE2, layout, 1)) {
            w.port().launch("start");
            w.stepFabric(30);
            Fabric f = w.fabric();
            int mid = (side / 2) * side + side / 2;
            PeProgram program = f.programs[f.peProgram[mid]];
            int size = program.code().length / Opcode.WIDTH;
            long[] nanos = new long[size];
            long[] calls = new long[size];
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < 13; k++) {
                    int pc = f.pc(mid);
                    long t0 = CLOCK.getCurrentThreadCpuTime();
                    w.stepFabric(1);
                    long t1 = CLOCK.getCurrentThreadCpuTime();
                    if (r >= rounds / 5 && pc >= 0) {
                        nanos[pc] += t1 - t0;
                        calls[pc]++;
                    }
                }
            }
            double iteration = 0;
            int shapes = 0;
            for (int pc = 0; pc < size; pc++) {
                if (calls[pc] > 0) {
                    double perPe = nanos[pc] / (double) calls[pc] / ((long) side * side);
                    iteration += perPe;
                    shapes++;
                    System.out.printf("%-36s %8.1f ns per PE%n", program.disassemble(pc).strip(), perPe);
                }
            }
            System.out.printf("%d cycles: %.1f ns per PE, %.1f ns per PE-cycle%n", shapes, iteration,
                    iteration / Math.max(1, shapes));
        }
    }

    private static void floor(int side, int rounds, int cycles) {
        FabricLayout layout = new FabricLayout(side, side);
        PeProgram program = scalarLoop();
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                layout.setTileCode(x, y, program);
            }
        }
        try (Wafer w = Wafer.of(ArchProfile.WSE2, layout, 1)) {
            w.port().launch("start");
            w.stepFabric(30);
            long nanos = 0;
            long steps = 0;
            for (int r = 0; r < rounds; r++) {
                long t0 = CLOCK.getCurrentThreadCpuTime();
                w.stepFabric(cycles);
                long t1 = CLOCK.getCurrentThreadCpuTime();
                if (r >= rounds / 5) {
                    nanos += t1 - t0;
                    steps++;
                }
            }
            System.out.printf("scalar loop, %dx%d, %d cycles a call: %.1f ns per PE-cycle, state hash %016x%n", side, side,
                    cycles, nanos / (double) steps / cycles / ((long) side * side), w.stateHash());
        }
    }

    /** Every PE counts in a loop and stores its count: busy every cycle, never on the fabric. */
    static PeProgram scalarLoop() {
        ProgramBuilder b = new ProgramBuilder("scalar_loop.csl");
        Symbol count = b.export(b.global("count", ElementType.I32), "count", true);
        FunctionBuilder f = b.function("start", 0);
        int i = f.temp();
        int one = f.temp();
        f.constI32(i, 0).constI32(one, 1);
        FunctionBuilder.Label loop = f.label();
        f.bind(loop);
        f.op(Opcode.ADD, ElementType.I32, i, i, one).storeGlobal(ElementType.I32, count.address(), i).jump(loop);
        f.unblockCmdStream().ret();
        b.exportFunction("start", f.index());
        return b.build();
    }
}
