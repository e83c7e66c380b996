package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.host.CheckResult;
import org.waferscope.engine.host.HostArray;
import org.waferscope.engine.host.HostStep;

/**
 * run.json's {@code fftn}, {@code ifftn}, {@code cos} and {@code sin}, on cases whose answer is
 * known by hand, and checks with {@code "complex": true}, which compare (real, imaginary) pairs
 * as numpy's allclose compares complex numbers.
 */
class FourierChecksTest {
    private static ArrayExpr.Typed pairs(int[] shape, double... v) {
        return new ArrayExpr.Typed(new NdArray(shape, v), NumpyType.F32);
    }

    @Test
    void aTwoByTwoTransformIsSumsAndDifferencesAndTheNormsScaleAsNumpys() {
        // a = [[1, 2i], [3, 0]]: F[k, l] = sum a[j, m] (-1)^(jk + lm)
        Map<String, ArrayExpr.Typed> env = Map.of("a", pairs(new int[] {2, 2, 2}, 1, 0, 0, 2, 3, 0, 0, 0));
        double[] f = {4, 2, 4, -2, -2, 2, -2, -2};
        assertArrayEquals(f, ArrayExpr.eval("fftn(a, 0)", env).data(), 1e-12);
        assertArrayEquals(java.util.Arrays.stream(f).map(v -> v / 4).toArray(), ArrayExpr.eval("fftn(a, 2)", env).data(), 1e-12);
        assertArrayEquals(java.util.Arrays.stream(f).map(v -> v / 2).toArray(), ArrayExpr.eval("fftn(a, 1)", env).data(), 1e-12);
        // on a 2 x 2 grid every e^(+-i pi ...) is real, so the inverse is the same sums over 4 (backward)
        assertArrayEquals(java.util.Arrays.stream(f).map(v -> v / 4).toArray(), ArrayExpr.eval("ifftn(a, 0)", env).data(), 1e-12);
        assertArrayEquals(f, ArrayExpr.eval("ifftn(a, 2)", env).data(), 1e-12);
    }

    @Test
    void aShiftedImpulseGivesTheTwiddlesAndTheInverseUndoesTheTransform() {
        // an impulse at index 1 of 3 x 4: F[k, l] = e^(-2 pi i l / 4), for every k
        double[] v = new double[24];
        v[2] = 1;
        Map<String, ArrayExpr.Typed> env = Map.of("a", pairs(new int[] {3, 4, 2}, v), "b", pairs(new int[] {3, 4, 2},
                java.util.stream.IntStream.range(0, 24).mapToDouble(i -> (i * 7 % 11) - 5).toArray()));
        double[] f = ArrayExpr.eval("fftn(a, 0)", env).data();
        for (int k = 0; k < 3; k++) {
            for (int l = 0; l < 4; l++) {
                assertEquals(Math.cos(2 * Math.PI * l / 4), f[2 * (k * 4 + l)], 1e-12);
                assertEquals(-Math.sin(2 * Math.PI * l / 4), f[2 * (k * 4 + l) + 1], 1e-12);
            }
        }
        for (int norm = 0; norm < 3; norm++) {
            NdArray back = Dft.transform(Dft.transform(env.get("b").nd(), norm, false, false), norm, true, false);
            assertArrayEquals(env.get("b").nd().data(), back.data(), 1e-9, "norm " + norm);
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ArrayExpr.eval("fftn(a, 3)", env)).getMessage()
                .contains("0 (backward), 1 (ortho) or 2 (forward)"));
        Map<String, ArrayExpr.Typed> odd = Map.of("c", pairs(new int[] {2, 3}, new double[6]));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ArrayExpr.eval("fftn(c, 0)", odd)).getMessage()
                .contains("last axis of 2"));
    }

    @Test
    void cosAndSinAreElementwiseInRadians() {
        Map<String, ArrayExpr.Typed> env = Map.of("k", new ArrayExpr.Typed(new NdArray(new int[] {3}, new double[] {0, 1, 2}),
                NumpyType.I32));
        assertArrayEquals(new double[] {1, 0, -1}, ArrayExpr.eval("cos(3.141592653589793 * k / 2)", env).data(), 1e-15);
        assertArrayEquals(new double[] {0, 1, 0}, ArrayExpr.eval("sin(3.141592653589793 * k / 2)", env).data(), 1e-15);
    }

    private static HostStep.Check complexCheck(double[] expected, double rtol) {
        return new HostStep.Check("z", "z", () -> expected, 0, 0, rtol, 0, 1, true, null, expected.length, true);
    }

    @Test
    void aComplexCheckMeasuresEachNumberByItsMagnitude() {
        // (3 + 4i) has magnitude 5: a difference of 0.05 in its real part alone, or 0.03 + 0.04i, is 1 %;
        // a near-zero real part beside a large imaginary one is no harder to match than the number
        double[] expected = {3, 4, 0.001, 10};
        HostArray close = HostArray.ofFloats("z", new int[] {4}, 3.03f, 4.04f, 0.05f, 10f);
        CheckResult ok = CheckResult.compare(complexCheck(expected, 0.0101), close);
        assertTrue(ok.pass(), ok.describe());
        CheckResult tight = CheckResult.compare(complexCheck(expected, 0.0099), close);
        assertFalse(tight.pass());
        assertEquals(1, tight.mismatches());
        assertEquals(0, tight.firstBad());
        assertFalse(CheckResult.compare(new HostStep.Check("z", "z", () -> expected, 0, 0, 0.0101, 0, 1, true, null, 4,
                false), close).pass(), "part by part, 0.05 against 0.001 is far off");
        assertEquals(ElementType.F32, close.type());
    }
}
