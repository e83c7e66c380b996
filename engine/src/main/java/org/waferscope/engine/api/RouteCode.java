package org.waferscope.engine.api;

/**
 * Packs a PE's route of one color into the {@link MetricLayer#ROUTE} layer's value:
 * bits 0..4 tx mask, 5..9 rx mask, 10..11 current switch position, bit 12 set when the
 * color is configured. Exact in a float.
 */
public final class RouteCode {
    private RouteCode() {
    }

    public static int pack(int rx, int tx, int position) {
        return tx | (rx << 5) | (position << 10) | (1 << 12);
    }

    public static boolean configured(int code) {
        return (code & (1 << 12)) != 0;
    }

    public static int tx(int code) {
        return code & 0x1F;
    }

    public static int rx(int code) {
        return (code >>> 5) & 0x1F;
    }

    public static int position(int code) {
        return (code >>> 10) & 0x3;
    }
}
