package org.waferscope.views.status;

import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.waferscope.engine.api.FabricStats;
import org.waferscope.engine.api.Frame;
import org.waferscope.engine.api.SimState;
import org.waferscope.views.controls.SpeedScale;

/**
 * The status bar's text, derived from the newest frame and the measured display rate.
 * Holds no Node. FX thread only.
 */
public final class StatusModel {
    private final ReadOnlyObjectWrapper<SimState> state = new ReadOnlyObjectWrapper<>(this, "state", SimState.EMPTY);
    private final ReadOnlyStringWrapper cycle = new ReadOnlyStringWrapper(this, "cycle", "cycle 0");
    private final ReadOnlyStringWrapper time = new ReadOnlyStringWrapper(this, "time", "0 s");
    private final ReadOnlyStringWrapper rate = new ReadOnlyStringWrapper(this, "rate", "");
    private final ReadOnlyStringWrapper fps = new ReadOnlyStringWrapper(this, "fps", "");
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper(this, "activity", "");
    private final ReadOnlyStringWrapper activityBrief = new ReadOnlyStringWrapper(this, "activityBrief", "");
    private final ReadOnlyStringWrapper host = new ReadOnlyStringWrapper(this, "host", "");
    private final ReadOnlyStringWrapper hostShort = new ReadOnlyStringWrapper(this, "hostShort", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    /** Takes the frame on show and the frames per second the UI is drawing. */
    public void update(Frame f, double framesPerSecond) {
        FabricStats s = f.stats();
        state.set(f.state());
        cycle.set(String.format(Locale.ROOT, "cycle %,d", f.cycle()));
        time.set(seconds(s.simulatedSeconds()) + (s.arch().isEmpty() ? "" : " @ " + s.arch()));
        rate.set(f.state() == SimState.RUNNING ? SpeedScale.rate(s.cyclesPerSecond()) + " cycles/s" : "");
        // the drawing rate only means something while frames come: paused, "0 fps" reads as broken
        fps.set(f.state() == SimState.RUNNING ? String.format(Locale.ROOT, "%.0f fps", framesPerSecond) : "");
        // with no program there is no fabric: "1 × 1 fabric · 0 of 0 PEs" read as if one were loaded
        activity.set(f.state() == SimState.EMPTY ? ""
                : String.format(Locale.ROOT, "%d × %d fabric · %s · %,d wavelets in flight",
                f.width(), f.height(), atWork(f.cycle(), s), s.waveletsInFlight()));
        activityBrief.set(f.state() == SimState.EMPTY ? ""
                : String.format(Locale.ROOT, "%d × %d fabric · %,d of %,d PEs at work · %,d wavelets in flight",
                f.width(), f.height(), s.activePes(), s.programPes(), s.waveletsInFlight()));
        host.set(s.host().line());
        hostShort.set(s.host().brief());
        message.set(f.message());
    }

    /**
     * The PEs at work, said of the cycle they worked in: the count is of the cycle just run,
     * while the inspector shows the state after it, so at cycle 2 "5 of 5 PEs at work" beside
     * a PE the inspector calls idle read as a contradiction.
     */
    static String atWork(long cycle, FabricStats s) {
        if (cycle == 0) {
            return String.format(Locale.ROOT, "%,d PE%s with a program, no cycle run yet", s.programPes(),
                    s.programPes() == 1 ? "" : "s");
        }
        return String.format(Locale.ROOT, "%,d of %,d PEs at work from cycle %,d to %,d", s.activePes(), s.programPes(),
                cycle - 1, cycle);
    }

    /** Simulated time with a unit that keeps three significant digits. */
    public static String seconds(double s) {
        double a = Math.abs(s);
        if (a == 0) {
            return "0 s";
        }
        if (a < 1e-6) {
            return String.format(Locale.ROOT, "%.1f ns", s * 1e9);
        }
        if (a < 1e-3) {
            return String.format(Locale.ROOT, "%.3f µs", s * 1e6);
        }
        if (a < 1) {
            return String.format(Locale.ROOT, "%.3f ms", s * 1e3);
        }
        return String.format(Locale.ROOT, "%.3f s", s);
    }

    public ReadOnlyObjectProperty<SimState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cycleProperty() {
        return cycle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeProperty() {
        return time.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rateProperty() {
        return rate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fpsProperty() {
        return fps.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    /** The activity without saying which cycle its count is of, for a bar short of room. */
    public ReadOnlyStringProperty activityBriefProperty() {
        return activityBrief.getReadOnlyProperty();
    }

    /** {@link #hostProperty()} in a few words, as the engine says it ({@code HostStatus.brief}). */
    public ReadOnlyStringProperty hostShortProperty() {
        return hostShort.getReadOnlyProperty();
    }

    /** What the host is doing ("host: waiting for …"), empty when there is no host program. */
    public ReadOnlyStringProperty hostProperty() {
        return host.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
