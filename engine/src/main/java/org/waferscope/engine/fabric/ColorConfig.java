package org.waferscope.engine.fabric;

import java.util.List;
import java.util.Objects;

/**
 * How a PE's router handles one color: up to four switch positions (position 0 is the
 * default route), the position it starts in, whether advancing past the last position
 * wraps to 0 (ring mode), and an optional index filter on what reaches the CE.
 *
 * @param positions       1 to 4 route positions
 * @param initialPosition the switch position at load and after a reset
 * @param ringMode        advancing from the last position wraps to position 0
 * @param filterMin       lowest wavelet index admitted to the CE through RAMP, or -1 for no filter
 * @param filterMax       highest index admitted (inclusive)
 * @param swapX           color swap in x: a wavelet this router sends EAST or WEST leaves on the
 *                        color whose number differs in the lowest bit ({@code .color_swap_x})
 * @param swapY           the same for NORTH and SOUTH ({@code .color_swap_y})
 * @param pop             when this router pops a control wavelet's switch command, so that the
 *                        routers after it see none ({@code .pop_mode}): {@link #NO_POP},
 *                        {@link #POP_ON_ADVANCE} or {@link #ALWAYS_POP}
 * @param teardown        the color starts in teardown mode ({@code .teardown = true}): the
 *                        router moves none of its wavelets until the CE ends the mode
 * @param counter         a counter filter on what reaches the CE, or null ({@link CounterFilter});
 *                        a color has a range filter or a counter filter, not both
 */
public record ColorConfig(List<RoutePosition> positions, int initialPosition, boolean ringMode,
                          int filterMin, int filterMax, boolean swapX, boolean swapY, int pop, boolean teardown,
                          CounterFilter counter) {
    public static final int NO_POP = 0;
    /** Pops a command that advances this router's switch. */
    public static final int POP_ON_ADVANCE = 1;
    /** Pops every command that passes. */
    public static final int ALWAYS_POP = 2;

    public static final int MAX_POSITIONS = 4;

    public ColorConfig {
        positions = List.copyOf(positions);
        if (positions.isEmpty() || positions.size() > MAX_POSITIONS) {
            throw new IllegalArgumentException("a color has 1 to 4 switch positions, not " + positions.size());
        }
        if (initialPosition < 0 || initialPosition >= positions.size()) {
            throw new IllegalArgumentException("switch position " + initialPosition + " is not configured");
        }
        if (counter != null && filterMin >= 0) {
            throw new IllegalArgumentException("a color has a range filter or a counter filter, not both");
        }
    }

    /** A color config without a counter filter. */
    public ColorConfig(List<RoutePosition> positions, int initialPosition, boolean ringMode, int filterMin, int filterMax,
                       boolean swapX, boolean swapY, int pop, boolean teardown) {
        this(positions, initialPosition, ringMode, filterMin, filterMax, swapX, swapY, pop, teardown, null);
    }

    /** The same config with other route positions (the same number of them). */
    public ColorConfig withPositions(List<RoutePosition> other) {
        return new ColorConfig(other, initialPosition, ringMode, filterMin, filterMax, swapX, swapY, pop, teardown, counter);
    }

    /** A color config that starts out of teardown mode. */
    public ColorConfig(List<RoutePosition> positions, int initialPosition, boolean ringMode, int filterMin, int filterMax,
                       boolean swapX, boolean swapY, int pop) {
        this(positions, initialPosition, ringMode, filterMin, filterMax, swapX, swapY, pop, false);
    }

    /** A color config without color swap. */
    public ColorConfig(List<RoutePosition> positions, int initialPosition, boolean ringMode, int filterMin, int filterMax) {
        this(positions, initialPosition, ringMode, filterMin, filterMax, false, false, NO_POP);
    }

    // written out, as csl.value.Value's are: the generated ones spin classes in a cold JVM
    @Override
    public boolean equals(Object o) {
        return o instanceof ColorConfig c && Objects.equals(c.positions, positions) && c.initialPosition == initialPosition
                && c.ringMode == ringMode && c.filterMin == filterMin && c.filterMax == filterMax && c.swapX == swapX
                && c.swapY == swapY && c.pop == pop && c.teardown == teardown && Objects.equals(c.counter, counter);
    }

    @Override
    public int hashCode() {
        int h = Objects.hashCode(positions) * 31 + initialPosition;
        h = (h * 31 + Boolean.hashCode(ringMode)) * 31 + filterMin;
        h = (h * 31 + filterMax) * 31 + Boolean.hashCode(swapX);
        h = (h * 31 + Boolean.hashCode(swapY)) * 31 + pop;
        return (h * 31 + Boolean.hashCode(teardown)) * 31 + Objects.hashCode(counter);
    }

    /** The color a wavelet of {@code color} leaves on toward link direction {@code d} (0 N, 1 S, 2 E, 3 W). */
    public int colorToward(int color, int d) {
        boolean swap = d >= 2 ? swapX : swapY;
        return swap ? color ^ 1 : color;
    }

    /** A plain route with no switches and no filter. */
    public static ColorConfig route(int rx, int tx) {
        return new ColorConfig(List.of(new RoutePosition(rx, tx)), 0, false, -1, -1);
    }

    public boolean hasFilter() {
        return filterMin >= 0 || counter != null;
    }

    /** Every port any position accepts from. */
    public int rxUnion() {
        int m = 0;
        for (RoutePosition p : positions) {
            m |= p.rx();
        }
        return m;
    }

    /** Every port any position sends to. */
    public int txUnion() {
        int m = 0;
        for (RoutePosition p : positions) {
            m |= p.tx();
        }
        return m;
    }
}
