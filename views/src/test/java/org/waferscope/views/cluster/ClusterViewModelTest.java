package org.waferscope.views.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.ClusterFrame;

/** The Cluster view's model without a window: one request at a time, Run's pace, and the flows at the playhead. */
class ClusterViewModelTest {
    private final List<String> asked = new ArrayList<>();
    private final ClusterViewModel model = new ClusterViewModel(new ClusterViewModel.Trainer() {
        @Override
        public void cycles(long n) {
            asked.add("cycles " + n);
        }

        @Override
        public void phase() {
            asked.add("phase");
        }

        @Override
        public void step() {
            asked.add("step");
        }

        @Override
        public void open(int system) {
            asked.add("open " + system);
        }

        @Override
        public void comparePipelined() {
            asked.add("pipelined");
        }
    });

    static ClusterFrame frame(int step, double now, List<ClusterFrame.Bar> bars) {
        return new ClusterFrame("t", step, 3, List.of("MemoryX", "SwarmX broadcast", "CS-1", "SwarmX reduce"), bars,
                10e-6, now, "x", List.of(new ClusterFrame.Wafer("CS-1", 3, 1, new float[3], 0)), List.of(), List.of(),
                0, true, 8, 4);
    }

    @Test
    void oneRequestAtATimeEachAnsweredByAFrame() {
        model.stepCycles();
        assertTrue(asked.isEmpty(), "nothing to ask before the first frame");
        model.show(frame(0, 0, List.of()));
        model.cyclesPerClickProperty().set(100L);
        model.stepCycles();
        model.stepPhase();   // ignored: the cycles are not answered yet
        assertEquals(List.of("cycles 100"), asked);
        assertTrue(model.busyProperty().get());
        model.show(frame(0, 4e-6, List.of()));
        assertEquals(4e-6, model.playheadProperty().get(), "the playhead follows the training");
        model.stepPhase();
        model.show(frame(0, 5e-6, List.of()));
        model.stepTraining();
        assertEquals(List.of("cycles 100", "phase", "step"), asked);
    }

    @Test
    void runAsksAtItsPaceEveryFrameAndStopsWhenTrainingIsDone() {
        model.show(frame(1, 0, List.of()));
        model.pulse();
        assertTrue(asked.isEmpty(), "Run is off");
        model.runningProperty().set(true);
        model.pulse();
        model.show(frame(1, 1e-6, List.of()));
        model.paceProperty().set(ClusterViewModel.Pace.PHASE);
        model.pulse();
        assertEquals(List.of("cycles 5000", "phase"), asked);
        model.show(frame(3, 0, List.of()));
        model.pulse();
        assertFalse(model.runningProperty().get(), "all three steps done");
        assertEquals(2, asked.size());
    }

    @Test
    void flowsAtThePlayheadAreTheBytesPerSecondOfWhatIsMovingThen() {
        ClusterFrame f = frame(1, 0, List.of(
                new ClusterFrame.Bar("MemoryX", "READ", 2, 0, 2e-6, 1000),
                new ClusterFrame.Bar("SwarmX broadcast", "BROADCAST", 2, 2e-6, 3e-6, 1000),
                new ClusterFrame.Bar("CS-1", "FORWARD", 1, 1e-6, 4e-6, 0),
                new ClusterFrame.Bar("SwarmX reduce", "REDUCE", 2, 4e-6, 8e-6, 2000)));
        FlowsAt read = FlowsAt.of(f, 1.5e-6);
        assertEquals(5e8, read.memoryDown, 1);
        assertEquals(0, read.down);
        assertEquals("forward L1", read.systemActivity("CS-1"));
        FlowsAt broadcast = FlowsAt.of(f, 2.5e-6);
        assertEquals(1e9, broadcast.down, 1);
        assertEquals(0, broadcast.memoryDown);
        FlowsAt reduce = FlowsAt.of(f, 5e-6);
        assertEquals(5e8, reduce.up, 1);
        assertEquals("", reduce.systemActivity("CS-1"));
    }

    @Test
    void theStatusLineStartsItsSentenceWithACapital() {
        // "4 systems. no step yet", "4 systems. step 1 done.": a sentence began in lower case
        ClusterFrame f = ClusterFrame.empty("Weight-streaming cluster: digits", 60, List.of(), List.of(), 10, 2);
        assertEquals("Weight-streaming cluster: digits: 0 systems. No step yet", ClusterView.describe(f));
    }

    @Test
    void aThumbnailsSizeIsWrittenAsTheStatusBarWritesAFabrics() {
        // "6 x 2 PEs" under a thumbnail beside the main window's "5 × 1 fabric"
        assertEquals("6 × 2 PEs, cycle 1,234", ClusterDiagram.caption(new ClusterFrame.Wafer("CS-1", 6, 2, new float[12], 1234)));
    }
}
