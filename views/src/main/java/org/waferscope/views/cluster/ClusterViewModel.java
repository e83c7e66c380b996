package org.waferscope.views.cluster;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.waferscope.engine.api.ClusterFrame;

/**
 * What the Cluster view shows and what its controls ask for, without any node: the latest
 * frame, the playhead (seconds into the step on show: where the training has got to,
 * or wherever a click in the timeline put it), how many cycles a click on Cycles runs,
 * how fast Run goes, and the requests to the trainer. One request at a time: the next
 * waits for the frame that answers the last. FX thread only.
 */
public final class ClusterViewModel {
    /** What the trainer is asked to do; each request is answered by a new frame. */
    public interface Trainer {
        /** Run every system's wafer {@code n} more cycles (into the next passes and steps as they come). */
        void cycles(long n);

        /** Run the layer phase under way (one layer's forward or backward pass on every system) to its end. */
        void phase();

        /** Run the training step under way to its end, or a whole new one. */
        void step();

        /** Open system i's wafer in the fabric view. */
        void open(int system);

        /** Train one step layer-pipelined on one wafer, for contrast; the answer comes as {@link #showComparison}. */
        void comparePipelined();
    }

    /** How far Run goes at each frame of the display. */
    public enum Pace {
        CYCLES_1K("1,000 cycles a frame", 1_000), CYCLES_5K("5,000 cycles a frame", 5_000),
        CYCLES_20K("20,000 cycles a frame", 20_000), PHASE("a layer phase a frame", 0), STEP("a step a frame", 0);

        private final String label;
        final long cycles;

        Pace(String label, long cycles) {
            this.label = label;
            this.cycles = cycles;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final ObjectProperty<ClusterFrame> frame = new SimpleObjectProperty<>();
    private final DoubleProperty playhead = new SimpleDoubleProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<Long> cyclesPerClick = new SimpleObjectProperty<>(1L);
    private final ObjectProperty<Pace> pace = new SimpleObjectProperty<>(Pace.CYCLES_5K);
    private final javafx.beans.property.StringProperty comparison = new javafx.beans.property.SimpleStringProperty(
            "Layer-pipelined on one wafer: every layer in its own region, its weights resident. Measure runs one step "
                    + "of it on the engine.");
    private final Trainer trainer;

    public ClusterViewModel(Trainer trainer) {
        this.trainer = trainer;
        frame.addListener((o, a, f) -> playhead.set(f == null ? 0 : f.now()));
    }

    public ObjectProperty<ClusterFrame> frameProperty() {
        return frame;
    }

    public DoubleProperty playheadProperty() {
        return playhead;
    }

    /** True while Run is on: the view asks for more at every frame. */
    public BooleanProperty runningProperty() {
        return running;
    }

    /** True while a request is being answered. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Cycles one click on Cycles runs. */
    public ObjectProperty<Long> cyclesPerClickProperty() {
        return cyclesPerClick;
    }

    public ObjectProperty<Pace> paceProperty() {
        return pace;
    }

    /** True when every step the program asks for is done. */
    public boolean finished() {
        ClusterFrame f = frame.get();
        return f != null && f.step() >= f.steps();
    }

    public void stepCycles() {
        request(() -> trainer.cycles(cyclesPerClick.get()));
    }

    public void stepPhase() {
        request(trainer::phase);
    }

    public void stepTraining() {
        request(trainer::step);
    }

    /** Called once per display frame: while Run is on, asks for the next stretch at the chosen pace. */
    public void pulse() {
        if (!running.get()) {
            return;
        }
        if (finished()) {
            running.set(false);
            return;
        }
        switch (pace.get()) {
            case PHASE -> stepPhase();
            case STEP -> stepTraining();
            default -> request(() -> trainer.cycles(pace.get().cycles));
        }
    }

    private void request(Runnable r) {
        if (!busy.get() && frame.get() != null && !finished()) {
            busy.set(true);
            r.run();
        }
    }

    /** Layer pipelining's figures beside weight streaming's, in words. */
    public javafx.beans.property.StringProperty comparisonProperty() {
        return comparison;
    }

    public void comparePipelined() {
        request(trainer::comparePipelined);
    }

    /** The answer to {@link #comparePipelined}. */
    public void showComparison(String text) {
        busy.set(false);
        comparison.set(text);
    }

    public void openSystem(int i) {
        trainer.open(i);
    }

    /** A new frame from the trainer: the answer to the last request. */
    public void show(ClusterFrame f) {
        busy.set(false);
        frame.set(f);
    }
}
