package org.waferscope.engine.fabric;

/**
 * The CE queues' facts words ({@link Fabric#qFacts}) without a per-PE line of them. A PE's
 * queue records start on a cache line ({@link ChannelRecords}), so where each queue's record
 * lies within that run, its capacity and ring, and its source bit above the PE's first output
 * queue's, are the same for every PE of a program. A decoded send or receive then finds the
 * facts from the PE's area word (a stream of 8 bytes per PE) and its program's row (shared,
 * in cache), where {@link Fabric#qFacts} took a line of 112 bytes per PE a cycle on the full
 * wafer. Every PE's result is checked against {@link Fabric#qFacts} when the fabric is made;
 * a PE where one differs reads {@link Fabric#qFacts} as before.
 *
 * @param area per PE: where its queue run starts in {@link ChannelRings#chan} (bits 0..31)
 *             and the info bits of its first output queue as a router source, less its
 *             capacity and ring (32..63); 0 for a PE without queues, -1 for one that reads
 *             {@link Fabric#qFacts}
 * @param rel  per program and queue (inputs, then outputs, as {@link Fabric#qBase} counts
 *             them): the record's offset in the run (bits 0..31), its capacity and ring, and
 *             for an output queue its source bit above the first output queue's (32..63); 0
 *             for a queue the program does not use
 */
record QueueAreas(long[] area, long[][] rel) {

    /** {@code qFacts[qBase[p] + q]}: the facts of PE p's queue q, or 0 where it has none. */
    static long facts(Fabric f, int p, int q) {
        long a = f.queueAreas.area()[p];
        if (a <= 0) {
            return a == 0 ? 0 : f.qFacts[f.qBase[p] + q];
        }
        long r = f.queueAreas.rel()[f.peProgram[p]][q];
        if (r == 0) {
            return 0;
        }
        return r + (q < f.profile.inputQueues() ? a & 0xFFFFFFFFL : a);
    }

    /** Info bits of a facts word that are the same for a queue on every PE of a program. */
    private static final long SHAPE = 0xFFFFL << 32;
    /** Info bits of an output queue's facts that are the PE's: tracked, port, source bit. */
    private static final long SOURCE = ~SHAPE & ~0xFFFFFFFFL;

    /** The areas and rows of a fabric whose {@code qFacts} are made, each checked against it. */
    static QueueAreas of(Fabric f) {
        int queues = f.profile.inputQueues() + f.profile.outputQueues();
        int inputs = f.profile.inputQueues();
        long[][] rel = new long[f.tables.length][];
        long[] area = new long[f.n];
        for (int p = 0; p < f.n; p++) {
            int pi = f.peProgram[p];
            int base = f.qBase[p];
            if (pi < 0 || base < 0) {
                continue;
            }
            long start = Long.MAX_VALUE;
            long source = 0;
            boolean firstOutput = true;
            for (int q = 0; q < queues; q++) {
                long facts = f.qFacts[base + q];
                if (facts != 0) {
                    start = Math.min(start, facts & 0xFFFFFFFFL);
                    if (q >= inputs && firstOutput) {
                        source = facts & SOURCE;
                        firstOutput = false;
                    }
                }
            }
            if (start == Long.MAX_VALUE) {
                continue;   // no queue used: every facts word is 0, as area 0 gives
            }
            long a = start | source;
            if (rel[pi] == null) {
                rel[pi] = row(f, base, queues, inputs, a);
            }
            boolean same = true;
            for (int q = 0; q < queues && same; q++) {
                long r = rel[pi][q];
                long made = r == 0 ? 0 : r + (q < inputs ? a & 0xFFFFFFFFL : a);
                same = made == f.qFacts[base + q];
            }
            area[p] = same ? a : -1;
        }
        return new QueueAreas(area, rel);
    }

    /** A program's row, from the facts of one of its PEs, whose area word is {@code a}. */
    private static long[] row(Fabric f, int base, int queues, int inputs, long a) {
        long[] r = new long[queues];
        for (int q = 0; q < queues; q++) {
            long facts = f.qFacts[base + q];
            if (facts != 0) {
                r[q] = facts - (q < inputs ? a & 0xFFFFFFFFL : a);
            }
        }
        return r;
    }
}
