package org.waferscope.views.status;

import java.util.Locale;
import org.waferscope.engine.api.SimState;

/**
 * Presentation of the engine's lifecycle states: words, an icon literal and a CSS class.
 * Kept here, not in the engine's enum, so the engine stays free of presentation.
 */
public final class SimStateStyle {
    private SimStateStyle() {
    }

    public static String label(SimState s) {
        return switch (s) {
            case EMPTY -> "No program";
            case LOADED -> "Loaded";
            case PAUSED -> "Paused";
            case RUNNING -> "Running";
            case HALTED -> "Finished";
            // a deadlock, an exhausted budget or a fault: the message beside it says which
            case FAULTED -> "Stopped";
        };
    }

    public static String icon(SimState s) {
        return switch (s) {
            case EMPTY -> "mdi2f-folder-open-outline";
            case LOADED -> "mdi2c-checkbox-blank-circle-outline";
            case PAUSED -> "mdi2p-pause-circle-outline";
            case RUNNING -> "mdi2p-play-circle-outline";
            case HALTED -> "mdi2c-check-circle-outline";
            case FAULTED -> "mdi2a-alert-octagon-outline";
        };
    }

    /** {@code state-running} and so on. */
    public static String styleClass(SimState s) {
        return "state-" + s.name().toLowerCase(Locale.ROOT);
    }
}
