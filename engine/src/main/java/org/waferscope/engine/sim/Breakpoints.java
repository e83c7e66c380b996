package org.waferscope.engine.sim;

import java.util.List;
import org.waferscope.engine.fabric.Fabric;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.ir.SourcePos;

/**
 * Turns breakpoint lines into per-instruction tables for the fabric, which then stops the
 * stepper after every cycle in which some PE's program counter is on a flagged
 * instruction. An instruction is flagged when it, or the one before it, is on a breakpoint
 * line: during a multi-cycle vector op the counter already points past the op, and the PE
 * is still on the op's line. The flags are a superset; {@link BreakWatch} checks the PE's
 * exact line.
 */
final class Breakpoints {
    private Breakpoints() {
    }

    /** {@code keys} are "file:line". */
    static boolean[][] tables(Fabric f, List<String> keys) {
        boolean[][] out = new boolean[f.programCount()][];
        for (int i = 0; i < out.length; i++) {
            PeProgram p = f.program(i);
            boolean[] t = new boolean[p.instructionCount()];
            boolean any = false;
            boolean previous = false;
            for (int pc = 0; pc < t.length; pc++) {
                boolean here = keys.contains(key(p.position(pc)));
                t[pc] = here || previous;
                any |= t[pc];
                previous = here;
            }
            out[i] = any ? t : null;
        }
        return out;
    }

    static String key(SourcePos pos) {
        return pos.file() + ":" + pos.line();
    }
}
