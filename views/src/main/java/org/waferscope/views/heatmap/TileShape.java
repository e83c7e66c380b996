package org.waferscope.views.heatmap;

/**
 * How a PE's array is laid out as a small image when zoomed in: a 2-D array by its
 * declared rows and columns; a 1-D array whose length is a square (a tile of a grid, as
 * heat-diffusion's T) as that square; any other as the most nearly square rectangle it
 * fills exactly (8 as 4 x 2), or, for a length with no such shape (a prime), as rows of the
 * ceiling of its square root with the last row short.
 */
public record TileShape(int columns, int rows) {
    /** As {@link #of(int[], int)}; with {@code asRow} a 1-D array is one row of {@code length} columns. */
    public static TileShape of(int[] dims, int length, boolean asRow) {
        return asRow && dims.length < 2 ? new TileShape(Math.max(1, length), 1) : of(dims, length);
    }

    public static TileShape of(int[] dims, int length) {
        if (dims.length == 2 && dims[0] * dims[1] == length) {
            return new TileShape(dims[1], dims[0]);
        }
        int n = Math.max(1, length);
        for (int rows = (int) Math.sqrt(n); rows > 1; rows--) {
            if (n % rows == 0 && n / rows <= 4 * rows) {
                return new TileShape(n / rows, rows);
            }
        }
        int side = (int) Math.ceil(Math.sqrt(n));
        return new TileShape(side, (n + side - 1) / side);
    }

    /** Whether column c, row r is a corner of a tile of 3 × 3 or more (a halo's corner, when it has one). */
    public boolean isCorner(int c, int r) {
        return columns >= 3 && rows >= 3 && (c == 0 || c == columns - 1) && (r == 0 || r == rows - 1);
    }

    /** The element shown at column c, row r of the tile, or -1 past the end. */
    public int elementAt(int c, int r, int length) {
        int i = r * columns + c;
        return i < length ? i : -1;
    }
}
