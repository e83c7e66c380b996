package org.waferscope.engine.fabric;

/**
 * How a wavelet is held in buffers: its 32-bit payload in one int and its metadata in
 * another. Metadata bits: 0..4 color, 5 control bit, 6 "advance this color's switch after
 * this wavelet has passed" (set by a fabout DSD on its last wavelet).
 *
 * <p>A control wavelet's payload (our documented encoding of the {@code <control>}
 * module): bits 0..15 data, 16..21 the control task id to activate, 22 "keep it from the
 * CE" (ce_ignore), 24..25 the switch opcode.
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

    public static int controlPayload(int opcode, boolean ceIgnore, int entrypoint, int data) {
        return (data & 0xFFFF) | ((entrypoint & 0x3F) << 16) | (ceIgnore ? 1 << 22 : 0) | ((opcode & 3) << 24);
    }

    public static int controlOpcode(int payload) {
        return (payload >>> 24) & 3;
    }

    public static boolean controlCeIgnore(int payload) {
        return (payload & (1 << 22)) != 0;
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
