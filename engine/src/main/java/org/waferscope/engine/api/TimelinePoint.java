package org.waferscope.engine.api;

/**
 * One sample of the timeline, taken per metrics window.
 *
 * @param cycle              the cycle at the end of the window
 * @param utilization        fraction of PEs-with-programs' cycles spent busy in the window
 * @param waveletsInFlight   wavelets in router buffers and links at the end of the window
 * @param selectedBusy       fraction of the window the selected PE was busy, or -1
 */
public record TimelinePoint(long cycle, float utilization, int waveletsInFlight, float selectedBusy) {
}
