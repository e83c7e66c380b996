package org.waferscope.engine.csl.eval;

import java.util.List;
import java.util.Set;
import org.waferscope.engine.arch.Direction;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.ir.SourcePos;

/**
 * The SDK's {@code <directions>} library: five functions that turn one router port into
 * another, used where routes are computed (a ring's far end is {@code flip(FROM)}). Its
 * functions take and give {@code direction} values known at compile time. RAMP, the port to
 * the PE's own CE, has no place in the compass and comes back unchanged.
 */
final class DirectionsLibrary {
    private DirectionsLibrary() {
    }

    static final Set<String> FUNCTIONS = Set.of("flip", "flip_vertical", "flip_horizontal",
            "rotate_clockwise", "rotate_counterclockwise");

    static Value call(String fn, List<Value> args, SourcePos pos) {
        if (!FUNCTIONS.contains(fn)) {
            throw new CslError(pos, "module <directions> has no function " + fn + "; it has flip, flip_vertical, "
                    + "flip_horizontal, rotate_clockwise and rotate_counterclockwise");
        }
        if (args.size() != 1) {
            throw new CslError(pos, fn + " takes one direction");
        }
        if (args.get(0) == null) {
            throw new CslError(pos, fn + "() of <directions> needs a direction known at compile time");
        }
        if (!(args.get(0) instanceof Value.DirectionVal dv)) {
            throw new CslError(pos, fn + " takes a direction (NORTH, SOUTH, EAST, WEST), not " + args.get(0));
        }
        return new Value.DirectionVal(turn(fn, dv.d()));
    }

    /** What {@code fn} makes of {@code d}; x grows east and y south, so clockwise is N, E, S, W. */
    static Direction turn(String fn, Direction d) {
        return switch (fn) {
            case "flip" -> d.opposite();
            case "flip_vertical" -> d == Direction.NORTH || d == Direction.SOUTH ? d.opposite() : d;
            case "flip_horizontal" -> d == Direction.EAST || d == Direction.WEST ? d.opposite() : d;
            case "rotate_clockwise" -> switch (d) {
                case NORTH -> Direction.EAST;
                case EAST -> Direction.SOUTH;
                case SOUTH -> Direction.WEST;
                case WEST -> Direction.NORTH;
                case RAMP -> Direction.RAMP;
            };
            default -> switch (d) {
                case NORTH -> Direction.WEST;
                case WEST -> Direction.SOUTH;
                case SOUTH -> Direction.EAST;
                case EAST -> Direction.NORTH;
                case RAMP -> Direction.RAMP;
            };
        };
    }
}
