package org.waferscope.engine.fabric;

/**
 * What each worker of a stepper spent besides computing: how often, and for how many
 * nanoseconds of wall time, it waited for another worker (at a barrier, at the split of a
 * wavefront pass, for a neighbour's compute before a commit, for its next job), and the time
 * worker 0 spent alone on a step's serial parts (the settle, the planning of a pass). With
 * each worker's CPU time (ThreadMXBean), these say what two workers cost beyond one
 * (docs/benchmarks.md, "Session 11"). A wait is timed only once its first check has failed,
 * so a cycle that waits for nobody pays nothing for it.
 *
 * <p>Threads: each worker writes only its own slots, which lie 128 bytes apart so that they
 * share no cache line; read them between steps.
 */
public final class WorkerWaits {
    /** Kinds of wait or serial work, and their names as printed. */
    public static final int BARRIER = 0;
    public static final int SPLIT = 1;
    public static final int COMMIT = 2;
    public static final int IDLE = 3;
    public static final int SETTLE = 4;
    public static final int PLAN = 5;
    public static final String[] NAMES = {"barrier", "split", "commit", "idle", "settle", "plan"};
    /** Longs per worker: a count, wall and CPU nanoseconds per kind, and the PE-cycles computed, padded to 256 bytes. */
    private static final int STRIDE = 32;

    /**
     * Turns of a wait loop spent spinning on the core before it yields the core at every turn
     * ({@link #pause}); the system property {@code waferscope.spins} when the class loads.
     */
    static final int SPINS = Integer.getInteger("waferscope.spins", 2_000);
    /**
     * After {@link #SPINS} turns, each turn sleeps this long (0: yields instead); the system
     * property {@code waferscope.napNanos} when the class loads. A wait that outlasts the
     * spinning is one for a worker the scheduler is not running: yielding then burnt a
     * quarter of a millisecond of CPU a wait on the loaded machine, and a nap of 50 µs
     * measured x1.07 in CPU per cycle and x1.12–1.34 in wall time against it, in both
     * orders (docs/benchmarks.md, "Session 11").
     */
    static final long NAP_NANOS = Long.getLong("waferscope.napNanos", 50_000);

    private final long[] slots;
    private final int workers;
    /**
     * Whether waits and serial parts are timed as well as counted ({@link #timeWaits}). Off by
     * default: a read of the thread's CPU clock costs about 1.5 µs here, and worker 0 times a
     * plan before every pass, which on a small fabric is a pass's own cost again. Set between
     * steps; the workers see it through the semaphore that hands them their next job.
     */
    private boolean timed;

    public WorkerWaits(int workers) {
        this.workers = workers;
        this.slots = new long[(workers + 1) * STRIDE];
    }

    /**
     * Turn {@code turn} (from 0) of a loop waiting for another worker: the first {@link #SPINS}
     * spin, so that a wait of a few microseconds costs no trip to the scheduler; after that
     * each sleeps {@link #NAP_NANOS}, so that the worker waited for, or anyone else, can run
     * on this core while this one costs nothing.
     */
    public static void pause(int turn) {
        if (turn < SPINS) {
            Thread.onSpinWait();
        } else if (NAP_NANOS > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(NAP_NANOS);
        } else {
            Thread.yield();
        }
    }

    public int workers() {
        return workers;
    }

    /** From now on, times each wait and serial part in wall and CPU time (counts and work are always kept). */
    public void timeWaits() {
        timed = true;
    }

    /** {@link System#nanoTime} when waits are timed, else 0: where a wait or serial part begins. */
    public long wallNow() {
        return timed ? System.nanoTime() : 0;
    }

    /** The calling thread's CPU time when waits are timed, else 0: where a wait or serial part begins. */
    public long cpuNow() {
        return timed ? threadCpu() : 0;
    }

    /**
     * Counts one wait (or serial part) of {@code kind} by worker {@code id} that began at
     * {@code since} ({@link #wallNow}) and at {@code cpuSince} of its thread's CPU time
     * ({@link #cpuNow}); its times are added only when waits are timed.
     */
    public void add(int id, int kind, long since, long cpuSince) {
        int at = (id + 1) * STRIDE + 3 * kind;
        slots[at]++;
        if (timed) {
            slots[at + 1] += System.nanoTime() - since;
            slots[at + 2] += threadCpu() - cpuSince;
        }
    }

    private static final java.lang.management.ThreadMXBean MX =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private static long threadCpu() {
        return MX.getCurrentThreadCpuTime();
    }

    /** Adds {@code pes} to the PE-cycles worker {@code id} computed (the work it did). */
    public void addVisited(int id, long pes) {
        slots[(id + 1) * STRIDE + STRIDE - 1] += pes;
    }

    /** PE-cycles worker {@code id} computed so far. */
    public long visited(int id) {
        return slots[(id + 1) * STRIDE + STRIDE - 1];
    }

    /** Waits of {@code kind} worker {@code id} made so far. */
    public long count(int id, int kind) {
        return slots[(id + 1) * STRIDE + 3 * kind];
    }

    /** Nanoseconds of wall time worker {@code id} spent in waits of {@code kind}. */
    public long nanos(int id, int kind) {
        return slots[(id + 1) * STRIDE + 3 * kind + 1];
    }

    /** Nanoseconds of CPU time worker {@code id} spent in waits (or serial parts) of {@code kind}. */
    public long cpu(int id, int kind) {
        return slots[(id + 1) * STRIDE + 3 * kind + 2];
    }
}
