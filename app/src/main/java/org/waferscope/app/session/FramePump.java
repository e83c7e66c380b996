package org.waferscope.app.session;

import java.util.List;
import javafx.animation.AnimationTimer;
import org.waferscope.views.Paintable;

/**
 * The one animation timer: each pulse it lets the session take the newest frame (which
 * returns at once when the frame number has not changed) and lets each view repaint if
 * something it shows changed. Started when the main window shows, stopped when it hides.
 */
public final class FramePump extends AnimationTimer {
    private final SimulationSession session;
    private final List<Paintable> views;

    public FramePump(SimulationSession session, List<Paintable> views) {
        this.session = session;
        this.views = List.copyOf(views);
    }

    @Override
    public void handle(long now) {
        pulse(now);
    }

    /** One pulse, callable by hand from tests and the screenshot run. */
    public void pulse(long now) {
        session.pulse(now);
        for (Paintable v : views) {
            v.paintIfDirty();
        }
    }
}
