package org.waferscope.engine.csl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.arch.Direction;
import org.waferscope.engine.csl.layout.LayoutResult;
import org.waferscope.engine.fabric.ColorConfig;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.ir.TaskKind;

class GemvSampleCompileTest {
    private static Map<String, String> files() {
        return Map.of("layout.csl", CslFixture.sample("gemv-checkerboard", "layout.csl"),
                "pe_program.csl", CslFixture.sample("gemv-checkerboard", "pe_program.csl"));
    }

    private static LayoutResult load(int l, int k, ArchProfile p) throws ProgramLoadException {
        return CslFixture.layout(files(), Map.of("kernel_x_dim", "" + l, "kernel_y_dim", "" + k,
                "M", "" + 4 * k, "N", "" + 3 * l), p);
    }

    @Test
    void compilesOnceForEachCheckerboardParity() throws Exception {
        FabricLayout layout = load(4, 3, ArchProfile.WSE2).layout();
        assertEquals(4, layout.width());
        assertEquals(3, layout.height());
        assertEquals(2, layout.programs().size());
        PeProgram p = layout.program(layout.programOf(0));
        assertTrue(p.exportedSymbol("A").isPresent());
        assertEquals(12, p.exportedSymbol("A").get().length());
        assertTrue(p.exportedFunctions().containsKey("compute"));
        assertEquals(3, p.tasks().size());
        assertTrue(p.tasks().stream().allMatch(t -> t.kind() == TaskKind.LOCAL));
        assertTrue(p.check(ArchProfile.WSE2).isEmpty());
    }

    @Test
    void routesMulticastXDownAndSumsEast() throws Exception {
        FabricLayout layout = load(2, 3, ArchProfile.WSE2).layout();
        ColorConfig top = layout.configAt(0, 0);
        assertNotNull(top);
        assertEquals(Direction.RAMP.bit(), top.positions().get(0).rx());
        assertEquals(Direction.SOUTH.bit(), top.positions().get(0).tx());
        ColorConfig mid = layout.configAt(2, 0);
        assertEquals(Direction.RAMP.bit() | Direction.SOUTH.bit(), mid.positions().get(0).tx());
        ColorConfig east = layout.configAt(0, 1);
        assertEquals(Direction.EAST.bit(), east.positions().get(0).tx());
        ColorConfig west = layout.configAt(1, 1);
        assertEquals(Direction.WEST.bit(), west.positions().get(0).rx());
    }

    @Test
    void compilesForWse3WithQueues() throws Exception {
        FabricLayout layout = load(3, 2, ArchProfile.WSE3).layout();
        PeProgram p = layout.program(layout.programOf(1));
        assertEquals(2, p.inputQueueColors().size());
    }
}
