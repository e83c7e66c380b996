package org.waferscope.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
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

    /** The explorer runs a step a few cycles at a time: the same cycles per pass, the same weights, bit for bit. */
    @Test
    void aStepCutIntoFewCyclesEndsAsOneRunWhole() throws Exception {
        ClusterProgram p = ClusterProgram.load(ClusterKernelTest.FOLDER);
        p = p.with(p.spec().withSystems(2).withBatch(16).withSteps(2));
        try (ClusterTraining whole = new ClusterTraining(p, 1); ClusterTraining cut = new ClusterTraining(p, 1)) {
            ClusterTraining.Step a = whole.step();
            List<ClusterTraining.Step> b = new ArrayList<>();
            int passes = 0;
            while (b.isEmpty()) {
                int before = cut.current() == null ? 0 : cut.current().pass();
                b.addAll(cut.advanceCycles(977));
                passes = Math.max(passes, cut.current() == null ? before : cut.current().pass());
            }
            assertEquals(3, passes, "the last of a two-layer step's four passes was seen under way");
            assertEquals(1, b.size());
            assertArrayEquals(a.record().forwardCycles(), b.get(0).record().forwardCycles());
            assertArrayEquals(a.record().backwardCycles(), b.get(0).record().backwardCycles());
            for (int l = 1; l <= 2; l++) {
                assertArrayEquals(whole.cluster().weights(l), cut.cluster().weights(l), "layer " + l);
            }
            assertEquals(a.schedule().seconds(), b.get(0).schedule().seconds());
            // by layer phase: four passes make the second step
            for (int k = 0; k < 3; k++) {
                assertTrue(cut.advancePhase().isEmpty(), "pass " + k + " does not end the step");
            }
            assertTrue(cut.advancePhase().isPresent());
            whole.step();
            assertArrayEquals(whole.cluster().weights(1), cut.cluster().weights(1));
            assertTrue(cut.finished());
            assertTrue(cut.advanceCycles(100).isEmpty(), "nothing more to run");
        }
    }
}
