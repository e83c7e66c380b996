package org.waferscope.engine.fabric;

import java.util.Arrays;
import org.waferscope.engine.arch.Direction;

/**
 * What the builder gives a route slot whose PE program edits its color as it runs
 * ({@link RouteEdits}): a color config of its own and links on every side toward a
 * neighbour that routes the color too; and, for every slot, whether its color starts in
 * teardown mode.
 */
final class EditedSlots {
    private EditedSlots() {
    }

    /**
     * The link ports (N, S, E, W bits) inside the rectangle where PE p's program edits the
     * route of {@code color} as it runs; 0 when it does not. An edited route may use any side.
     */
    static int sides(FabricBuilder b, int p, int color) {
        if (!edits(b, p, color)) {
            return 0;
        }
        int x = p % b.width;
        int y = p / b.width;
        int sides = 0;
        for (Direction d : Direction.LINKS) {
            int nx = x + d.dx;
            int ny = y + d.dy;
            if (nx >= 0 && ny >= 0 && nx < b.width && ny < b.height) {
                sides |= d.bit();
            }
        }
        return sides;
    }

    /** A link an edited route may use later: made where the neighbour routes the color too, silently skipped where not. */
    static void linkSpare(FabricBuilder b, int p, int rs, Direction d, int nx, int ny, int arrives) {
        int nrs = b.findSlot(ny * b.width + nx, arrives);
        int ch = nrs < 0 ? -1 : b.rsInChan[nrs * 4 + d.opposite().ordinal()];
        if (ch >= 0) {
            b.rsDest[rs * 4 + d.ordinal()] = ch;
            if (arrives != b.rsColor[rs]) {
                b.rsSwap[rs] |= 1 << d.ordinal();
            }
        }
    }

    /**
     * A route slot whose program edits its color gets a copy of its color config, so that
     * the edits change that router only; every slot notes whether its color starts in
     * teardown mode.
     */
    static void giveOwnConfigs(FabricBuilder b) {
        b.rsTornAtStart = new byte[b.rsColor.length];
        int extra = 0;
        for (int p = 0; p < b.peProgram.length; p++) {
            for (int rs = b.rsStart[p]; rs < b.rsStart[p + 1]; rs++) {
                if (b.layout.config(b.rsConfig[rs]).teardown()) {
                    b.rsTornAtStart[rs] = 1;
                }
                if (edits(b, p, b.rsColor[rs])) {
                    extra++;
                }
            }
        }
        if (extra == 0) {
            return;
        }
        int count = b.cfgPositions.length;
        b.cfgRx = Arrays.copyOf(b.cfgRx, (count + extra) * 4);
        b.cfgTx = Arrays.copyOf(b.cfgTx, (count + extra) * 4);
        b.cfgPositions = Arrays.copyOf(b.cfgPositions, count + extra);
        b.cfgRing = Arrays.copyOf(b.cfgRing, count + extra);
        b.cfgInitial = Arrays.copyOf(b.cfgInitial, count + extra);
        b.cfgFilterMin = Arrays.copyOf(b.cfgFilterMin, count + extra);
        b.cfgFilterMax = Arrays.copyOf(b.cfgFilterMax, count + extra);
        b.cfgPop = Arrays.copyOf(b.cfgPop, count + extra);
        b.cfgCounter = b.cfgCounter == null ? null : Arrays.copyOf(b.cfgCounter, count + extra);
        int next = count;
        for (int p = 0; p < b.peProgram.length; p++) {
            for (int rs = b.rsStart[p]; rs < b.rsStart[p + 1]; rs++) {
                if (!edits(b, p, b.rsColor[rs])) {
                    continue;
                }
                int from = b.rsConfig[rs];
                System.arraycopy(b.cfgRx, from * 4, b.cfgRx, next * 4, 4);
                System.arraycopy(b.cfgTx, from * 4, b.cfgTx, next * 4, 4);
                b.cfgPositions[next] = b.cfgPositions[from];
                b.cfgRing[next] = b.cfgRing[from];
                b.cfgInitial[next] = b.cfgInitial[from];
                b.cfgFilterMin[next] = b.cfgFilterMin[from];
                b.cfgFilterMax[next] = b.cfgFilterMax[from];
                b.cfgPop[next] = b.cfgPop[from];
                if (b.cfgCounter != null) {
                    b.cfgCounter[next] = b.cfgCounter[from];
                }
                b.rsConfig[rs] = next++;
            }
        }
    }

    private static boolean edits(FabricBuilder b, int p, int color) {
        int pi = b.peProgram[p];
        return pi >= 0 && (b.tables[pi].editedColors & (1 << color)) != 0;
    }
}
