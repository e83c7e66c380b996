package org.waferscope.engine.arch;

/**
 * The five ports of a router. x grows east and y grows south, so (0,0) is the north-west
 * corner of the fabric. The ordinal is the bit used in rx/tx port masks.
 */
public enum Direction {
    NORTH(0, -1), SOUTH(0, 1), EAST(1, 0), WEST(-1, 0), RAMP(0, 0);

    /** The four fabric links, in mask-bit order; RAMP is the link to the PE's own CE. */
    public static final Direction[] LINKS = {NORTH, SOUTH, EAST, WEST};

    public final int dx;
    public final int dy;

    Direction(int dx, int dy) {
        this.dx = dx;
        this.dy = dy;
    }

    public int bit() {
        return 1 << ordinal();
    }

    /** The port on the neighbour at which a wavelet sent through this port arrives. */
    public Direction opposite() {
        return switch (this) {
            case NORTH -> SOUTH;
            case SOUTH -> NORTH;
            case EAST -> WEST;
            case WEST -> EAST;
            case RAMP -> RAMP;
        };
    }

    /** Renders a port mask as in CSL, e.g. {@code {RAMP, EAST}}. */
    public static String maskToString(int mask) {
        StringBuilder sb = new StringBuilder("{");
        for (Direction d : values()) {
            if ((mask & d.bit()) != 0) {
                if (sb.length() > 1) {
                    sb.append(", ");
                }
                sb.append(d.name());
            }
        }
        return sb.append('}').toString();
    }
}
