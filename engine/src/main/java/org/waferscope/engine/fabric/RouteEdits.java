package org.waferscope.engine.fabric;

import org.waferscope.engine.arch.Direction;

/**
 * Routes that change while the program runs: the CE rewriting its own router's handling
 * of a color ({@code <tile_config>}, {@link org.waferscope.engine.ir.Opcode#ROUTE_CFG}),
 * and teardown mode.
 *
 * <p>A route slot whose PE program rewrites its color has a color config of its own (the
 * builder clones it), so an edit changes that one router only; it also has input buffers
 * and links on every side toward a neighbour that routes the same color, since the new
 * route may use any of them. Edits name ports the slot has no buffer or link for are
 * dropped, as routes off the rectangle's edge are.
 *
 * <p>Teardown mode: a control wavelet's TEARDOWN command that passes a router whose PE has
 * a teardown handler for that color ({@code @set_teardown_handler}) puts the color in
 * teardown mode there: the router moves no more wavelets of it (they wait in its buffers)
 * and the handler's task is activated. The CE ends the mode with {@code teardown.exit}. A
 * PE with no handler for the color leaves it at once, as if a default handler had run, so a
 * TEARDOWN there only resets the switch position. A color configured with
 * {@code .teardown = true} starts in teardown mode.
 */
public final class RouteEdits {
    /** Position 0 accepts from {@code rx} and sends to {@code tx}. */
    public static final int EDIT_RESET_ROUTES = 0;
    /** The switch goes back to position 0. */
    public static final int EDIT_CLEAR_POSITION = 1;
    /** Positions 1..3 are no longer valid: advancing stays at (or wraps to) position 0. */
    public static final int EDIT_INVALIDATE_POSITIONS = 2;
    /** Position {@code pos} accepts from {@code rx} (and, newly valid, sends where position 0 does). */
    public static final int EDIT_SET_RX = 3;
    /** Position {@code pos} sends to {@code tx} (and, newly valid, accepts what position 0 does). */
    public static final int EDIT_SET_TX = 4;
    /** The color leaves teardown mode. */
    public static final int EDIT_EXIT_TEARDOWN = 5;
    /** The color enters teardown mode (without running the handler). */
    public static final int EDIT_ENTER_TEARDOWN = 6;
    /**
     * Changes nothing: marks a program that may write the router's registers through a
     * pointer ({@link RouterRegisters}), with {@link #ANY_COLOR}, so every color it routes
     * gets a config of its own.
     */
    public static final int EDIT_NONE = 7;
    public static final int ANY_COLOR = 31;

    private static final int RAMP_BIT = Direction.RAMP.bit();

    /** The color config tables as built, which edits change and a reset restores. */
    private final int[] rx;
    private final int[] tx;
    private final int[] positions;
    /** Per route slot, 1 when the color starts in teardown mode. */
    private final byte[] tornAtStart;

    RouteEdits(int[] cfgRx, int[] cfgTx, int[] cfgPositions, byte[] tornAtStart) {
        this.rx = cfgRx.clone();
        this.tx = cfgTx.clone();
        this.positions = cfgPositions.clone();
        this.tornAtStart = tornAtStart;
    }

    /** Whether route slot rs's color starts in teardown mode. */
    boolean tornAtStart(int rs) {
        return tornAtStart[rs] != 0;
    }

    /** Puts every edited route and teardown mode back as loaded. */
    void reset(Fabric f) {
        System.arraycopy(rx, 0, f.cfgRx, 0, rx.length);
        System.arraycopy(tx, 0, f.cfgTx, 0, tx.length);
        System.arraycopy(positions, 0, f.cfgPositions, 0, positions.length);
        System.arraycopy(tornAtStart, 0, f.rsTorn, 0, tornAtStart.length);
    }

    /** One {@code ROUTE_CFG} instruction of PE p. A color its router does not handle is left alone. */
    static void apply(Fabric f, int p, int color, int action, int pos, int rxMask, int txMask) {
        if (action == EDIT_NONE) {
            return;
        }
        int rs = Router.findSlot(f, p, color);
        if (rs < 0) {
            return;
        }
        int cfg = f.rsConfig[rs];
        int base = cfg * 4;
        if (pos < 0 || pos > 3) {
            throw new MachineFault("switch position " + pos + " is outside 0..3");
        }
        switch (action) {
            case EDIT_RESET_ROUTES -> {
                f.cfgRx[base] = acceptable(f, rs, rxMask);
                f.cfgTx[base] = reachable(f, rs, txMask);
            }
            case EDIT_CLEAR_POSITION -> f.rsPos[rs] = 0;
            case EDIT_INVALIDATE_POSITIONS -> {
                f.cfgPositions[cfg] = 1;
                if (f.rsPos[rs] > 0) {
                    f.rsPos[rs] = 0;
                }
            }
            case EDIT_SET_RX, EDIT_SET_TX -> {
                for (int k = f.cfgPositions[cfg]; k <= pos; k++) {
                    f.cfgRx[base + k] = f.cfgRx[base];
                    f.cfgTx[base + k] = f.cfgTx[base];
                }
                f.cfgPositions[cfg] = Math.max(f.cfgPositions[cfg], pos + 1);
                if (action == EDIT_SET_RX) {
                    f.cfgRx[base + pos] = acceptable(f, rs, rxMask);
                } else {
                    f.cfgTx[base + pos] = reachable(f, rs, txMask);
                }
            }
            case EDIT_EXIT_TEARDOWN -> f.rsTorn[rs] = 0;
            case EDIT_ENTER_TEARDOWN -> f.rsTorn[rs] = 1;
            default -> throw new MachineFault("unknown route edit " + action);
        }
    }

    /** The ports of {@code mask} this slot has an input buffer for (RAMP always). */
    private static int acceptable(Fabric f, int rs, int mask) {
        return linked(f.rsInChan, rs, mask);
    }

    /** The ports of {@code mask} this slot has a link to (RAMP always). */
    private static int reachable(Fabric f, int rs, int mask) {
        return mask & (RAMP_BIT | f.rsLinks[rs] >>> RouteLinks.MASK_SHIFT);
    }

    private static int linked(int[] channels, int rs, int mask) {
        int m = mask & RAMP_BIT;
        for (int d = 0; d < 4; d++) {
            if ((mask & (1 << d)) != 0 && channels[rs * 4 + d] >= 0) {
                m |= 1 << d;
            }
        }
        return m;
    }

    /**
     * A TEARDOWN command has passed route slot rs of PE p: the switch goes back to its
     * initial position and, where the program handles teardown of this color, the color
     * enters teardown mode and the handler's task is activated.
     */
    static void teardown(Fabric f, int p, int rs, int cfg, int color) {
        f.rsPos[rs] = f.cfgInitial[cfg];
        int pi = f.peProgram[p];
        int task = pi < 0 ? -1 : f.tables[pi].teardownTask[color];
        if (task >= 0) {
            f.rsTorn[rs] = 1;
            f.activated[p] |= 1L << task;
        }
    }
}
