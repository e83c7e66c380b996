package org.waferscope.engine.csl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.Direction;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.ir.SourcePos;

/** {@code <directions>} against a plain reference: each function as a map of the (dx, dy) step of a port. */
class DirectionsLibraryTest {
    /** The port whose step is (dx, dy). */
    private static Direction port(int dx, int dy) {
        for (Direction d : Direction.LINKS) {
            if (d.dx == dx && d.dy == dy) {
                return d;
            }
        }
        throw new AssertionError(dx + "," + dy);
    }

    /** With y growing south, a quarter turn clockwise takes (dx, dy) to (-dy, dx). */
    private static Direction reference(String fn, Direction d) {
        return switch (fn) {
            case "flip" -> port(-d.dx, -d.dy);
            case "flip_vertical" -> port(d.dx, -d.dy);
            case "flip_horizontal" -> port(-d.dx, d.dy);
            case "rotate_clockwise" -> port(-d.dy, d.dx);
            default -> port(d.dy, -d.dx);
        };
    }

    @Test
    void everyFunctionMovesEveryLinkAsTheGeometrySays() {
        SourcePos pos = new SourcePos("t.csl", 1, 1);
        for (String fn : DirectionsLibrary.FUNCTIONS) {
            for (Direction d : Direction.LINKS) {
                Value v = DirectionsLibrary.call(fn, List.of(new Value.DirectionVal(d)), pos);
                assertEquals(new Value.DirectionVal(reference(fn, d)), v, fn + "(" + d + ")");
            }
            assertEquals(new Value.DirectionVal(Direction.RAMP),
                    DirectionsLibrary.call(fn, List.of(new Value.DirectionVal(Direction.RAMP)), pos));
        }
        assertEquals(Direction.EAST, reference("rotate_clockwise", Direction.NORTH));
    }

    @Test
    void aWrongCallIsAPositionedError() {
        SourcePos pos = new SourcePos("t.csl", 3, 7);
        CslError e = assertThrows(CslError.class, () -> DirectionsLibrary.call("mirror", List.of(), pos));
        assertEquals(pos, e.pos());
        assertThrows(CslError.class, () -> DirectionsLibrary.call("flip", List.of(new Value.BoolVal(true)), pos));
        assertThrows(CslError.class, () -> DirectionsLibrary.call("flip", List.of(), pos));
    }
}
