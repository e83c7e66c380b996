package org.waferscope.app;

import java.util.Objects;
import javafx.geometry.Bounds;

/**
 * When {@code --screenshot} may shoot: after a few pulses, and once the load error's banner
 * is at rest. ControlsFX slides the banner in over about 350 ms, and a shot taken at the 8th
 * pulse caught it half-way, its message cut in two by the fabric's header.
 */
final class Settling {
    private final int pulses;
    private Bounds last;
    private boolean first = true;

    Settling(int pulses) {
        this.pulses = pulses;
    }

    /** Whether the window has settled at the {@code pulse}th pulse, the banner's bounds then {@code banner} (null: none shown). */
    boolean at(int pulse, Bounds banner) {
        boolean still = !first && Objects.equals(banner, last);
        first = false;
        last = banner;
        return pulse >= pulses && still;
    }
}
