package org.waferscope.engine.fabric;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.arch.Direction;
import org.waferscope.engine.ir.PeProgram;

/**
 * Which input queue of a program's CE each color routed to its RAMP arrives on: the queues
 * the program binds, and for colors it binds none (a control-only color still has to
 * arrive) the lowest free queues. Split from {@link FabricBuilder}, which calls it once per
 * build to make the programs' {@link ProgramTables}.
 */
final class RampQueues {
    private RampQueues() {
    }

    /** One {@link ProgramTables} per program; a program short of input queues is reported to {@code problem}. */
    static ProgramTables[] tables(ArchProfile profile, FabricLayout layout, PeProgram[] programs, int[] peProgram,
            int[] cfgTxUnion, Consumer<String> problem) {
        int[] toRamp = rampColors(layout, programs.length, peProgram, cfgTxUnion);
        ProgramTables[] tables = new ProgramTables[programs.length];
        for (int i = 0; i < programs.length; i++) {
            tables[i] = new ProgramTables(programs[i], profile, autoQueues(profile, programs[i], toRamp[i], problem));
        }
        DecodedOps.share(tables);
        return tables;
    }

    /**
     * Per program, the colors (bit c for color c) that some PE running it routes to its
     * RAMP: one pass over the wafer for all programs, not one per program (a layout may
     * specialise a program thousands of ways).
     */
    private static int[] rampColors(FabricLayout layout, int programCount, int[] peProgram, int[] cfgTxUnion) {
        int[] toRamp = new int[programCount];
        int ramp = Direction.RAMP.bit();
        for (int p = 0; p < peProgram.length; p++) {
            int pi = peProgram[p];
            if (pi < 0) {
                continue;
            }
            int[] pairs = layout.colorsOf(p);
            for (int i = 0; i < pairs.length; i += 2) {
                // a color outside 0..31 is not routable, which the route build reports
                if ((cfgTxUnion[pairs[i + 1]] & ramp) != 0 && pairs[i] >= 0 && pairs[i] < 32) {
                    toRamp[pi] |= 1 << pairs[i];
                }
            }
        }
        return toRamp;
    }

    /**
     * Colors some PE delivers to this program's CE through RAMP ({@code toRamp}, a bit per
     * color) that the program binds no input queue to get the lowest free queues, so a
     * control-only color still arrives.
     */
    private static Map<Integer, Integer> autoQueues(ArchProfile profile, PeProgram program, int toRamp,
            Consumer<String> problem) {
        int needed = toRamp;
        for (int bound : program.inputQueueColors().values()) {
            if (bound >= 0 && bound < 32) {
                needed &= ~(1 << bound);
            }
        }
        Map<Integer, Integer> extra = new HashMap<>();
        int q = 0;
        for (int c = 0; c < 32; c++) {
            if ((needed & 1 << c) == 0) {
                continue;
            }
            while (q < profile.inputQueues() && program.inputQueueColors().containsKey(q)) {
                q++;
            }
            if (q >= profile.inputQueues()) {
                problem.accept("program " + program.name() + " receives more colors than the CE has input queues");
                break;
            }
            extra.put(q++, c);
        }
        return extra;
    }
}
