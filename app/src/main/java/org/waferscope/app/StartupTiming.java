package org.waferscope.app;

import java.time.Instant;
import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import org.waferscope.engine.api.Frame;
import org.waferscope.engine.api.SimState;

/**
 * With {@code -Dwaferscope.startupTiming=true}, says on standard error how long after the
 * user's launch the explorer's window was first laid out for drawing, and when the first
 * program's first frame reached it (counted from the first JVM's start when the jar started
 * itself again, see {@link Relaunch}). It is how start-up changes such as the class-data
 * archive are measured where users meet them (docs/loading.md). Each line gives the CPU
 * seconds the JVM has used so far too (all its threads: the JIT's and the collector's too).
 *
 * <p>FX thread only: the listener runs at the end of a pulse's layout, before that pulse renders.
 */
final class StartupTiming {
    private final long launchedAt;
    private final ObservableValue<Frame> frame;
    private boolean windowSeen;

    private StartupTiming(long launchedAt, ObservableValue<Frame> frame) {
        this.launchedAt = launchedAt;
        this.frame = frame;
    }

    /** Starts watching {@code scene}'s pulses when the property asks for it. */
    static void watchIfAsked(Scene scene, ObservableValue<Frame> frame) {
        if (!Boolean.getBoolean("waferscope.startupTiming")) {
            return;
        }
        long self = ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli)
                .orElse(System.currentTimeMillis());
        StartupTiming timing = new StartupTiming(Long.getLong(Relaunch.LAUNCHED_AT, self), frame);
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                if (timing.pulse(System.currentTimeMillis())) {
                    scene.removePostLayoutPulseListener(this);
                }
            }
        });
    }

    /** One pulse at {@code now}; true once both times are said. */
    private boolean pulse(long now) {
        if (!windowSeen) {
            windowSeen = true;
            say("window drawn", now);
        }
        Frame f = frame.getValue();
        if (f != null && f.state() != SimState.EMPTY) {
            say("first program drawn", now);
            return true;
        }
        return false;
    }

    private void say(String what, long now) {
        // the CPU time tells start-up costs apart on a busy machine, where the wall time mostly waits for a core
        double cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(-1.0);
        System.err.printf(Locale.ROOT, "waferscope: %s %.2f s after launch (this JVM's CPU so far: %.2f s)%n", what,
                (now - launchedAt) / 1000.0, cpu);
    }
}
