package org.waferscope.engine.fabric;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * New slabs of one element type for {@link PieceSlabs}, allocated ahead of need on another
 * thread, so that the simulation thread finds them ready when a snapshot fills its slots.
 *
 * <p>Why: on the 2-vCPU virtual machines we measure on, the first touch of fresh heap memory
 * costs about 3 ms of CPU per MB (the kernel's and the hypervisor's page faults and zeroing),
 * ten times the copy that fills it; a full-wafer snapshot that needs 130 MB of new slabs spent
 * most of its time there. The explorer's engine runs on one thread and the machine has two
 * cores, so the allocation and its zeroing (which does the first touch) can go to the second
 * core while the first one simulates. A slab made ahead is a fresh zeroed array like any
 * other: what is copied into it, and the handles naming its slots, are the same as without
 * it, so snapshots and their restores do not change.
 *
 * <p>{@link PieceSlabs} says how many slabs to keep ready ({@link #keepReady}); slabs made
 * but not yet taken are heap the explorer holds beyond its snapshots, so it keeps one or two.
 * While a snapshot takes them, each one taken sets the next one in the making: the second
 * core zeroes a slab faster than a snapshot fills one, so a large snapshot finds most of its
 * slabs ready without a guess of how many it will take.
 *
 * <p>Threads: {@link #next} and {@link #keepReady} on the simulation thread; the slabs are
 * allocated on {@code executor}'s thread and handed over through a concurrent queue.
 */
final class SlabMaker {
    private final Class<?> type;
    private final int length;
    /** Where slabs are made ahead, or null to make each one when it is needed. */
    private final Executor executor;
    private final ConcurrentLinkedQueue<Object> ready = new ConcurrentLinkedQueue<>();
    /** Slabs ready or in the making, not yet taken. */
    private final AtomicInteger promised = new AtomicInteger();
    private int wanted;
    private long madeAhead;
    private long madeHere;

    SlabMaker(Class<?> type, int length, Executor executor) {
        this.type = type;
        this.length = length;
        this.executor = executor;
    }

    /** A fresh slab of zeros: one made ahead if one is ready, else one made now. */
    Object next() {
        Object slab = ready.poll();
        if (slab != null) {
            promised.decrementAndGet();
            madeAhead++;
        } else {
            slab = java.lang.reflect.Array.newInstance(type, length);
            madeHere++;
        }
        // a snapshot that takes one may take more: the next is made while this one is filled
        wanted = Math.max(wanted, 1);
        refill();
        return slab;
    }

    /** Keeps {@code count} slabs ready or in the making from now on (a snapshot taking some asks for more). */
    void keepReady(int count) {
        wanted = count;
        refill();
    }

    private void refill() {
        if (executor == null) {
            return;
        }
        while (promised.get() < wanted) {
            promised.incrementAndGet();
            executor.execute(() -> ready.add(java.lang.reflect.Array.newInstance(type, length)));
        }
    }

    /** Slabs taken ready-made, and those made on the simulation thread because none was ready. */
    long[] counts() {
        return new long[] {madeAhead, madeHere};
    }

    /** Slabs made but not taken (they are heap held, though not yet snapshot memory). */
    int waiting() {
        return ready.size();
    }

    /** Whether slabs are made ahead on another thread at all. */
    boolean ahead() {
        return executor != null;
    }

    /** Heap of the slabs ready or in the making, not yet taken: what the maker holds beyond the snapshots' slabs. */
    long promisedBytes() {
        return executor == null ? 0 : (long) promised.get() * length * widthOf(type);
    }

    /**
     * Whether to make slabs ahead for a fabric of {@code stateBytes}: when its slabs are a MB
     * or more (a small fabric's snapshot costs microseconds either way), unless the system
     * property {@code waferscope.slabsAhead} says {@code on} or {@code off} (for measuring).
     */
    static boolean aheadWanted(long stateBytes) {
        String p = System.getProperty("waferscope.slabsAhead", "auto");
        return p.equals("on") || !p.equals("off") && stateBytes / 64 >= 1 << 20;
    }

    private static int widthOf(Class<?> type) {
        return type == long.class ? 8 : type == int.class ? 4 : type == short.class ? 2 : 1;
    }
}
