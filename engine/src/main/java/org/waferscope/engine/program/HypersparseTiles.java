package org.waferscope.engine.program;

import java.util.Arrays;
import java.util.List;

/**
 * Splits a matrix into a grid of tiles, one per PE, each stored in the hypersparse form the
 * SDK's spmv-hypersparse benchmark reads: only the tile's nonzero columns and nonzero rows
 * are listed (doubly compressed sparse columns, with the rows compressed too).
 *
 * <p>The matrix, {@code rows x cols}, is cut into {@code pe_rows x pe_cols} tiles of
 * {@code ceil(rows / pe_rows)} rows and {@code ceil(cols / pe_cols)} columns; tile
 * {@code (px, py)} goes to the PE in column px and row py. Within a tile, indices are local
 * (0 at the tile's first row or column) and lists run in ascending order. One part at a time
 * is made (run.json's {@code hypersparse(A, 'part', pe_cols, pe_rows[, length])}), of shape
 * {@code (pe_rows, pe_cols, length)}, each tile's list padded with zeros to {@code length}
 * (by default the longest tile's):
 *
 * <ul>
 *   <li>{@code vals}: the nonzeros, column by column, each column top to bottom;</li>
 *   <li>{@code rows}: for each nonzero, the position of its row in {@code y_rows};</li>
 *   <li>{@code y_rows}: the local indices of the rows that hold a nonzero;</li>
 *   <li>{@code col_idx}: the local indices of the columns that hold a nonzero;</li>
 *   <li>{@code col_len}: how many nonzeros each of those columns holds;</li>
 *   <li>{@code col_loc}: where each column's nonzeros start in {@code vals} (the running sum of {@code col_len});</li>
 *   <li>{@code nnz}, {@code nnz_cols}, {@code nnz_rows}: the tile's counts, one number each.</li>
 * </ul>
 *
 * <p>The PEs hold every index and count as a u16, so a tile that needs more than 65534 of
 * anything is refused, as the benchmark's own preprocessing refuses it.
 */
final class HypersparseTiles {
    static final List<String> PARTS = List.of("vals", "rows", "y_rows", "col_idx", "col_len", "col_loc", "nnz",
            "nnz_cols", "nnz_rows");
    /** More PE rows or columns than any wafer has. */
    static final int MAX_GRID = 4096;
    private static final int U16_LIMIT = 65534;

    private final double[] a;
    private final int rows;
    private final int cols;
    private final int peCols;
    private final int peRows;
    private final int tileRows;
    private final int tileCols;

    private HypersparseTiles(NdArray m, int peCols, int peRows) {
        if (m.shape().length != 2) {
            throw new IllegalArgumentException("hypersparse takes a 2-D matrix, not one of shape " + Arrays.toString(m.shape()));
        }
        if (peCols < 1 || peRows < 1 || peCols > MAX_GRID || peRows > MAX_GRID) {
            throw new IllegalArgumentException("hypersparse needs from 1 to " + MAX_GRID + " PE columns and rows, not "
                    + peCols + " x " + peRows);
        }
        this.a = m.data();
        this.rows = m.shape()[0];
        this.cols = m.shape()[1];
        this.peCols = peCols;
        this.peRows = peRows;
        this.tileRows = Math.max(1, (rows + peRows - 1) / peRows);
        this.tileCols = Math.max(1, (cols + peCols - 1) / peCols);
    }

    /**
     * One part of every tile, of shape (peRows, peCols, length); {@code length} below 0 means
     * the longest tile's.
     */
    static NdArray part(NdArray matrix, String part, int peCols, int peRows, int length) {
        if (!PARTS.contains(part)) {
            throw new IllegalArgumentException("hypersparse has no part '" + part + "'; the parts are " + PARTS);
        }
        return new HypersparseTiles(matrix, peCols, peRows).make(part, length);
    }

    /** One tile's lists, in scratch arrays reused from tile to tile. */
    private final class Tile {
        final double[] vals = new double[(int) Math.min((long) tileRows * tileCols, a.length)];
        final int[] rowPos = new int[vals.length];
        final int[] yRows = new int[tileRows];
        final int[] colIdx = new int[tileCols];
        final int[] colLen = new int[tileCols];
        final int[] colLoc = new int[tileCols];
        final int[] positionOfRow = new int[tileRows];
        int nnz;
        int nnzCols;
        int nnzRows;

        void fill(int px, int py) {
            nnz = 0;
            nnzCols = 0;
            nnzRows = 0;
            int r0 = py * tileRows;
            int c0 = px * tileCols;
            int r1 = Math.min(rows, r0 + tileRows);
            int c1 = Math.min(cols, c0 + tileCols);
            for (int r = r0; r < r1; r++) {
                positionOfRow[r - r0] = -1;
                for (int c = c0; c < c1; c++) {
                    if (a[r * cols + c] != 0) {
                        positionOfRow[r - r0] = nnzRows;
                        yRows[nnzRows++] = r - r0;
                        break;
                    }
                }
            }
            for (int c = c0; c < c1; c++) {
                int start = nnz;
                for (int r = r0; r < r1; r++) {
                    double v = a[r * cols + c];
                    if (v != 0) {
                        vals[nnz] = v;
                        rowPos[nnz++] = positionOfRow[r - r0];
                    }
                }
                if (nnz > start) {
                    colIdx[nnzCols] = c - c0;
                    colLoc[nnzCols] = start;
                    colLen[nnzCols++] = nnz - start;
                }
            }
            if (Math.max(nnz, Math.max(nnzCols, nnzRows)) > U16_LIMIT) {
                throw new IllegalArgumentException("tile (" + px + ", " + py + ") holds " + nnz + " nonzeros in "
                        + nnzCols + " columns and " + nnzRows + " rows; the PEs count them in u16, so at most "
                        + U16_LIMIT + " each: use more PEs");
            }
        }

        int length(String part) {
            return switch (part) {
                case "vals", "rows" -> nnz;
                case "y_rows" -> nnzRows;
                case "col_idx", "col_len", "col_loc" -> nnzCols;
                default -> 1;
            };
        }

        double at(String part, int k) {
            return switch (part) {
                case "vals" -> vals[k];
                case "rows" -> rowPos[k];
                case "y_rows" -> yRows[k];
                case "col_idx" -> colIdx[k];
                case "col_len" -> colLen[k];
                case "col_loc" -> colLoc[k];
                case "nnz" -> nnz;
                case "nnz_cols" -> nnzCols;
                default -> nnzRows;
            };
        }
    }

    private NdArray make(String part, int length) {
        Tile t = new Tile();
        int longest = 0;
        for (int py = 0; py < peRows; py++) {
            for (int px = 0; px < peCols; px++) {
                t.fill(px, py);
                longest = Math.max(longest, t.length(part));
            }
        }
        int len = length < 0 ? longest : length;
        if (len < longest) {
            throw new IllegalArgumentException("hypersparse part '" + part + "' needs a length of " + longest
                    + " for its longest tile, more than the " + len + " given");
        }
        double[] out = new double[NdArray.size(new int[] {peRows, peCols, len})];
        for (int py = 0; py < peRows; py++) {
            for (int px = 0; px < peCols; px++) {
                t.fill(px, py);
                int base = (py * peCols + px) * len;
                for (int k = 0; k < t.length(part); k++) {
                    out[base + k] = t.at(part, k);
                }
            }
        }
        return new NdArray(new int[] {peRows, peCols, len}, out);
    }
}
