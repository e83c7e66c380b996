package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The hypersparse tiles of {@link HypersparseTiles} against a plain reference built from the
 * matrix's nonzeros with sorted maps, on a 7 x 10 matrix over 3 x 2 PEs (tiles of 4 x 4, the
 * last ones cut short), and the matrix rebuilt from the parts.
 */
class HypersparseTilesTest {
    private static final int ROWS = 7;
    private static final int COLS = 10;
    private static final int PE_COLS = 3;
    private static final int PE_ROWS = 2;

    /** A matrix with empty rows and columns in some tiles, and one tile with no nonzero at all. */
    private static NdArray matrix() {
        double[] a = new double[ROWS * COLS];
        int[][] nonzeros = {{0, 0}, {0, 3}, {2, 1}, {3, 3}, {1, 5}, {3, 4}, {3, 7}, {0, 6}, {4, 2}, {6, 0}, {6, 2},
            {5, 9}, {4, 8}, {6, 8}, {2, 9}};
        int k = 1;
        for (int[] nz : nonzeros) {
            a[nz[0] * COLS + nz[1]] = k++ * 0.5;
        }
        return new NdArray(new int[] {ROWS, COLS}, a);
    }

    /** One tile, as the reference lays it out: by column, then by row, with the parts as lists. */
    private record RefTile(List<Double> vals, List<Integer> rows, List<Integer> yRows, List<Integer> colIdx,
                           List<Integer> colLen, List<Integer> colLoc) {
    }

