package org.waferscope.engine.csl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.arch.Direction;
import org.waferscope.engine.csl.layout.LayoutResult;
import org.waferscope.engine.fabric.FabricLayout;

/**
 * A layout covering the whole WSE-2 fabric evaluates and compiles its one program once. How long it
 * takes is printed, not asserted: CI machines are shared, and speed is measured with the benchmarks.
 */
class FullWaferLayoutTest {
    private static final String LAYOUT = """
            param w: i16;
            param h: i16;
            const row: color = @get_color(0);
            const col: color = @get_color(1);
            const self: color = @get_color(2);
            layout {
              @set_rectangle(w, h);
              for (@range(i16, w)) |x| {
                for (@range(i16, h)) |y| {
                  @set_tile_code(x, y, "pe.csl", .{ .n = 4 });
                  const west = x == 0;
                  const east = x == w - 1;
                  @set_color_config(x, y, row, .{ .routes = .{ .rx = if (west) .{ RAMP } else .{ WEST },
                                                               .tx = if (east) .{ RAMP } else .{ RAMP, EAST } } });
                  @set_color_config(x, y, col, .{ .routes = .{ .rx = if (y == 0) .{ RAMP } else .{ NORTH },
                                                               .tx = if (y == h - 1) .{ RAMP } else .{ SOUTH } } });
                  @set_color_config(x, y, self, .{ .routes = .{ .rx = .{ RAMP }, .tx = .{ RAMP } } });
                }
              }
            }
            """;

    private static final String PE = """
            param n: u16;
            var data: [n]f32;
            fn f() void { data[0] = 1.0; }
            """;

    @Test
    void wholeWse2FabricEvaluates() throws Exception {
        long start = System.nanoTime();
        LayoutResult r = CslFixture.layout(Map.of("layout.csl", LAYOUT, "pe.csl", PE),
                Map.of("w", "757", "h", "996"), ArchProfile.WSE2);
        double seconds = (System.nanoTime() - start) / 1e9;
        FabricLayout l = r.layout();
        assertEquals(757 * 996, l.peCount());
        assertEquals(1, l.programs().size());
        assertEquals(Direction.RAMP.bit() | Direction.EAST.bit(), l.configAt(5, 0).positions().get(0).tx());
        System.out.printf("[full-wafer layout] 757x996 evaluated in %.1f s%n", seconds);
    }
}
