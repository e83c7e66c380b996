package org.waferscope.engine.api;

/**
 * What a heatmap shows, one value per PE. {@link #categorical} layers hold small integer
 * codes (see {@link TaskStateCode}, {@link RouteCode}), the others measurements;
 * {@link #VALUE} is the program's own data, read from SRAM.
 */
public enum MetricLayer {
    UTILIZATION("Core utilization", "% busy", false),
    SRAM("SRAM occupancy", "bytes", false),
    TRAFFIC("Fabric traffic", "wavelets/cycle", false),
    BACKPRESSURE("Back-pressure", "% stalled", false),
    TASK_STATE("Task state", "", true),
    ROUTE("Route of a color", "", true),
    /** A program variable chosen by a {@link ValueQuery}; PEs without it hold NaN ("no value"). */
    VALUE("Program value", "", false);

    public final String title;
    public final String unit;
    public final boolean categorical;

    MetricLayer(String title, String unit, boolean categorical) {
        this.title = title;
        this.unit = unit;
        this.categorical = categorical;
    }
}
