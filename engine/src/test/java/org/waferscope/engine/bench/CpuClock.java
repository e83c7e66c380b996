package org.waferscope.engine.bench;

import org.waferscope.engine.api.HostMachine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Work per CPU-second of the benchmark thread, printed after each single-threaded
 * iteration. On a machine shared with other jobs wall-clock throughput swings with the
 * load; the thread's own CPU time does not count the time it was descheduled, so this
 * figure is the steadier one for comparing the engine with the bare loop on one thread.
 */
final class CpuClock {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private long cpuAtStart;
    private long wallAtStart;
    long units;

    void start() {
        units = 0;
        cpuAtStart = MX.getCurrentThreadCpuTime();
        wallAtStart = System.nanoTime();
    }

    void report(String what, String unit) {
        double cpu = (MX.getCurrentThreadCpuTime() - cpuAtStart) / 1e9;
        double wall = (System.nanoTime() - wallAtStart) / 1e9;
        System.out.printf("[cpu] %s: %,.0f %s per CPU-second (the thread ran %.0f %% of the wall time) on %s%n", what,
                units / cpu, unit, 100 * cpu / wall, HostMachine.cpu());
    }
}
