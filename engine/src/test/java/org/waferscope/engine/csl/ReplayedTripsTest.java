package org.waferscope.engine.csl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.csl.eval.Budget;
import org.waferscope.engine.csl.layout.LayoutResult;
import org.waferscope.engine.fabric.FabricBuilder;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.fabric.StateHash;

/**
 * A layout evaluated with loop trips replayed (a trip of a kind already seen makes that
 * trip's placements again without evaluating the body) gives what plain evaluation gives:
 * the same programs and routes at every PE, the same fabric hash, the same budget used, and
 * for a bad layout the same errors at the same positions.
 */
class ReplayedTripsTest {
    private static final String PE = """
            param n: u16;
            var data: [n]f32;
            fn f() void { data[0] = 1.0; }
            """;

    record Run(LayoutResult result, List<String> problems, long steps) {
    }

    static Run run(Map<String, String> files, Map<String, String> params, long budget, boolean replay) {
        Diagnostics diags = new Diagnostics();
        Budget b = new Budget(budget);
        LayoutResult r = CslFixture.layout(files, params, ArchProfile.WSE2, b, diags, replay);
        return new Run(r, diags.all().stream().map(Diagnostic::toString).toList(), b.used());
    }

    /** Evaluates both ways and asserts that they agree; returns the replayed run. */
    static Run bothWays(Map<String, String> files, Map<String, String> params, long budget) {
        Run plain = run(files, params, budget, false);
        Run replayed = run(files, params, budget, true);
        assertEquals(plain.problems(), replayed.problems());
        assertEquals(plain.steps(), replayed.steps(), "budget steps");
        assertEquals(plain.result() == null, replayed.result() == null);
        if (plain.result() != null) {
            FabricLayout a = plain.result().layout();
            FabricLayout b = replayed.result().layout();
            assertEquals(a.peCount(), b.peCount());
            assertEquals(a.programs().size(), b.programs().size());
            for (int pe = 0; pe < a.peCount(); pe++) {
                assertEquals(a.programOf(pe), b.programOf(pe), "program of PE " + pe);
                assertArrayEquals(a.colorsOf(pe), b.colorsOf(pe), "colors of PE " + pe);
                for (int c : a.colorsOf(pe)) {
                    assertEquals(a.configAt(pe, c), b.configAt(pe, c), "PE " + pe + ", color " + c);
                }
            }
            assertEquals(plain.result().exports().keySet(), replayed.result().exports().keySet());
        }
        return replayed;
    }

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("game-of-life", Map.of("width", "23", "height", "17", "gens", "2")),
                Arguments.of("allreduce", Map.of("width", "9", "height", "12", "n", "4")),
                Arguments.of("allreduce", Map.of("width", "1", "height", "5", "n", "4")),
                Arguments.of("mandelbrot", Map.of("stages", "8", "rows", "6", "pixels", "4", "iters", "3")),
                Arguments.of("heat-diffusion", Map.of("width", "7", "height", "9", "tile", "4", "steps", "3", "alpha", "0.2")),
                Arguments.of("gemv-checkerboard", Map.of("kernel_x_dim", "4", "kernel_y_dim", "3", "M", "24", "N", "16")),
                Arguments.of("summa", Map.of("P", "4", "b", "4")),
                Arguments.of("switches", Map.of("rounds", "2")),
                Arguments.of("filters", Map.of("receivers", "4", "chunk", "3")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("samples")
    void samplesGiveTheSameFabric(String sample, Map<String, String> params) throws IOException {
        Map<String, String> files = new HashMap<>();
        try (Stream<Path> csl = Files.list(CslFixture.sampleFolder(sample))) {
            for (Path p : csl.filter(p -> p.toString().endsWith(".csl")).toList()) {
                files.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        Run plain = run(files, params, Budget.DEFAULT_STEPS, false);
        Run replayed = bothWays(files, params, Budget.DEFAULT_STEPS);
        assertTrue(plain.problems().isEmpty(), plain.problems().toString());
        assertEquals(StateHash.of(FabricBuilder.build(ArchProfile.WSE2, plain.result().layout())),
                StateHash.of(FabricBuilder.build(ArchProfile.WSE2, replayed.result().layout())));
    }

    private static Map<String, String> files(String layout) {
        return Map.of("layout.csl", layout, "pe.csl", PE);
    }

    private static String layout(String body) {
        return """
                param w: i16;
                param h: i16;
                const row: color = @get_color(0);
                const col: color = @get_color(1);
                fn kind(y: i16) i16 { return y % 3; }
                layout {
                  @set_rectangle(w, h);
                  var placed: i16 = 0;
                """ + body + """
                }
                """;
    }

    private static final Map<String, String> SIZE = Map.of("w", "6", "h", "7");

    @Test
    void edgesParitiesRowMajorLoopsAndRouteErrorsAgree() {
        Run r = bothWays(files(layout("""
                  for (@range(i16, h)) |y| {
                    for (@range(i16, w)) |x| {
                      const odd = x % 2 == 1;
                      @set_tile_code(x, y, "pe.csl", .{ .n = if (odd and y > 2) 4 else 8 });
                      if (x < w - 1 and !(x == 3)) {
                        @set_color_config(x, y, if (odd) row else col, .{ .routes = .{ .rx = .{ RAMP }, .tx = .{ EAST } } });
                      }
                      if (x > 0) {
                        @set_color_config(x, y, col, .{ .routes = .{ .rx = if (x == w - 1) .{ WEST } else .{ WEST, RAMP },
                                                                     .tx = .{ RAMP } } });
                      }
                    }
                  }
                """)), SIZE, Budget.DEFAULT_STEPS);
        assertEquals(7, r.problems().size(), r.problems().toString()); // x == 3 sends nothing east
    }

    @Test
    void bodiesThatChangeStateOrUseTheIndexOtherwiseAgree() {
        // a counter in a var, an export made in a trip, the index passed to a function,
        // break and continue
        Run r = bothWays(files(layout("""
                  for (@range(i16, w)) |x| {
                    for (@range(i16, h)) |y| {
                      if (y == 5) { continue; }
                      if (x == 4 and y > 5) { break; }
                      if (x == 1 and y == 2) { @export_name("f", fn()void); }
                      if (x == 2) { placed += 1; }
                      @set_tile_code(x, y, "pe.csl", .{ .n = if (x == 2) placed else 4 });
                      @set_color_config(x, y, row, .{ .routes = .{ .rx = .{ RAMP }, .tx = .{ RAMP } } });
                    }
                    for (@range(i16, h)) |y| {
                      if (kind(y) == 1) {
                        @set_color_config(x, y, col, .{ .routes = .{ .rx = .{ RAMP }, .tx = .{ RAMP } } });
                      }
                    }
                  }
                """)), SIZE, Budget.DEFAULT_STEPS);
        assertTrue(r.problems().isEmpty(), r.problems().toString());
    }

    @Test
    void keysFollowWhatTheProbesReadOutsideTheLoop() {
        // probes reading the outer index, a local of the outer body, and a range that grows
        Run r = bothWays(files(layout("""
                  for (@range(i16, w)) |x| {
                    const lim = if (x == 2) 3 else 5;
                    for (@range(i16, h)) |y| {
                      @set_tile_code(x, y, "pe.csl", .{ .n = if (y < x) 4 else if (y < lim) 8 else 2 });
                    }
                    for (@range(i16, 1, x + 1, 1)) |y| {
                      @set_color_config(x, y, row, .{ .routes = .{ .rx = .{ RAMP }, .tx = if (y == x) .{ RAMP } else .{ RAMP } } });
                    }
                  }
                """)), SIZE, Budget.DEFAULT_STEPS);
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        assertEquals(3, r.result().layout().programs().size());
    }

    @Test
    void aCoordinateOffTheRectangleIsTheSameError() {
        Run r = bothWays(files(layout("""
                  for (@range(i16, w)) |x| {
                    for (@range(i16, h + 2)) |y| {
                      @set_tile_code(x, y, "pe.csl", .{ .n = 4 });
                    }
                  }
                """)), SIZE, Budget.DEFAULT_STEPS);
        assertEquals(1, r.problems().size(), r.problems().toString());
        assertTrue(r.problems().get(0).contains("layout.csl:11:"), r.problems().toString());
    }

    @Test
    void aProbeThatFailsAtOneIndexIsTheSameError() {
        Run r = bothWays(files(layout("""
                  for (@range(i16, w)) |x| {
                    for (@range(i16, h)) |y| {
                      if (y == 6 and 12 / (y - 6) > 1) {
                        @set_tile_code(x, y, "pe.csl", .{ .n = 4 });
                      }
                      @set_color_config(x, y, row, .{ .routes = .{ .rx = .{ RAMP }, .tx = .{ RAMP } } });
                    }
                  }
                """)), SIZE, Budget.DEFAULT_STEPS);
        assertEquals(1, r.problems().size(), r.problems().toString());
    }

    @Test
    void runningOutOfBudgetInAReplayedLoopStopsAtTheSameStep() {
        String body = """
                  for (@range(i16, w)) |x| {
                    for (@range(i16, h)) |y| {
                      const even = y % 2 == 0;
                      @set_tile_code(x, y, "pe.csl", .{ .n = if (even) 4 else 8 });
                      if (y > 0) {
                        @set_color_config(x, y, row, .{ .routes = .{ .rx = .{ RAMP }, .tx = .{ RAMP } } });
                      }
                    }
                  }
                """;
        long enough = run(files(layout(body)), SIZE, Budget.DEFAULT_STEPS, false).steps();
        for (long budget : new long[] {enough - 1, enough - 7, enough / 2 + 3}) {
            Run r = bothWays(files(layout(body)), SIZE, budget);
            assertFalse(r.problems().isEmpty());
            assertTrue(r.problems().get(0).contains("compile-time evaluation took more than"), r.problems().toString());
        }
        assertNotNull(bothWays(files(layout(body)), SIZE, enough).result());
    }
}
