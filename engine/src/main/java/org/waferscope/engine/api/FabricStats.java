package org.waferscope.engine.api;

/**
 * Totals over the whole fabric.
 *
 * @param programPes        PEs with a program
 * @param activePes         PEs at work in the last cycle (computing or moving wavelets; not those that wait)
 * @param waveletsInFlight  wavelets in router buffers and links
 * @param linkHops          wavelets moved across links since load
 * @param tasksRun          tasks started since load
 * @param simulatedSeconds  the cycle count at the profile's clock
 * @param cyclesPerSecond   simulated cycles per wall-clock second, recently
 * @param host              what the host is doing, whole and in a few words
 * @param arch              the profile name
 */
public record FabricStats(int programPes, int activePes, long waveletsInFlight, long linkHops, long tasksRun,
                          double simulatedSeconds, double cyclesPerSecond, HostStatus host, String arch) {
    public static final FabricStats NONE = new FabricStats(0, 0, 0, 0, 0, 0, 0, HostStatus.NONE, "");
}
