package org.waferscope.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.ClusterFrame;
import org.waferscope.engine.csl.CslFixture;
import org.waferscope.engine.program.FolderSource;

/**
 * The cluster lesson's "What to watch" is what the thumbnails show, cycle by cycle, on the
 * first forward pass: every column but the east edge lit at cycle 1, the west edge dark while
 * it waits for the weights to stream in and then faintly lit as it passes them east, the layer PEs
 * lit throughout, the east edge dark until backward.
 */
class ClusterLessonTest {

    /** Each column's busy share in row 0 of CS-1's thumbnail. */
    private static float[] columns(ClusterFrame f) {
        ClusterFrame.Wafer w = f.wafers().get(0);
        float[] out = new float[w.width()];
        System.arraycopy(w.utilization(), 0, out, 0, w.width());
        return out;
    }

    @Test
    void theThumbnailsShowWhatTheLessonSays() throws Exception {
        ClusterProgram p = ClusterProgram.load(new FolderSource(CslFixture.sampleFolder("cluster-digits")));
        String lesson = p.spec().lesson();
        assertTrue(lesson.contains("At cycle 1 every column but the east edge lights at once"), lesson);
        assertTrue(!lesson.contains("lights first"), "the west edge does not light before the layer PEs");
        try (ClusterTraining t = new ClusterTraining(p, 1)) {
            ClusterFrames frames = new ClusterFrames();
            frames.first(t);
            float[] c1 = columns(frames.now(t, t.advanceCycles(1)));
            int east = c1.length - 1;
            for (int x = 0; x < east; x++) {
                assertEquals(1f, c1[x], "cycle 1: column " + x + " is lit");
            }
            assertEquals(0f, c1[east], "cycle 1: the east edge is dark");
            frames.now(t, t.advanceCycles(49));
            float[] waiting = columns(frames.now(t, t.advanceCycles(50)));
            assertEquals(0f, waiting[0], "cycles 50-100: the west edge waits for the weights");
            assertEquals(1f, waiting[1], "cycles 50-100: the layer PEs work");
            frames.now(t, t.advanceCycles(400));
            float[] relaying = columns(frames.now(t, t.advanceCycles(1_000)));
            assertTrue(relaying[0] > 0.05f && relaying[0] < 0.5f, "a faint share: passing the weights east " + relaying[0]);
            assertEquals(0f, relaying[east], "forward: the east edge stays dark");
        }
    }
}
