package org.waferscope.engine.sim;

import java.util.Set;
import org.waferscope.engine.fabric.Fabric;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.ir.SourcePos;

/** Turns breakpoint lines (file and line; the column is ignored) into per-instruction tables. */
final class Breakpoints {
    private Breakpoints() {
    }

    static boolean[][] tables(Fabric f, Set<SourcePos> lines) {
        boolean[][] out = new boolean[f.programCount()][];
        for (int i = 0; i < out.length; i++) {
            PeProgram p = f.program(i);
            boolean[] t = new boolean[p.instructionCount()];
            boolean any = false;
            for (int pc = 0; pc < t.length; pc++) {
                SourcePos pos = p.position(pc);
                for (SourcePos b : lines) {
                    if (b.line() == pos.line() && b.file().equals(pos.file())) {
                        t[pc] = true;
                        any = true;
                    }
                }
            }
            out[i] = any ? t : null;
        }
        return out;
    }
}
