package org.waferscope.engine.fabric;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A piece of the fabric's build run on a thread of its own, or on the caller's thread when
 * the fabric is too small for a thread to pay. At full wafer the build is mostly the first
 * touch of fresh memory (a page fault per 4 KB), which a second core does as well as the
 * first; so the builder hands the arrays whose contents the routes do not shape to another
 * thread and works out routes, queues and SRAM meanwhile.
 *
 * <p>Threads: started by the builder's thread, joined by it; the result is published by the
 * join ({@link FutureTask#get} happens-after the task).
 */
final class OffThread<T> {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** CPU nanoseconds that work run on threads of its own has used since the JVM started. */
    static final AtomicLong CPU_NANOS = new AtomicLong();

    private final FutureTask<T> task;

    private OffThread(Supplier<T> work, boolean apart) {
        this.task = new FutureTask<>(apart ? () -> charged(work) : work::get);
    }

    private static <T> T charged(Supplier<T> work) {
        long start = cpuNow();
        try {
            return work.get();
        } finally {
            CPU_NANOS.addAndGet(cpuNow() - start);
        }
    }

    private static long cpuNow() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /** Starts {@code work} on a daemon thread named {@code name} when {@code apart}, else runs it now. */
    static <T> OffThread<T> start(String name, boolean apart, Supplier<T> work) {
        OffThread<T> t = new OffThread<>(work, apart);
        if (apart) {
            Thread thread = new Thread(t.task, name);
            thread.setDaemon(true);
            thread.start();
        } else {
            t.task.run();
        }
        return t;
    }

    /** The work's result, once it is done; its exception or error is rethrown as it was. */
    T join() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the build cannot stop halfway; the flag is restored below
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
