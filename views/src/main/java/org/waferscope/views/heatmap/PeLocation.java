package org.waferscope.views.heatmap;

/** A PE's coordinates on the fabric: x grows east, y grows south, (0,0) is north-west. */
public record PeLocation(int x, int y) {
    @Override
    public String toString() {
        return "(" + x + ", " + y + ")";
    }
}
