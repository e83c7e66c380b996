package org.waferscope.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Data-parallel weight streaming over N systems equals one machine training on the global
 * batch: after a few steps the weights MemoryX holds match the plain Java reference.
 */
class ClusterTrainingTest {
    @ParameterizedTest(name = "{0} system(s)")
    @ValueSource(ints = {1, 2, 4})
    void weightsAfterStepsMatchTheReference(int systems) throws Exception {
        String text = new String(ClusterKernelTest.FOLDER.read(ClusterJson.FILE, 1 << 20), StandardCharsets.UTF_8);
        ClusterSpec spec = ClusterJson.read(text).withSystems(systems).withBatch(24);
        Dataset data = Dataset.read(ClusterKernelTest.FOLDER, spec);
        ReferenceTraining ref = new ReferenceTraining(spec, data);
        try (WeightStreaming ws = new WeightStreaming(spec, ClusterKernelTest.FOLDER, data, 1)) {
            double first = 0;
            double last = 0;
            for (int s = 0; s < 3; s++) {
                StepRecord r = ws.step();
                double expected = ref.step();
                assertEquals(expected, r.loss(), 1e-5, "loss of step " + s);
                first = s == 0 ? r.loss() : first;
                last = r.loss();
                assertEquals(systems, r.systems());
            }
            assertTrue(last < first, "the loss falls: " + first + " -> " + last);
            for (int l = 1; l <= spec.layers().size(); l++) {
                ClusterKernelTest.assertClose(ref.weights(l), ws.weights(l), "layer " + l + " weights");
            }
        }
    }
}
