package org.waferscope.app.session;

/** Counts new frames taken per second of pulses, for the status bar. FX thread only. */
final class FrameRateMeter {
    private static final long WINDOW = 1_000_000_000L;
    private long windowStart = Long.MIN_VALUE;
    private int frames;
    private double rate;

    void pulse(long nanos, boolean newFrame) {
        if (windowStart == Long.MIN_VALUE) {
            windowStart = nanos;
        }
        if (newFrame) {
            frames++;
        }
        long elapsed = nanos - windowStart;
        if (elapsed >= WINDOW) {
            rate = frames * 1e9 / elapsed;
            frames = 0;
            windowStart = nanos;
        }
    }

    double framesPerSecond() {
        return rate;
    }
}
