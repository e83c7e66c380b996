package org.waferscope.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Layer-pipelined training on one wafer, every layer in its own region with its weights
 * resident, runs on the engine and learns what the plain Java reference learns: the same
 * losses and, after a few steps, the same weights within f32 rounding (sums over
 * micro-batches are added in another order).
 */
class LayerPipelinedTest {
    @ParameterizedTest(name = "batch {0} on {1}")
    @CsvSource({"20, wse2", "12, wse3"})
    void weightsAfterStepsMatchTheReference(int batch, String arch) throws Exception {
        ClusterProgram p = ClusterProgram.load(ClusterKernelTest.FOLDER);
        ClusterSpec spec = p.spec().withSystems(1).withBatch(batch);
        if (!arch.equals("wse2")) {
            spec = new ClusterSpec(spec.title(), spec.summary(), spec.lesson(),
                    org.waferscope.engine.arch.ArchProfile.byName(arch), spec.systems(), spec.inputs(), spec.layers(),
                    spec.data(), spec.training(), spec.links());
        }
        p = p.with(spec);
        ReferenceTraining ref = new ReferenceTraining(spec, p.data());
        try (LayerPipelined lp = new LayerPipelined(p, 1)) {
            for (int s = 0; s < 2; s++) {
                LayerPipelined.Step step = lp.step();
                assertEquals(ref.step(), step.loss(), 1e-5, "loss of step " + s);
                int m = (batch + 7) / 8;
                assertEquals(m + 1, step.forwardTicks().length, "m + L - 1 ticks for 2 layers");
                for (long c : step.forwardTicks()) {
                    assertTrue(c > 0, "every tick runs on the engine");
                }
            }
            for (int l = 1; l <= spec.layers().size(); l++) {
                ClusterKernelTest.assertClose(ref.weights(l), lp.weights(l), "layer " + l + " weights");
            }
            LayerPipelined.Result r = lp.result();
            assertEquals(24, r.pes(), "two regions of 6 x 2 PEs");
            assertEquals(2L * 4 * (32 * 65 + 10 * 33) * 2, r.residentWeightBytes(), "both orders, on both rows");
            assertEquals(batch / r.stepSeconds(), r.samplesPerSecond(), 1e-6 * r.samplesPerSecond());
        }
    }
}
