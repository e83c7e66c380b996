package org.waferscope.engine.fabric;

import org.waferscope.engine.arch.Direction;

/**
 * One switch position of a color's route at a PE: the ports it accepts wavelets from
 * ({@code rx}) and the ports it forwards each wavelet to ({@code tx}; more than one is a
 * multicast). Both are masks of {@link Direction#bit()}.
 */
public record RoutePosition(int rx, int tx) {
    public RoutePosition {
        if ((rx & ~0x1F) != 0 || (tx & ~0x1F) != 0) {
            throw new IllegalArgumentException("port mask out of range");
        }
    }

    public static RoutePosition of(Direction[] rx, Direction[] tx) {
        return new RoutePosition(mask(rx), mask(tx));
    }

    public static int mask(Direction... ds) {
        int m = 0;
        for (Direction d : ds) {
            m |= d.bit();
        }
        return m;
    }

    // written out, as csl.value.Value's are: the generated ones spin classes in a cold JVM
    @Override
    public boolean equals(Object o) {
        return o instanceof RoutePosition p && p.rx == rx && p.tx == tx;
    }

    @Override
    public int hashCode() {
        return rx * 31 + tx;
    }

    @Override
    public String toString() {
        return "rx=" + Direction.maskToString(rx) + " tx=" + Direction.maskToString(tx);
    }
}
