package org.waferscope.engine.api;

import java.util.List;

/**
 * An immutable, numbered picture of the simulation for the views, published at most at
 * display rate. The arrays are owned by the frame: the engine never writes them again.
 *
 * @param number       increases with every published frame
 * @param cycle        the cycle the frame shows
 * @param state        the lifecycle state
 * @param width        fabric width in PEs
 * @param height       fabric height in PEs
 * @param layer        which layer {@code values} holds
 * @param routeColor   for the route layer, the color shown
 * @param values       one value per PE, row-major (y * width + x); for categorical layers a code
 * @param min          smallest value the legend spans
 * @param max          largest value the legend spans
 * @param links        for traffic and back-pressure, per PE and link direction (index pe*4+d,
 *                     d in NORTH, SOUTH, EAST, WEST order); otherwise null
 * @param stats        fabric-wide totals
 * @param timeline     recent timeline samples, oldest first
 * @param message      a status message (e.g. the deadlock report's first line), or ""
 * @param hit          the breakpoint the run paused at, or null (cleared by the next step or run)
 * @param value        for {@link MetricLayer#VALUE}, what was read and how; otherwise null
 */
public record Frame(long number, long cycle, SimState state, int width, int height, MetricLayer layer,
                    int routeColor, float[] values, float min, float max, float[] links, FabricStats stats,
                    List<TimelinePoint> timeline, String message, BreakHit hit, ValueSample value) {

    /** A frame of a layer other than the value layer, with no breakpoint hit. */
    public Frame(long number, long cycle, SimState state, int width, int height, MetricLayer layer, int routeColor,
                 float[] values, float min, float max, float[] links, FabricStats stats, List<TimelinePoint> timeline,
                 String message) {
        this(number, cycle, state, width, height, layer, routeColor, values, min, max, links, stats, timeline, message,
                null, null);
    }

    public static Frame empty() {
        return new Frame(0, 0, SimState.EMPTY, 1, 1, MetricLayer.UTILIZATION, 0, new float[1], 0, 1, null,
                FabricStats.NONE, List.of(), "");
    }

    public float value(int x, int y) {
        return values[y * width + x];
    }

    /** This frame with {@code h} as its breakpoint hit. */
    public Frame withHit(BreakHit h) {
        return new Frame(number, cycle, state, width, height, layer, routeColor, values, min, max, links, stats, timeline,
                message, h, value);
    }
}
