package org.waferscope.engine.fabric;

/** Puts a fabric in its state at cycle 0: SRAM from the programs' images, switches at their initial positions. */
final class FabricReset {
    private FabricReset() {
    }

    static void toInitialState(Fabric f) {
        f.base = null;
        java.util.Arrays.fill(f.touched, -1L);
        for (int p = 0; p < f.n; p++) {
            int pi = f.peProgram[p];
            if (pi >= 0) {
                byte[] image = f.programs[pi].dataImage();
                byte[] m = f.sram[p];
                java.util.Arrays.fill(m, (byte) 0);
                System.arraycopy(image, 0, m, 0, image.length);
                long blocked = 0;
                long activated = 0;
                for (org.waferscope.engine.ir.TaskDecl t : f.programs[pi].tasks()) {
                    if (t.startsBlocked()) {
                        blocked |= 1L << t.id();
                    }
                    if (t.startsActive()) {
                        activated |= 1L << t.id();
                    }
                }
                f.blocked[p] = blocked;
                f.activated[p] = activated;
                if (activated != 0) {
                    Fabric.activate(f, p);
                }
            }
        }
        f.routeEdits.reset(f);
        for (int rs = 0; rs < f.rsPos.length; rs++) {
            f.rsPos[rs] = f.cfgInitial[f.rsConfig[rs]];
        }
        CounterFilters.reset(f);
    }
}
