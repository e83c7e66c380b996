package org.waferscope.views.heatmap;

/**
 * How a PE's array is laid out as a small image when zoomed in: a 2-D array by its
 * declared rows and columns; a 1-D array whose length is a square (a tile of a grid, as
 * heat-diffusion's T) as that square; any other as rows of the ceiling of its square root.
 */
public record TileShape(int columns, int rows) {
    public static TileShape of(int[] dims, int length) {
        if (dims.length == 2 && dims[0] * dims[1] == length) {
            return new TileShape(dims[1], dims[0]);
        }
        int side = (int) Math.ceil(Math.sqrt(Math.max(1, length)));
        return new TileShape(side, (Math.max(1, length) + side - 1) / side);
    }

    /** The element shown at column c, row r of the tile, or -1 past the end. */
    public int elementAt(int c, int r, int length) {
        int i = r * columns + c;
        return i < length ? i : -1;
    }
}
