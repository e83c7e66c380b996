package org.waferscope.views.cluster;

import java.util.TreeSet;
import java.util.function.IntConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.waferscope.engine.api.ClusterFrame;

/**
 * What the Cluster view shows and what its buttons ask for, without any node: the frame
 * of the last training step, the playhead (seconds into that step's schedule) and the
 * requests to train a step, run, or open one system's wafer. FX thread only.
 */
public final class ClusterViewModel {
    private final ObjectProperty<ClusterFrame> frame = new SimpleObjectProperty<>();
    private final DoubleProperty playhead = new SimpleDoubleProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final Runnable trainStep;
    private final IntConsumer openSystem;

    /**
     * @param trainStep  asks for one more training step (the answer arrives as a new frame)
     * @param openSystem asks to open system i's wafer in the fabric view
     */
    public ClusterViewModel(Runnable trainStep, IntConsumer openSystem) {
        this.trainStep = trainStep;
        this.openSystem = openSystem;
        frame.addListener((o, a, f) -> playhead.set(f == null ? 0 : f.stepSeconds()));
    }

    public ObjectProperty<ClusterFrame> frameProperty() {
        return frame;
    }

    public DoubleProperty playheadProperty() {
        return playhead;
    }

    /** True while training steps follow each other by themselves. */
    public BooleanProperty runningProperty() {
        return running;
    }

    /** True while a step is being computed. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Runs one training step, unless one is under way or all are done. */
    public void stepTraining() {
        ClusterFrame f = frame.get();
        if (!busy.get() && f != null && f.step() < f.steps()) {
            busy.set(true);
            trainStep.run();
        }
    }

    /** Moves the playhead to the next start or end of an event; past the step's end, trains the next step. */
    public void stepPhase() {
        ClusterFrame f = frame.get();
        if (f == null) {
            return;
        }
        TreeSet<Double> marks = new TreeSet<>();
        for (ClusterFrame.Bar b : f.bars()) {
            marks.add(b.start());
            marks.add(b.end());
        }
        Double next = marks.higher(playhead.get() + 1e-12);
        if (next == null || f.bars().isEmpty()) {
            stepTraining();
        } else {
            playhead.set(next);
        }
    }

    /** Back to the step's start: the playhead then walks through it phase by phase. */
    public void rewind() {
        playhead.set(0);
    }

    public void openSystem(int i) {
        openSystem.accept(i);
    }

    /** A new frame from the trainer. */
    public void show(ClusterFrame f) {
        busy.set(false);
        frame.set(f);
    }
}
