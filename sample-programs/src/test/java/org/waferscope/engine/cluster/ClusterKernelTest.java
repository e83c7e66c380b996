package org.waferscope.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.program.ClasspathSource;
import org.waferscope.engine.program.WaferProgram;

/**
 * The dense-layer kernel of the bundled cluster program, run on the engine, against the
 * plain Java arithmetic of the same layers: forward outputs, and the weight gradients of
 * both layers after a backward pass (the lower one depends on the dX the upper one left
 * on the wafer).
 */
class ClusterKernelTest {
    static final ClasspathSource FOLDER = new ClasspathSource(ClusterKernelTest.class.getClassLoader(),
            "org/waferscope/samples/cluster-digits");

    @ParameterizedTest(name = "{0}-{1}-{2} on {3}x{4} PEs, {5} samples, {6}")
    @CsvSource({"64, 32, 10, 4, 2, 16, wse2", "5, 7, 3, 3, 2, 13, wse2", "9, 4, 6, 1, 1, 3, wse2",
        "16, 8, 4, 2, 2, 8, wse3"})
    void kernelMatchesTheReference(int in, int hidden, int out, int w, int h, int samples, String arch)
            throws Exception {
        SplittableRandom r = new SplittableRandom(in * 31L + hidden);
        int bp = (samples + w * h - 1) / (w * h);
        SramPlan plan = new SramPlan(bp, new int[] {in, hidden, out});
        WaferProgram kernel = KernelSource.load(FOLDER, ArchProfile.byName(arch), plan, w, h);
        float[][] x = random(r, samples, in);
        float[] w1 = random(r, 1, hidden * (in + 1))[0];
        float[] w2 = random(r, 1, out * (hidden + 1))[0];
        float[][] dz2 = random(r, samples, out);
        try (CsSystem sys = new CsSystem(kernel, plan, w, h, 1)) {
            sys.loadBatch(x);
            sys.forward(1, w1, true);
            sys.forward(2, w2, false);
            float[][] a1 = DenseMath.forward(x, w1, hidden, true);
            float[][] a2 = DenseMath.forward(a1, w2, out, false);
            assertArrayEquals(a1, sys.outputs(1, samples), "layer 1 forward");
            assertArrayEquals(a2, sys.outputs(2, samples), "layer 2 forward");

            sys.loadOutputGradient(dz2);
            long[] cycles = new long[1];
            float[] g2 = sys.backward(2, w2, false, cycles);
            float[] g1 = sys.backward(1, w1, true, cycles);
            float[][] dz1 = DenseMath.reluGrad(DenseMath.inputGradient(dz2, w2, hidden, out), a1);
            assertClose(DenseMath.weightGradient(a1, dz2, hidden, out), g2, "layer 2 weight gradient");
            assertClose(DenseMath.weightGradient(x, dz1, in, hidden), g1, "layer 1 weight gradient");
        }
    }

    static float[][] random(SplittableRandom r, int rows, int cols) {
        float[][] a = new float[rows][cols];
        for (float[] row : a) {
            for (int i = 0; i < cols; i++) {
                row[i] = (float) (r.nextDouble() - 0.5);
            }
        }
        return a;
    }

    /** Sums over samples are added in another order on the wafer (per PE, then east along rows). */
    static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5 * (1 + Math.abs(expected[i])), what + " [" + i + "]");
        }
    }
}
