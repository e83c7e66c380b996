package org.waferscope.views.controls;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.api.SimState;

/**
 * The run controls: which actions the current state allows, and the commands they post.
 * The state comes from frames (the session sets it); commands go to an injected sink, so
 * tests read what would be sent. Holds no Node. FX thread only.
 */
public final class ControlsModel {
    /** Refresh rates offered, frames per second. */
    public static final double MIN_REFRESH = 5;
    public static final double MAX_REFRESH = 60;

    private final Consumer<Command> commands;
    private final ObjectProperty<SimState> state = new SimpleObjectProperty<>(this, "state", SimState.EMPTY);
    private final javafx.beans.property.ReadOnlyStringWrapper pending =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "pending", "");
    private final IntegerProperty stepCount = new SimpleIntegerProperty(this, "stepCount", 100);
    private final DoubleProperty speedPosition = new SimpleDoubleProperty(this, "speedPosition", 1);
    private final DoubleProperty refreshRate = new SimpleDoubleProperty(this, "refreshRate", 30);
    /**
     * Run was posted and no frame has come since. At full wafer the first running frame
     * comes seconds after Run (the first slice, the snapshot after the launch, a frame of every
     * PE), and a click on Run / pause meanwhile posted Run again instead of Pause: it was lost.
     */
    private final javafx.beans.property.BooleanProperty runAsked =
            new javafx.beans.property.SimpleBooleanProperty(this, "runAsked");
    private final BooleanBinding running = Bindings.createBooleanBinding(
            () -> state.get() == SimState.RUNNING || runAsked.get(), state, runAsked);
    private final BooleanBinding canRun = Bindings.createBooleanBinding(
            () -> state.get().canAdvance() && state.get() != SimState.RUNNING, state);
    private final BooleanBinding canStep = canRun.or(running);
    private final BooleanBinding canStepBack = Bindings.createBooleanBinding(
            () -> state.get() == SimState.PAUSED || state.get() == SimState.HALTED || state.get() == SimState.FAULTED,
            state);
    private final BooleanBinding loaded = Bindings.createBooleanBinding(() -> state.get() != SimState.EMPTY, state);
    private final StringBinding speedText = Bindings.createStringBinding(
            () -> SpeedScale.describe(SpeedScale.cyclesPerSecond(speedPosition.get())), speedPosition);

    public ControlsModel(Consumer<Command> commands) {
        this.commands = commands;
        speedPosition.addListener((o, a, p) -> commands.accept(new Command.SetSpeed(
                SpeedScale.cyclesPerSecond(p.doubleValue()))));
        refreshRate.addListener((o, a, r) -> commands.accept(new Command.SetRefreshRate(clampRefresh(r.doubleValue()))));
    }

    static double clampRefresh(double fps) {
        return Math.max(MIN_REFRESH, Math.min(MAX_REFRESH, fps));
    }

    /** Space: runs when it can, pauses when running. */
    public void runOrPause() {
        if (running.get()) {
            pause();
        } else {
            run();
        }
    }

    public void run() {
        if (canRun.get() && !runAsked.get()) {
            commands.accept(new Command.Run());
            runAsked.set(true);
            pending.set("starting…");
        }
    }

    public void pause() {
        if (running.get()) {
            commands.accept(new Command.Pause());
            runAsked.set(false);
            pending.set("pausing…");
        }
    }

    /** One cycle; while running it first pauses. */
    public void step() {
        stepBy(1);
    }

    /** {@link #stepCountProperty()} cycles. */
    public void stepN() {
        stepBy(Math.max(1, stepCount.get()));
    }

    private void stepBy(long cycles) {
        if (!state.get().canAdvance()) {
            return;
        }
        pause();
        commands.accept(new Command.Step(cycles));
        pending.set("stepping…");
    }

    public void stepToTaskActivation() {
        if (state.get().canAdvance()) {
            pause();
            commands.accept(new Command.StepToTaskActivation());
            pending.set("looking for the next task…");
        }
    }

    public void stepBack() {
        if (canStepBack.get()) {
            commands.accept(new Command.StepBack(1));
            pending.set("stepping back…");
        }
    }

    public void reset() {
        if (loaded.get()) {
            commands.accept(new Command.Reset());
            pending.set("resetting…");
        }
    }

    /** Sends the current speed and refresh rate (after a load or when the engine starts). */
    public void resend() {
        commands.accept(new Command.SetSpeed(SpeedScale.cyclesPerSecond(speedPosition.get())));
        commands.accept(new Command.SetRefreshRate(clampRefresh(refreshRate.get())));
    }

    /**
     * A new frame arrived: the engine has reached the commands sent before it (it drains
     * its mailbox before publishing), so nothing is pending any more.
     */
    public void acknowledge() {
        runAsked.set(false);
        pending.set("");
    }

    /**
     * What was asked and not yet seen done, in words ("pausing…"); "" when nothing is.
     * On a full wafer one slice of cycles can take seconds, and this says the click was heard.
     */
    public javafx.beans.property.ReadOnlyStringProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    public ObjectProperty<SimState> stateProperty() {
        return state;
    }

    public BooleanBinding runningProperty() {
        return running;
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    /** True when step, step n and step-to-activation may be used. */
    public BooleanBinding canStepProperty() {
        return canStep;
    }

    public BooleanBinding canStepBackProperty() {
        return canStepBack;
    }

    public BooleanBinding loadedProperty() {
        return loaded;
    }

    public IntegerProperty stepCountProperty() {
        return stepCount;
    }

    public DoubleProperty speedPositionProperty() {
        return speedPosition;
    }

    public StringBinding speedTextProperty() {
        return speedText;
    }

    public DoubleProperty refreshRateProperty() {
        return refreshRate;
    }
}