    private static RefTile reference(NdArray m, int px, int py) {
        int tr = (ROWS + PE_ROWS - 1) / PE_ROWS;
        int tc = (COLS + PE_COLS - 1) / PE_COLS;
        TreeMap<Integer, TreeMap<Integer, Double>> byColumn = new TreeMap<>();
        TreeSet<Integer> rowsWithNonzero = new TreeSet<>();
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                double v = m.data()[r * COLS + c];
                if (v != 0 && r / tr == py && c / tc == px) {
                    byColumn.computeIfAbsent(c % tc, x -> new TreeMap<>()).put(r % tr, v);
                    rowsWithNonzero.add(r % tr);
                }
            }
        }
        List<Integer> yRows = new ArrayList<>(rowsWithNonzero);
        RefTile t = new RefTile(new ArrayList<>(), new ArrayList<>(), yRows, new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        for (var col : byColumn.entrySet()) {
            t.colIdx().add(col.getKey());
            t.colLoc().add(t.vals().size());
            t.colLen().add(col.getValue().size());
            for (var e : col.getValue().entrySet()) {
                t.vals().add(e.getValue());
                t.rows().add(yRows.indexOf(e.getKey()));
            }
        }
        return t;
    }

    private static List<? extends Number> refPart(RefTile t, String part) {
        return switch (part) {
            case "vals" -> t.vals();
            case "rows" -> t.rows();
            case "y_rows" -> t.yRows();
            case "col_idx" -> t.colIdx();
            case "col_len" -> t.colLen();
            case "col_loc" -> t.colLoc();
            case "nnz" -> List.of(t.vals().size());
            case "nnz_cols" -> List.of(t.colIdx().size());
            default -> List.of(t.yRows().size());
        };
    }

    @Test
    void everyPartOfEveryTileIsTheReferencesPaddedWithZeros() {
        NdArray m = matrix();
        for (String part : HypersparseTiles.PARTS) {
            int longest = 0;
            for (int py = 0; py < PE_ROWS; py++) {
                for (int px = 0; px < PE_COLS; px++) {
                    longest = Math.max(longest, refPart(reference(m, px, py), part).size());
                }
            }
            for (int length : new int[] {-1, longest + 2}) {
                NdArray got = HypersparseTiles.part(m, part, PE_COLS, PE_ROWS, length);
                int len = length < 0 ? longest : length;
                assertArrayEquals(new int[] {PE_ROWS, PE_COLS, len}, got.shape(), part);
                for (int py = 0; py < PE_ROWS; py++) {
                    for (int px = 0; px < PE_COLS; px++) {
                        List<? extends Number> want = refPart(reference(m, px, py), part);
                        for (int k = 0; k < len; k++) {
                            double w = k < want.size() ? want.get(k).doubleValue() : 0;
                            assertEquals(w, got.data()[(py * PE_COLS + px) * len + k],
                                    part + " of tile (" + px + ", " + py + ")[" + k + "]");
                        }
                    }
                }
            }
        }
    }

    @Test
    void thePartsGiveTheMatrixBack() {
        NdArray m = matrix();
        Map<String, NdArray> p = new HashMap<>();
        for (String part : HypersparseTiles.PARTS) {
            p.put(part, HypersparseTiles.part(m, part, PE_COLS, PE_ROWS, -1));
        }
        double[] back = new double[ROWS * COLS];
        for (int py = 0; py < PE_ROWS; py++) {
            for (int px = 0; px < PE_COLS; px++) {
                int tile = py * PE_COLS + px;
                int nzCols = (int) p.get("nnz_cols").data()[tile];
                for (int j = 0; j < nzCols; j++) {
                    int at = tile * p.get("col_idx").shape()[2] + j;
                    int c = px * 4 + (int) p.get("col_idx").data()[at];
                    int start = (int) p.get("col_loc").data()[at];
                    for (int k = start; k < start + (int) p.get("col_len").data()[at]; k++) {
                        int nzAt = tile * p.get("vals").shape()[2] + k;
                        int place = (int) p.get("rows").data()[nzAt];
                        int r = py * 4 + (int) p.get("y_rows").data()[tile * p.get("y_rows").shape()[2] + place];
                        back[r * COLS + c] += p.get("vals").data()[nzAt];
                    }
                }
            }
        }
        assertArrayEquals(m.data(), back);
    }

    @Test
    void runJsonExpressionsNameThePartInQuotes() {
        Map<String, ArrayExpr.Typed> env = Map.of("A", new ArrayExpr.Typed(matrix(), NumpyType.F32),
                "W", new ArrayExpr.Typed(new NdArray(new int[0], new double[] {PE_COLS}), NumpyType.WEAK_INT));
        NdArray lens = ArrayExpr.eval("hypersparse(A, 'col_len', W, 2, 5)", env);
        assertArrayEquals(new int[] {2, 3, 5}, lens.shape());
        assertArrayEquals(HypersparseTiles.part(matrix(), "col_len", 3, 2, 5).data(), lens.data());
        assertArrayEquals(new int[] {2, 3, 1}, ArrayExpr.eval("hypersparse(A, \"nnz\", 3, 2)", env).shape());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ArrayExpr.eval("hypersparse(A, 'cols', 3, 2)", env))
                .getMessage().startsWith("hypersparse has no part 'cols'; the parts are [vals, rows"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ArrayExpr.eval("hypersparse(A, vals, 3, 2)", env))
                .getMessage().startsWith("hypersparse takes (A, 'part', pe_cols, pe_rows[, length])"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ArrayExpr.eval("hypersparse(A, 'vals', 3)", env))
                .getMessage().startsWith("hypersparse takes"));
        assertEquals("hypersparse part 'vals' needs a length of 4 for its longest tile, more than the 3 given",
                assertThrows(IllegalArgumentException.class, () -> ArrayExpr.eval("hypersparse(A, 'vals', 3, 2, 3)", env))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ArrayExpr.eval("hypersparse(A @ A.T, 'vals', 0, 2)",
                env)).getMessage().startsWith("hypersparse needs from 1 to 4096 PE columns and rows, not 0 x 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ArrayExpr.eval("hypersparse(sum(A), 'vals', 1, 1)",
                env)).getMessage().startsWith("hypersparse takes a 2-D matrix"));
    }
}
