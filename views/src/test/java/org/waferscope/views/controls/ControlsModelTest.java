package org.waferscope.views.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.api.SimState;

class ControlsModelTest {
    private final List<Command> sent = new ArrayList<>();
    private final ControlsModel m = new ControlsModel(sent::add);

    @Test
    void nothingIsPossibleWithoutAProgram() {
        assertFalse(m.canRunProperty().get());
        assertFalse(m.canStepProperty().get());
        m.runOrPause();
        m.step();
        m.reset();
        assertTrue(sent.isEmpty());
    }

    @Test
    void spaceRunsThenPauses() {
        m.stateProperty().set(SimState.LOADED);
        m.runOrPause();
        assertEquals(new Command.Run(), sent.get(0));
        m.stateProperty().set(SimState.RUNNING);
        assertTrue(m.runningProperty().get());
        m.runOrPause();
        assertEquals(new Command.Pause(), sent.get(1));
    }

    @Test
    void aPauseClickedBeforeTheFirstRunningFrameIsPostedNotASecondRun() {
        // at full wafer the first running frame comes seconds after Run: the click meant Pause
        m.stateProperty().set(SimState.LOADED);
        m.runOrPause();
        assertTrue(m.runningProperty().get(), "Run was asked for");
        m.runOrPause();
        assertEquals(List.of(new Command.Run(), new Command.Pause()), sent);
        assertEquals("pausing…", m.pendingProperty().get());
        assertFalse(m.runningProperty().get());
    }

    @Test
    void aFrameEndsTheWaitForTheRun() {
        m.stateProperty().set(SimState.LOADED);
        m.run();
        m.run();
        assertEquals(List.of(new Command.Run()), sent, "one Run while it is waited for");
        m.stateProperty().set(SimState.HALTED);   // the run ended before a running frame was shown
        m.acknowledge();
        assertFalse(m.runningProperty().get());
        m.runOrPause();
        assertEquals(List.of(new Command.Run()), sent, "a halted program neither runs nor pauses");
    }

    @Test
    void aRequestIsPendingUntilTheNextFrame() {
        m.stateProperty().set(SimState.RUNNING);
        m.pause();
        assertEquals("pausing…", m.pendingProperty().get());
        m.acknowledge();
        assertEquals("", m.pendingProperty().get());
    }

    @Test
    void stepWhileRunningPausesFirst() {
        m.stateProperty().set(SimState.RUNNING);
        m.step();
        assertEquals(List.of(new Command.Pause(), new Command.Step(1)), sent);
    }

    @Test
    void stepNAndStepToActivation() {
        m.stateProperty().set(SimState.PAUSED);
        m.stepCountProperty().set(250);
        m.stepN();
        m.stepToTaskActivation();
        m.stepBack();
        assertEquals(List.of(new Command.Step(250), new Command.StepToTaskActivation(), new Command.StepBack(1)), sent);
    }

    @Test
    void haltedProgramsCanBeResetButNotStepped() {
        m.stateProperty().set(SimState.HALTED);
        assertFalse(m.canStepProperty().get());
        m.step();
        m.reset();
        assertEquals(List.of(new Command.Reset()), sent);
    }

    @Test
    void speedSliderIsLogarithmicUpToAsFastAsPossible() {
        assertEquals(1, SpeedScale.cyclesPerSecond(0), 1e-9);
        assertEquals(1000, SpeedScale.cyclesPerSecond(SpeedScale.MAX_POSITION / 2), 1e-6);
        assertEquals(Double.POSITIVE_INFINITY, SpeedScale.cyclesPerSecond(1));
        assertEquals(0.5 * SpeedScale.MAX_POSITION, SpeedScale.position(1000), 1e-9);
        m.speedPositionProperty().set(0);
        assertEquals(new Command.SetSpeed(1), sent.get(0));
        assertEquals("1 cycles/s", m.speedTextProperty().get());
        m.speedPositionProperty().set(1);
        assertEquals("as fast as possible", m.speedTextProperty().get());
    }

    @Test
    void refreshRateIsClamped() {
        m.refreshRateProperty().set(500);
        assertEquals(new Command.SetRefreshRate(ControlsModel.MAX_REFRESH), sent.get(0));
    }
}
