package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A route error names the call that set the route, however many PEs share its config and
 * whichever call set it last; and the route check, which skips the PEs whose neighbourhood it
 * has already passed, reports every PE it reported before.
 */
class RouteSitesTest {
    private static List<String> errors(String layout) {
        return PoisonedNameTest.errors(Map.of("layout.csl", layout));
    }

    @Test
    void aRouteSetFromASecondSiteIsReportedThere() {
        // the same config on the same color from two lines: the first sets it where it is accepted,
        // the second where it is not
        String layout = """
                const c: color = @get_color(1);
                const east = .{ .routes = .{ .rx = .{ RAMP }, .tx = .{ EAST } } };
                layout {
                  @set_rectangle(3, 2);
                  @set_color_config(0, 0, c, east);
                  @set_color_config(1, 0, c, .{ .routes = .{ .rx = .{ WEST }, .tx = .{ RAMP } } });
                  @set_color_config(0, 1, c, east);
                }
                """;
        assertEquals(List.of("layout.csl:7:3: error: PE (0, 1) forwards color 1 EAST but PE (1, 1) never accepts color 1 "
                + "from WEST"), errors(layout));
    }

    @Test
    void aRouteSetAgainIsReportedWhereItWasSetLast() {
        String layout = """
                const c: color = @get_color(1);
                const east = .{ .routes = .{ .rx = .{ RAMP }, .tx = .{ EAST } } };
                const ramp = .{ .routes = .{ .rx = .{ WEST }, .tx = .{ RAMP } } };
                fn east_at(x: i16, y: i16) void {
                  @set_color_config(x, y, c, east);
                }
                layout {
                  @set_rectangle(3, 1);
                  east_at(0, 0);
                  east_at(1, 0);
                  @set_color_config(1, 0, c, ramp);
                  @set_color_config(1, 0, c, east);
                  @set_color_config(0, 0, c, east);
                  east_at(0, 0);
                }
                """;
        // (1, 0) was last set at line 12, not where its config was first set (line 5); (0, 0) by
        // line 5 again (through the function), after line 13 had set it
        assertEquals(List.of(
                "layout.csl:5:3: error: PE (0, 0) forwards color 1 EAST but PE (1, 0) never accepts color 1 from WEST",
                "layout.csl:12:3: error: PE (1, 0) forwards color 1 EAST but PE (2, 0) never accepts color 1 from WEST"),
                errors(layout));
    }

    @Test
    void aRouteTrimmedAtTheEdgeKeepsItsSite() {
        // every PE forwards east and south; the edge PEs lose the ports that lead out, and the
        // bottom-right PE, left with none, is the only one not reported
        String layout = """
                const c: color = @get_color(2);
                layout {
                  @set_rectangle(3, 3);
                  for (@range(i16, 3)) |x| {
                    for (@range(i16, 3)) |y| {
                      @set_color_config(x, y, c, .{ .routes = .{ .rx = .{ RAMP }, .tx = .{ EAST, SOUTH } } });
                    }
                  }
                }
                """;
        List<String> got = errors(layout);
        assertEquals(6 + 6, got.size(), String.join("\n", got));   // east from two columns, south from two rows
        for (String line : got) {
            assertTrue(line.startsWith("layout.csl:6:7: error: PE ("), line);
        }
    }

    @Test
    void aRegularLayoutWithOneBadPeHasItReportedAmongPassedNeighbourhoods() {
        // a column-walking loop routes color 3 east everywhere and accepts it from the west
        // everywhere but at (5, 4): its west neighbour is the only PE reported
        String layout = """
                const c: color = @get_color(3);
                layout {
                  @set_rectangle(9, 8);
                  for (@range(i16, 9)) |x| {
                    for (@range(i16, 8)) |y| {
                      if (x == 5 and y == 4) {
                        @set_color_config(x, y, c, .{ .routes = .{ .rx = .{ RAMP }, .tx = .{ EAST } } });
                      } else {
                        @set_color_config(x, y, c, .{ .routes = .{ .rx = .{ RAMP, WEST }, .tx = .{ EAST, RAMP } } });
                      }
                    }
                  }
                }
                """;
        assertEquals(List.of("layout.csl:9:9: error: PE (4, 4) forwards color 3 EAST but PE (5, 4) never accepts color 3 "
                + "from WEST"), errors(layout));
    }

    @Test
    void moreThanTwentyErrorsAreCountedInFull() {
        // no PE accepts what its west neighbour forwards: 11 × 6 of them forward into the rectangle
        String layout = """
                const c: color = @get_color(4);
                layout {
                  @set_rectangle(12, 6);
                  for (@range(i16, 12)) |x| {
                    for (@range(i16, 6)) |y| {
                      @set_color_config(x, y, c, .{ .routes = .{ .rx = .{ RAMP }, .tx = .{ EAST } } });
                    }
                  }
                }
                """;
        List<String> got = errors(layout);
        assertEquals(21, got.size(), String.join("\n", got));
        assertEquals("layout.csl:1:1: error: ... and 46 more route errors", got.get(20));
    }
}
