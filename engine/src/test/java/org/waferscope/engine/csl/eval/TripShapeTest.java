package org.waferscope.engine.csl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.csl.CslFixture;
import org.waferscope.engine.csl.Diagnostics;
import org.waferscope.engine.csl.syntax.Decl;
import org.waferscope.engine.csl.syntax.Parser;
import org.waferscope.engine.csl.syntax.SourceFile;
import org.waferscope.engine.csl.syntax.Stmt;

/** Which loops' trips a layout evaluation may replay: the samples' inner loops do, bodies that use the index otherwise do not. */
class TripShapeTest {
    /** The for loops of {@code text}'s layout block, outermost first. */
    private static List<Stmt.For> loops(String text) {
        SourceFile f = Parser.parse("layout.csl", text, new Diagnostics());
        List<Stmt.For> out = new ArrayList<>();
        for (Decl d : f.decls()) {
            if (d instanceof Decl.Layout l) {
                collect(l.body(), out);
            }
        }
        return out;
    }

    private static void collect(Stmt st, List<Stmt.For> out) {
        if (st instanceof Stmt.For f) {
            out.add(f);
            collect(f.body(), out);
        } else if (st instanceof Stmt.Block b) {
            b.stmts().forEach(x -> collect(x, out));
        }
    }

    @Test
    void theSamplesInnerLoopsQualifyWithAFewProbes() {
        List<Stmt.For> life = loops(CslFixture.sample("game-of-life", "layout.csl"));
        assertNull(TripShape.of(life.get(0)), "x is passed to memcpy.get_params");
        TripShape inner = TripShape.of(life.get(1));
        assertNotNull(inner);
        assertEquals(3, inner.probes().size()); // y % 2 == 0, y < height - 1, y > 0
        List<Stmt.For> allreduce = loops(CslFixture.sample("allreduce", "layout.csl"));
        assertNull(TripShape.of(allreduce.get(0)));
        assertEquals(5, TripShape.of(allreduce.get(1)).probes().size()); // y % 2 == 0 (twice), == 0, == last_y, < last_y, > 0
    }

    private static TripShape innerOf(String body) {
        return TripShape.of(loops("""
                layout {
                  for (@range(i16, 4)) |x| {
                    for (@range(i16, 4)) |y| {
                """ + body + """
                    }
                  }
                }
                """).get(1));
    }

    @Test
    void otherUsesOfTheIndexDoNotQualify() {
        assertNotNull(innerOf("@set_tile_code(x, y, \"a.csl\", .{ .even = y % 2 == 0 });"));
        assertNull(innerOf("@set_tile_code(x, y, \"a.csl\", .{ .y = y });"), "the index as a value");
        assertNull(innerOf("@set_tile_code(x, y + 0, \"a.csl\", .{});"), "arithmetic on a coordinate");
        assertNull(innerOf("const k = y; @set_tile_code(x, k, \"a.csl\", .{});"), "the index under another name");
        assertNull(innerOf("const k = 2; @set_tile_code(x, y, \"a.csl\", .{ .e = y % k == 0 });"),
                "a probe reading a name the body declares");
        assertNull(innerOf("@set_tile_code(x, y, \"a.csl\", .{ .e = f(y) == 0 });"), "a call in a probe");
        assertNull(innerOf("var n: i16 = 0; n += 1; @set_tile_code(x, y, \"a.csl\", .{ .e = y == n });"),
                "an assignment");
        String chain = "y" + " + 1".repeat(5000);
        assertNull(innerOf("@set_tile_code(x, y, \"a.csl\", .{ .e = " + chain + " > 0 });"), "too deep to read");
        assertNull(innerOf("if (y == 0) {}" + " else if (y == 1) {}".repeat(5000)
                + " @set_tile_code(x, y, \"a.csl\", .{});"), "too deep to read");
        assertEquals(0, innerOf("@set_tile_code(x, y, \"a.csl\", .{});").probes().size(), "every trip alike");
    }
}
