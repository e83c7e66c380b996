package org.waferscope.views;

/**
 * A control that draws in code and repaints only when something it shows has changed.
 * The app's single frame pump calls {@link #paintIfDirty()} once per pulse, so no control
 * draws in {@code layoutChildren} or more than once per pulse.
 */
public interface Paintable {
    /** Repaints if anything shown changed since the last paint; cheap when nothing did. */
    void paintIfDirty();
}
