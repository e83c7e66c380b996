package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole-grid references a run.json check may name, on cases whose answer is known by hand. */
class ReferenceKernelsTest {
    private static ArrayExpr.Typed grid(int rows, int cols, double... v) {
        return new ArrayExpr.Typed(new NdArray(new int[] {rows, cols}, v), NumpyType.U16);
    }

    private static ArrayExpr.Typed number(double v) {
        return new ArrayExpr.Typed(new NdArray(new int[0], new double[] {v}), NumpyType.WEAK_INT);
    }

    @Test
    void aGliderMovesOneCellDiagonallyEveryFourGenerations() {
        double[] start = new double[36];
        for (int[] c : new int[][] {{1, 0}, {2, 1}, {0, 2}, {1, 2}, {2, 2}}) {
            start[c[1] * 6 + c[0]] = 1;
        }
        double[] moved = new double[36];
        for (int[] c : new int[][] {{2, 1}, {3, 2}, {1, 3}, {2, 3}, {3, 3}}) {
            moved[c[1] * 6 + c[0]] = 1;
        }
        NdArray after = ArrayExpr.eval("life(b, g)", Map.of("b", grid(6, 6, start), "g", number(4)));
        assertArrayEquals(moved, after.data());
        assertArrayEquals(new int[] {6, 6}, after.shape());
    }

    @Test
    void aBlinkerAtTheEdgeTurnsAndDiesWhereItsNeighboursAreOffTheBoard() {
        // a vertical blinker in column 0: its turn would put a cell at x = -1, beyond the board, so two cells remain
        double[] b = {1, 0, 0, 1, 0, 0, 1, 0, 0};
        NdArray after = ArrayExpr.eval("life(b, 1)", Map.of("b", grid(3, 3, b)));
        assertArrayEquals(new double[] {0, 0, 0, 1, 1, 0, 0, 0, 0}, after.data());
    }

    @Test
    void oneHotPointSpreadsAlphaToEachNeighbourAndKeepsTheRest() {
        double[] g = new double[9];
        g[4] = 100;
        Map<String, ArrayExpr.Typed> env = Map.of("T", new ArrayExpr.Typed(new NdArray(new int[] {3, 3}, g), NumpyType.F32));
        NdArray after = ArrayExpr.eval("stencil5(T, 0.2, 1)", env);
        float a = 100 * 0.2f;
        float c = 100 * (1 - 4 * 0.2f);
        assertArrayEquals(new double[] {0, a, 0, a, c, a, 0, a, 0}, after.data(), 1e-5);
        // the edge is held at 0: heat leaves the plate, so after two steps less is left than was put in
        double total = java.util.Arrays.stream(ArrayExpr.eval("stencil5(T, 0.2, 2)", env).data()).sum();
        assertTrue(total < 100 - 1, "heat flowed off the edge: " + total);
    }

    @Test
    void theOriginNeverEscapesAndAPointFarOutEscapesAtOnce() {
        // a 2 x 2 image over [-2, 2) x [-2, 2): pixel (0, 0) is c = -2 - 2i, |c|^2 = 8 escapes after one iteration;
        // pixel (1, 1) is c = 0, which stays at z = 0 for every iteration
        NdArray img = ArrayExpr.eval("mandelbrot(2, 2, 50, -2.0, 2.0, -2.0, 2.0)", Map.of());
        assertEquals(1, img.data()[0]);
        assertEquals(50, img.data()[3]);
        assertArrayEquals(new int[] {2, 2}, img.shape());
    }

    @Test
    void aWrongArgumentIsSaidAndTooMuchWorkIsRefused() {
        Map<String, ArrayExpr.Typed> env = Map.of("v", new ArrayExpr.Typed(new NdArray(new int[] {4}, new double[4]),
                NumpyType.U16), "b", grid(2, 2, 0, 0, 0, 0));
        assertEquals("life takes a 2-D array (rows, columns), not shape [4]",
                assertThrows(IllegalArgumentException.class, () -> ArrayExpr.eval("life(v, 1)", env)).getMessage());
        assertEquals("life takes 2 arguments",
                assertThrows(IllegalArgumentException.class, () -> ArrayExpr.eval("life(b)", env)).getMessage());
        assertEquals("life's gens is a whole number from 0, not 1.5",
                assertThrows(IllegalArgumentException.class, () -> ArrayExpr.eval("life(b, 1.5)", env)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ArrayExpr.eval("life(b, 200000000)", env))
                .getMessage().startsWith("life of these sizes is too much work to check at load"));
    }

    @Test
    void atLoadAReferenceIsCheckedAndShapedButLeftToTheCheck() {
        double[] b = {1, 0, 0, 1, 0, 0, 1, 0, 0};
        Map<String, ArrayExpr.Typed> env = Map.of("b", grid(3, 3, b));
        ArrayExpr.Shaped later = ArrayExpr.shaped("life(b, 1) + 1", env);
        assertFalse(later.exact(), "life's loop is left for the check");
        assertArrayEquals(new int[] {3, 3}, later.value().shape());
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1}, later.value().data(), "zeros in its place, then + 1");
        ArrayExpr.Shaped now = ArrayExpr.shaped("b * 2", env);
        assertTrue(now.exact(), "an expression without a reference is the value itself");
        assertArrayEquals(ArrayExpr.eval("b * 2", env).data(), now.value().data());
        // what the full evaluation would refuse is refused without it
        assertEquals("life's gens is a whole number from 0, not 1.5",
                assertThrows(IllegalArgumentException.class, () -> ArrayExpr.shaped("life(b, 1.5)", env)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ArrayExpr.shaped("mandelbrot(4096, 4096, 100000, -2, 1, -1, 1)", env))
                .getMessage().startsWith("mandelbrot of these sizes is too much work to check at load"));
    }
}
