package org.waferscope.engine.bench;

import java.util.Arrays;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.fabric.Sram;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.ir.PeProgram;

/**
 * A {@link ModelFloor} feature ({@link FloorFeature#SRAM_BYTES}), part of the CE step that
 * session 18 left unitemised: the PE's values where the engine keeps them, in a byte array
 * per PE laid out as the exchange's program lays its SRAM out (its data image, then the
 * task's frame), read and written through the engine's little-endian {@link Sram} accessors.
 * x, acc and the iteration count are its globals; the count is kept in a frame slot, bumped by
 * the program's {@code add} from a slot holding 1 and stored by {@code stg}, as the program does.
 */
final class FloorSram {
    /** The task's frame: the start's three words, then the program's temporaries the kernel uses. */
    private static final int SLOT_COUNT = 3;
    private static final int SLOT_ONE = 4;

    /** Per PE of the rectangle, its SRAM, as the engine's {@code Fabric.sram}. */
    final byte[][] m;
    /** Addresses of the program's globals and its frame. */
    final int x;
    final int acc;
    final int iterations;
    final int fp;

    FloorSram(int pes) {
        FabricLayout l = NeighbourExchange.layout(3, 3, NeighbourExchange.Options.FOREVER);
        PeProgram program = l.program(l.programOf(4));   // the middle PE's: every link
        x = program.symbol("x").orElseThrow().address();
        acc = program.symbol("acc").orElseThrow().address();
        iterations = program.symbol("iterations").orElseThrow().address();
        fp = (program.dataBytes() + 3) & ~3;
        int bytes = fp + ((program.stackBytes() + 3) & ~3);
        if (fp + 4 * (SLOT_ONE + 1) > bytes) {
            throw new IllegalStateException("the exchange's frame has no room for the kernel's slots");
        }
        m = new byte[pes][];
        for (int p = 0; p < pes; p++) {
            m[p] = Arrays.copyOf(program.dataImage(), bytes);
        }
    }

    /** The prelude's last instructions: the count's slots set and x stored. */
    void start(int p, int startX) {
        byte[] s = m[p];
        Sram.writeInt(s, fp + 4 * SLOT_COUNT, 0);
        Sram.writeInt(s, fp + 4 * SLOT_ONE, 1);
        Sram.writeInt(s, x, startX);
    }

    int readX(int p) {
        return Sram.readInt(m[p], x);
    }

    int readAcc(int p) {
        return Sram.readInt(m[p], acc);
    }

    int readIterations(int p) {
        return Sram.readInt(m[p], iterations);
    }

    /** {@code @fmovs} of x into acc. */
    void fmovs(int p) {
        byte[] s = m[p];
        Sram.writeInt(s, acc, Sram.readInt(s, x));
    }

    /** The receive's {@code @fadds}: acc plus a wavelet's payload. */
    void fadds(int p, int payload) {
        byte[] s = m[p];
        Sram.writeInt(s, acc, Float.floatToRawIntBits(Float.intBitsToFloat(Sram.readInt(s, acc))
                + Float.intBitsToFloat(payload)));
    }

    /** {@code @fmuls} x = acc * 0.2. */
    void fmuls(int p) {
        byte[] s = m[p];
        Sram.writeInt(s, x, Float.floatToRawIntBits(Float.intBitsToFloat(Sram.readInt(s, acc)) * 0.2f));
    }

    /** {@code add} of the count's slots, as the engine's common path does (operands read, then written). */
    void add(int p) {
        byte[] s = m[p];
        int a = fp + 4 * SLOT_COUNT;
        Sram.writeInt(s, a, Sram.readInt(s, a) + Sram.readInt(s, fp + 4 * SLOT_ONE));
    }

    /** {@code stg} of the count to the global, its alignment checked as the engine's common path checks it. */
    void stg(int p) {
        byte[] s = m[p];
        if ((iterations & 3) != 0 || iterations > s.length - 4) {
            throw new IllegalStateException("a global store outside the SRAM");
        }
        Sram.writeInt(s, iterations, Sram.readInt(s, fp + 4 * SLOT_COUNT));
    }
}
