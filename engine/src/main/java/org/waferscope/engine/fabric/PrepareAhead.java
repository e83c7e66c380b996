package org.waferscope.engine.fabric;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Prepares a snapshot's pieces on a second thread ahead of the simulation thread, which files
 * them in order ({@link PiecePrep}, {@link PieceSlabs#file}): at full wafer a snapshot is
 * a second or more of the simulating thread's CPU, during which the run waits, and most of it
 * is preparing, which pieces of one array can do on their own. The pieces go in batches
 * ({@link PieceBatch}); each batch is claimed by whichever thread comes to it first, the
 * helper at most {@link #RING} batches ahead of the filing, and the simulation thread files
 * batch after batch, preparing the next itself when the helper has not claimed it. So the
 * snapshot is the same whoever prepared what, and without a helper all is done in line.
 *
 * <p>Threads: {@link #run} on the simulation thread; the helper is a thread of its own, made
 * when there is work and ended after a few idle seconds, as {@link SlabMaker}'s. The
 * snapshot is never taken while the run steps, so the second core is otherwise idle then
 * (the explorer steps on one worker and leaves the other core to the window).
 */
final class PrepareAhead {
    /** Batches in flight: being filed, prepared, or ready. */
    static final int RING = 4;

    /** Fills batch {@code b} of a run into {@code into}, with {@code scratch} of the thread doing it. */
    interface Job {
        void prepare(int b, PieceBatch into, PiecePrep.Scratch[] scratch);
    }

    /** Files batch {@code b} from {@code prepared} (on the simulation thread, in order). */
    interface Filer {
        void file(int b, PieceBatch prepared);
    }

    private final Executor helper;
    /** Piece data a batch covers, about ({@link PieceBatch#BYTES}, less in tests). */
    private final int batchBytes;
    private final PieceBatch[] ring = new PieceBatch[RING];
    private final PiecePrep.Scratch[] mine;
    private final PiecePrep.Scratch[] theirs;
    /** The next batch nobody has claimed. */
    private final AtomicInteger claimed = new AtomicInteger();
    /** Per slot of the ring: the batch prepared into it, plus one (0: none yet). */
    private final AtomicIntegerArray ready = new AtomicIntegerArray(RING);
    private volatile int filed;
    private volatile boolean stop;
    private volatile boolean helping;
    private volatile Throwable failed;
    private volatile Thread simulating;
    private volatile Thread helping0;
    /** CPU the helper thread has spent, all told (what the simulation thread was spared, and then some). */
    private final java.util.concurrent.atomic.AtomicLong helperCpu = new java.util.concurrent.atomic.AtomicLong();
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * For pieces of {@code kinds}, with {@code helper} to prepare ahead (null: all on the
     * simulation thread).
     */
    PrepareAhead(SlabKind[] kinds, Executor helper, int batchBytes) {
        this.helper = helper;
        this.batchBytes = batchBytes;
        this.mine = scratchFor(kinds);
        this.theirs = helper == null ? null : scratchFor(kinds);
        for (int i = 0; i < RING; i++) {
            ring[i] = new PieceBatch();
        }
    }

    private static PiecePrep.Scratch[] scratchFor(SlabKind[] kinds) {
        PiecePrep.Scratch[] s = new PiecePrep.Scratch[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            s[i] = new PiecePrep.Scratch(kinds[i]);
        }
        return s;
    }

    /** CPU the helper thread has spent on snapshots and restores so far (0 without one). */
    long helperCpuNanos() {
        return helperCpu.get();
    }

    /** How many pieces of {@code pieceBytes} a batch holds. */
    int piecesPer(int pieceBytes) {
        return Math.max(1, batchBytes / pieceBytes);
    }

    /** The simulation thread's scratch, for a piece taken alone. */
    PiecePrep.Scratch[] mine() {
        return mine;
    }

    /**
     * Whether a second thread prepares pieces: the system property {@code
     * waferscope.snapshotHelper} ({@code on}, {@code off}, or by default on when the machine
     * has a second core and the fabric's state is large, as for slabs made ahead).
     */
    static boolean wanted(long stateBytes) {
        String p = System.getProperty("waferscope.snapshotHelper", "auto");
        return p.equals("on") || !p.equals("off") && Runtime.getRuntime().availableProcessors() > 1
                && SlabMaker.aheadWanted(stateBytes);
    }

    /** The helper thread: one, made when there is work and ended after a few idle seconds. */
    static Executor helperThread() {
        return new ThreadPoolExecutor(0, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "snapshot pieces ahead");
            t.setDaemon(true);
            return t;
        });
    }

    /** Prepares and files {@code batches} batches; returns once all are filed, or throws what either thread threw. */
    void run(int batches, Job job, Filer filer) {
        if (helper == null || batches < 2) {
            for (int b = 0; b < batches; b++) {
                job.prepare(b, ring[0], mine);
                filer.file(b, ring[0]);
            }
            return;
        }
        claimed.set(0);
        filed = 0;
        stop = false;
        failed = null;
        for (int i = 0; i < RING; i++) {
            ready.set(i, 0);
        }
        simulating = Thread.currentThread();
        helping = true;
        helper.execute(() -> help(batches, job));
        try {
            for (int b = 0; b < batches; b++) {
                PieceBatch slot = ring[b % RING];
                if (claimed.get() == b && claimed.compareAndSet(b, b + 1)) {
                    job.prepare(b, slot, mine);
                } else {
                    awaitPrepared(b);
                }
                filer.file(b, slot);
                filed = b + 1;
                Thread h = helping0;
                if (h != null) {
                    LockSupport.unpark(h);
                }
            }
        } finally {
            stop = true;
            Thread h = helping0;
            if (h != null) {
                LockSupport.unpark(h);
            }
            while (helping) {
                LockSupport.parkNanos(this, 50_000);   // what it reads must stay until it is done
            }
        }
    }

    /**
     * Runs {@code slice} for each of {@code slices} independent slices, on this thread and the
     * helper, each slice claimed by whichever thread comes to it first; returns once all are
     * done. For a restore: its pieces are written to places of their own, and nothing it reads
     * changes meanwhile.
     */
    void share(int slices, java.util.function.IntConsumer slice) {
        if (helper == null || slices < 2) {
            for (int i = 0; i < slices; i++) {
                slice.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        failed = null;
        simulating = Thread.currentThread();
        helping = true;
        helper.execute(() -> {
            long c0 = THREADS.getCurrentThreadCpuTime();
            try {
                for (int i = next.getAndIncrement(); i < slices; i = next.getAndIncrement()) {
                    slice.accept(i);
                }
            } catch (Throwable t) {
                failed = t;
                next.set(slices);
            } finally {
                helperCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - c0);
                helping = false;
                LockSupport.unpark(simulating);
            }
        });
        try {
            for (int i = next.getAndIncrement(); i < slices; i = next.getAndIncrement()) {
                slice.accept(i);
            }
        } finally {
            next.set(slices);
            while (helping) {
                LockSupport.parkNanos(this, 50_000);
            }
        }
        if (failed != null) {
            throw new IllegalStateException("restoring a snapshot's pieces failed", failed);
        }
    }

    private void awaitPrepared(int b) {
        for (int spins = 0; ready.get(b % RING) != b + 1; spins++) {
            if (failed != null) {
                throw new IllegalStateException("preparing a snapshot's pieces failed", failed);
            }
            if (spins < 2_000) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, 20_000);
            }
        }
    }

    /** The helper's part: claims the next batch within the ring, prepares it, and so on, until all are claimed. */
    private void help(int batches, Job job) {
        helping0 = Thread.currentThread();
        long c0 = THREADS.getCurrentThreadCpuTime();
        try {
            while (!stop) {
                int c = claimed.get();
                if (c >= batches) {
                    return;
                }
                if (c >= filed + RING) {
                    LockSupport.parkNanos(this, 20_000);   // the ring is full: the filing catches up
                    continue;
                }
                if (claimed.compareAndSet(c, c + 1)) {
                    job.prepare(c, ring[c % RING], theirs);
                    ready.set(c % RING, c + 1);
                    LockSupport.unpark(simulating);
                }
            }
        } catch (Throwable t) {
            failed = t;
        } finally {
            helperCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - c0);
            helping0 = null;
            helping = false;
            LockSupport.unpark(simulating);
        }
    }
}
