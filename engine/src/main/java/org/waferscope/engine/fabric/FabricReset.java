package org.waferscope.engine.fabric;

import org.waferscope.engine.ir.TaskDecl;

/**
 * Puts a fabric just built in its state at cycle 0: tasks blocked and activated as their
 * programs declare, switches at their initial positions. Each PE's SRAM already holds its
 * program's image: the builder makes it so ({@code FabricBuilder.allocateSram}).
 */
final class FabricReset {
    private FabricReset() {
    }

    static void toInitialState(Fabric f) {
        f.base = null;
        java.util.Arrays.fill(f.touched, -1L);
        long[] blocked = new long[f.programs.length];
        long[] activated = new long[f.programs.length];
        for (int pi = 0; pi < f.programs.length; pi++) {
            for (TaskDecl t : f.programs[pi].tasks()) {
                if (t.startsBlocked()) {
                    blocked[pi] |= 1L << t.id();
                }
                if (t.startsActive()) {
                    activated[pi] |= 1L << t.id();
                }
            }
        }
        for (int p = 0; p < f.n; p++) {
            int pi = f.peProgram[p];
            if (pi >= 0) {
                f.blocked[p] = blocked[pi];
                f.activated[p] = activated[pi];
                if (activated[pi] != 0) {
                    Fabric.activate(f, p);
                }
            }
        }
        f.routeEdits.reset(f);
        for (int rs = 0; rs < f.rsPos.length; rs++) {
            f.rsPos[rs] = f.cfgInitial[f.rsConfig[rs]];
        }
        CounterFilters.reset(f);
        EdgeLeaks.reset(f);
    }
}
