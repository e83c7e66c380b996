package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waferscope.engine.fixtures.Kernels.E;
import static org.waferscope.engine.fixtures.Kernels.R;
import static org.waferscope.engine.fixtures.Kernels.W;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.csl.CslFixture;
import org.waferscope.engine.fixtures.Kernels;
import org.waferscope.engine.program.ProgramLoader;
import org.waferscope.engine.program.WaferProgram;

/**
 * A fabric whose large arrays were made on helper threads ({@link OffThread}) is the fabric
 * the builder makes alone: every array of it equal, and so its state hash. Built both ways
 * here at test sizes, forcing the helper threads that only a fabric of
 * {@link FabricBuilder#APART_FROM} PEs or more gets otherwise.
 */
class OffThreadBuildTest {
    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("game-of-life", Map.of("width", "40", "height", "30", "gens", "2")),
                Arguments.of("allreduce", Map.of("width", "32", "height", "16", "n", "4")),
                Arguments.of("mandelbrot", Map.of("stages", "16", "rows", "32", "pixels", "4", "iters", "3")),
                Arguments.of("switches", Map.of()),
                Arguments.of("filters", Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void helperThreadsBuildTheSameFabric(String sample, Map<String, String> params) throws Exception {
        WaferProgram p = ProgramLoader.load(CslFixture.sampleFolder(sample),
                ProgramLoader.LoadOptions.DEFAULTS.withParams(params));
        Fabric alone = FabricBuilder.build(p.profile(), p.layout(), false);
        Fabric apart = FabricBuilder.build(p.profile(), p.layout(), true);
        assertEquals(StateHash.of(alone), StateHash.of(apart));
        List<String> arrays = sameArrays(alone, apart);
        assertTrue(arrays.contains("chan") && arrays.contains("core") && arrays.contains("sram"), arrays.toString());
    }

    @Test
    void aBadLayoutGetsTheSameProblemsEitherWay() {
        FabricLayout l = new FabricLayout(2, 1);
        l.setTileCode(0, 0, Kernels.arraySender(0, 0, new int[] {1, 2}, 0));
        l.setColorConfig(0, 0, 0, ColorConfig.route(R, E));
        l.setColorConfig(1, 0, 0, ColorConfig.route(W, E)); // off the edge
        l.setColorConfig(1, 0, 40, ColorConfig.route(W, R)); // no such color, and no program for RAMP
        FabricException alone = assertThrows(FabricException.class,
                () -> FabricBuilder.build(ArchProfile.WSE2, l, false));
        FabricException apart = assertThrows(FabricException.class,
                () -> FabricBuilder.build(ArchProfile.WSE2, l, true));
        assertEquals(alone.getMessage(), apart.getMessage());
        assertTrue(alone.getMessage().contains("PE (1, 0): color 40 is not routable"), alone.getMessage());
        assertTrue(alone.getMessage().contains("off the edge"), alone.getMessage());
    }

    /** Asserts that every array field of the two fabrics (but the per-program tables) is equal; returns the fields' names. */
    private static List<String> sameArrays(Fabric a, Fabric b) throws IllegalAccessException {
        List<String> names = new ArrayList<>();
        for (Class<?> c = Fabric.class; c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!field.getType().isArray() || java.lang.reflect.Modifier.isStatic(field.getModifiers())
                        || field.getType() == ProgramTables[].class) { // tables: made per build, no equals
                    continue;
                }
                field.setAccessible(true);
                assertTrue(Arrays.deepEquals(new Object[] {field.get(a)}, new Object[] {field.get(b)}), field.getName());
                names.add(field.getName());
            }
        }
        return names;
    }
}
