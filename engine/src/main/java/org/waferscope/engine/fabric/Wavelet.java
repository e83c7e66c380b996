package org.waferscope.engine.fabric;

/**
 * How a wavelet is held in buffers: its 32-bit payload in one int and its metadata in
 * another. Metadata bits: 0..4 color, 5 control bit, 6 "advance this color's switch after
 * this wavelet has passed" (set by a fabout DSD on its last wavelet).
 *
 * <p>A control wavelet's payload, laid out as the SDK's examples build it by hand
 * ({@code benchmarks/25-pt-stencil/switches.csl}, the teardown word {@code 0x9df9249} of
 * {@code benchmark-libs/allreduce}): bits 0..15 data, 16..21 the control task id to
 * activate (31: none), and up to eight switch commands, one for each router the wavelet
 * passes while routers pop them. Each command is a 2-bit opcode and a "keep it from the CE"
 * bit; command 0 (the one the next router acts on) is opcode 22..23 and bit 24, command 1 is
 * 25..26 and 27, command 2 is 28..29 and bit 0, and command k from 3 on is bits 3k-8..3k-7
 * and 3k-6. Commands 2..7 share bits with the data, so a wavelet carries either data or
 * more than two commands. Popping a command moves the others down one place.
 */
public final class Wavelet {
    private Wavelet() {
    }

    public static final int CONTROL = 1 << 5;
    public static final int ADVANCE_AFTER = 1 << 6;

    public static final int OP_NONE = 0;
    public static final int OP_SWITCH_ADVANCE = 1;
    public static final int OP_SWITCH_RESET = 2;
    public static final int OP_TEARDOWN = 3;

    public static int meta(int color, boolean control) {
        return color | (control ? CONTROL : 0);
    }

    public static int color(int meta) {
        return meta & 0x1F;
    }

    public static boolean isControl(int meta) {
        return (meta & CONTROL) != 0;
    }

    /**
     * A payload with one switch command: {@code opcode} and {@code ceIgnore} for the first
     * router, and a NOP with the same {@code ceIgnore} for the routers after one that pops
     * it, so they keep it from their CEs alike.
     */
    public static int controlPayload(int opcode, boolean ceIgnore, int entrypoint, int data) {
        int ignore = ceIgnore ? 1 : 0;
        return (data & 0xFFFF) | ((entrypoint & 0x3F) << 16) | ((opcode & 3) << 22) | (ignore << 24) | (ignore << 27);
    }

    /** The opcode of the command the next router acts on. */
    public static int controlOpcode(int payload) {
        return (payload >>> 22) & 3;
    }

    /** Whether the next router keeps this wavelet from its CE. */
    public static boolean controlCeIgnore(int payload) {
        return (payload & (1 << 24)) != 0;
    }

    /** Bit of command {@code k}'s opcode (its low bit) and of its keep-from-CE flag. */
    private static int opBit(int k) {
        return k < 3 ? 22 + 3 * k : 3 * k - 8;
    }

    private static int ceBit(int k) {
        return k < 2 ? 24 + 3 * k : k == 2 ? 0 : 3 * k - 6;
    }

    /** Command {@code k} (0..7) as 3 bits: opcode in bits 0..1, keep-from-CE in bit 2. */
    public static int command(int payload, int k) {
        return ((payload >>> opBit(k)) & 3) | ((payload >>> ceBit(k)) & 1) << 2;
    }

    /** A payload of eight commands (3 bits each, as {@link #command}), entry point and nothing else. */
    public static int commands(int[] cmds, int entrypoint) {
        int w = (entrypoint & 0x3F) << 16;
        for (int k = 0; k < cmds.length && k < 8; k++) {
            w |= (cmds[k] & 3) << opBit(k) | ((cmds[k] >>> 2) & 1) << ceBit(k);
        }
        return w;
    }

    /**
     * The payload after a router popped command 0: commands 1..7 move down one place and
     * the last becomes a NOP that keeps its keep-from-CE flag. The entry point and bits 30..31
     * stay.
     */
    public static int popCommand(int payload) {
        int w = payload & (0x3F << 16 | 3 << 30);
        for (int k = 0; k < 7; k++) {
            int c = command(payload, k + 1);
            w |= (c & 3) << opBit(k) | ((c >>> 2) & 1) << ceBit(k);
        }
        return w | ((payload >>> ceBit(7)) & 1) << ceBit(7);
    }

    public static int controlEntrypoint(int payload) {
        return (payload >>> 16) & 0x3F;
    }

    public static int controlData(int payload) {
        return payload & 0xFFFF;
    }

    /** The 16-bit index carried in a payload's high half. */
    public static int index(int payload) {
        return payload >>> 16;
    }
}
