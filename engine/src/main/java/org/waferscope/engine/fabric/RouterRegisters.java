package org.waferscope.engine.fabric;

/**
 * The router's configuration registers as a PE program reads and writes them through a
 * pointer, as {@code spmv-hypersparse}'s allreduce does in place of {@code <tile_config>}.
 * The SDK publishes no register map; what is here is read off the constants that program
 * names, and nothing more:
 *
 * <ul>
 * <li>word {@code 0x7f20 + color} (byte address {@code 0xfe40 + 2 color}): position 0 of the
 *     color's route, outputs in bits 0..4 (WEST, EAST, SOUTH, NORTH, RAMP) and inputs in
 *     bits 5..9 in the same order;</li>
 * <li>word {@code 0x7f40 + color} (byte address {@code 0xfe80 + 2 color}): bits 0..2 say what
 *     position 1 does, 4 "accept from RAMP" and 5 "invalid"; bits 13..14 are the current
 *     switch position. Position 1 takes another input only: it sends where position 0 sends,
 *     also after position 0 is rewritten.</li>
 * </ul>
 * Other bits read as 0 and are ignored when written. A write is a route edit
 * ({@link RouteEdits}): ports without a link are dropped.
 */
final class RouterRegisters {
    private RouterRegisters() {
    }

    static final int ROUTE_BASE = 0x7f20 * 2;
    static final int SWITCH_BASE = 0x7f40 * 2;
    private static final int END = SWITCH_BASE + 2 * 32;

    /** Register bit order W, E, S, N, RAMP, as Direction ordinals (N 0, S 1, E 2, W 3, RAMP 4). */
    private static final int[] ORDINAL = {3, 2, 1, 0, 4};
    private static final int POS1_RAMP = 4;
    private static final int POS1_INVALID = 5;

    static boolean holds(int address) {
        return address >= ROUTE_BASE && address < END;
    }

    static int read(Fabric f, int p, int address) {
        int color = color(address);
        int rs = Router.findSlot(f, p, color);
        if (rs < 0) {
            return 0;
        }
        int cfg = f.rsConfig[rs];
        if (address < SWITCH_BASE) {
            return toBits(f.cfgTx[cfg * 4]) | toBits(f.cfgRx[cfg * 4]) << 5;
        }
        int pos1 = f.cfgPositions[cfg] < 2 ? POS1_INVALID : (f.cfgRx[cfg * 4 + 1] & 0x10) != 0 ? POS1_RAMP : 0;
        return pos1 | (f.rsPos[rs] & 3) << 13;
    }

    static void write(Fabric f, int p, int address, int value) {
        int color = color(address);
        if (address < SWITCH_BASE) {
            RouteEdits.apply(f, p, color, RouteEdits.EDIT_RESET_ROUTES, 0, fromBits(value >>> 5), fromBits(value));
            // position 1 of this register map chooses an input only; it sends where position 0
            // sends, so a new position 0 output is its output too (allreduce2R1E sets position 1
            // before it rewrites position 0)
            int rs = Router.findSlot(f, p, color);
            for (int k = 1; rs >= 0 && k < f.cfgPositions[f.rsConfig[rs]]; k++) {
                RouteEdits.apply(f, p, color, RouteEdits.EDIT_SET_TX, k, 0, fromBits(value));
            }
            return;
        }
        int pos1 = value & 7;
        switch (pos1) {
            case POS1_INVALID -> RouteEdits.apply(f, p, color, RouteEdits.EDIT_INVALIDATE_POSITIONS, 0, 0, 0);
            case POS1_RAMP -> {
                RouteEdits.apply(f, p, color, RouteEdits.EDIT_INVALIDATE_POSITIONS, 0, 0, 0);
                RouteEdits.apply(f, p, color, RouteEdits.EDIT_SET_RX, 1, 0x10, 0);
            }
            case 0 -> {
            }
            default -> throw new MachineFault("switch register value " + pos1 + " for position 1 is not one Waferscope knows (4: RAMP in, 5: invalid)");
        }
        int rs = Router.findSlot(f, p, color);
        if (rs >= 0) {
            int pos = (value >>> 13) & 3;
            f.rsPos[rs] = pos < f.cfgPositions[f.rsConfig[rs]] ? pos : 0;
        }
    }

    private static int color(int address) {
        return ((address < SWITCH_BASE ? address - ROUTE_BASE : address - SWITCH_BASE) >>> 1) & 31;
    }

    private static int toBits(int mask) {
        int bits = 0;
        for (int i = 0; i < 5; i++) {
            if ((mask & (1 << ORDINAL[i])) != 0) {
                bits |= 1 << i;
            }
        }
        return bits;
    }

    private static int fromBits(int bits) {
        int mask = 0;
        for (int i = 0; i < 5; i++) {
            if ((bits & (1 << i)) != 0) {
                mask |= 1 << ORDINAL[i];
            }
        }
        return mask;
    }
}
