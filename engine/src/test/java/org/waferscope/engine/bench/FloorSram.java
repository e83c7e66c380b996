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
 * With {@link FloorFeature#SRAM_WORDS} the same SRAM is an int array per PE, word-addressed:
 * what an engine keeping SRAM as words would pay instead.
 */
final class FloorSram {
    /** The task's frame: the start's three words, then the program's temporaries the kernel uses. */
    private static final int SLOT_COUNT = 3;
    private static final int SLOT_ONE = 4;

    /** Per PE of the rectangle, its SRAM, as the engine's {@code Fabric.sram}; null when {@link #words}. */
    final byte[][] m;
    /** Per PE, its SRAM as 32-bit words, an address's word at address / 4, when {@link FloorFeature#SRAM_WORDS}; else null. */
    final int[][] words;
    /** Addresses of the program's globals and its frame. */
    final int x;
    final int acc;
    final int iterations;
    final int fp;

    FloorSram(int pes, boolean asWords) {
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
        byte[] image = Arrays.copyOf(program.dataImage(), bytes);
        m = asWords ? null : new byte[pes][];
        words = asWords ? new int[pes][] : null;
        for (int p = 0; p < pes; p++) {
            if (asWords) {
                words[p] = new int[bytes / 4];
                for (int k = 0; k < bytes / 4; k++) {
                    words[p][k] = Sram.readInt(image, 4 * k);
                }
            } else {
                m[p] = image.clone();
            }
        }
    }

    /** The prelude's last instructions: the count's slots set and x stored. */
    void start(int p, int startX) {
        if (words != null) {
            int[] s = words[p];
            s[fp / 4 + SLOT_COUNT] = 0;
            s[fp / 4 + SLOT_ONE] = 1;
            s[x >>> 2] = startX;
            return;
        }
        byte[] s = m[p];
        Sram.writeInt(s, fp + 4 * SLOT_COUNT, 0);
        Sram.writeInt(s, fp + 4 * SLOT_ONE, 1);
        Sram.writeInt(s, x, startX);
    }

    int readX(int p) {
        return words != null ? words[p][x >>> 2] : Sram.readInt(m[p], x);
    }

    int readAcc(int p) {
        return words != null ? words[p][acc >>> 2] : Sram.readInt(m[p], acc);
    }

    int readIterations(int p) {
        return words != null ? words[p][iterations >>> 2] : Sram.readInt(m[p], iterations);
    }

    /** {@code @fmovs} of x into acc. */
    void fmovs(int p) {
        if (words != null) {
            int[] s = words[p];
            s[acc >>> 2] = s[x >>> 2];
            return;
        }
        byte[] s = m[p];
        Sram.writeInt(s, acc, Sram.readInt(s, x));
    }

    /** The receive's {@code @fadds}: acc plus a wavelet's payload. */
    void fadds(int p, int payload) {
        if (words != null) {
            int[] s = words[p];
            s[acc >>> 2] = sum(s[acc >>> 2], payload);
            return;
        }
        byte[] s = m[p];
        Sram.writeInt(s, acc, sum(Sram.readInt(s, acc), payload));
    }

    private static int sum(int a, int b) {
        return Float.floatToRawIntBits(Float.intBitsToFloat(a) + Float.intBitsToFloat(b));
    }

    private static int fifth(int a) {
        return Float.floatToRawIntBits(Float.intBitsToFloat(a) * 0.2f);
    }

    /** {@code @fmuls} x = acc * 0.2. */
    void fmuls(int p) {
        if (words != null) {
            int[] s = words[p];
            s[x >>> 2] = fifth(s[acc >>> 2]);
            return;
        }
        byte[] s = m[p];
        Sram.writeInt(s, x, fifth(Sram.readInt(s, acc)));
    }

    /** {@code add} of the count's slots, as the engine's common path does (operands read, then written). */
    void add(int p) {
        if (words != null) {
            int[] s = words[p];
            s[fp / 4 + SLOT_COUNT] += s[fp / 4 + SLOT_ONE];
            return;
        }
        byte[] s = m[p];
        int a = fp + 4 * SLOT_COUNT;
        Sram.writeInt(s, a, Sram.readInt(s, a) + Sram.readInt(s, fp + 4 * SLOT_ONE));
    }

    /** {@code stg} of the count to the global, its alignment checked as the engine's common path checks it. */
    void stg(int p) {
        int limit = words != null ? 4 * words[p].length : m[p].length;
        if ((iterations & 3) != 0 || iterations > limit - 4) {
            throw new IllegalStateException("a global store outside the SRAM");
        }
        if (words != null) {
            int[] s = words[p];
            s[iterations >>> 2] = s[fp / 4 + SLOT_COUNT];
            return;
        }
        byte[] s = m[p];
        Sram.writeInt(s, iterations, Sram.readInt(s, fp + 4 * SLOT_COUNT));
    }
}
