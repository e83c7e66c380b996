package org.waferscope.engine.fabric;

/**
 * The fabric's per-PE arrays whose first contents the routes do not shape: the router and
 * compute-engine records, the per-PE counters, launch slots and host-stream fields (about
 * 300 bytes a PE, 230 MB at full wafer), and the pools of task run counts and microthread
 * records (the latter 300 MB at full wafer for allreduce, whose programs have async ops). {@link FabricBuilder} makes them on a second thread
 * ({@link OffThread}) while it works out routes, queues and SRAM, and the fabric's
 * constructors take them as made here: zeros, with the few fields that start otherwise set
 * as those constructors set them before.
 */
final class FreshState {
    /** The arrays only the fabric's size shapes, the compute-engine records filled as the constructors expect. */
    final PeStateArrays pe;
    /** Per-task run counts, {@code tasks + 1} per placed PE, as the builder's {@code trBase} lays them out. */
    final int[] taskRuns;
    /** The microthreads' records, {@link Microthreads#WORDS} per microthread of each placed PE, as {@code mtBase} lays them out. */
    final int[] mtPool;

    /**
     * For {@code n} PEs running {@code peProgram}'s programs, whose tables are {@code tables};
     * the two pools are made on a thread of their own when {@code apart}. The arrays that only
     * the size shapes are {@code early}'s when it was begun for {@code n} PEs (null: made here).
     */
    FreshState(int n, int[] peProgram, ProgramTables[] tables, boolean apart, OffThread<PeStateArrays> early) {
        boolean[] hasMicrothreads = new boolean[tables.length];
        long taskWords = 0;
        long threadWords = 0;
        for (int pi : peProgram) {
            if (pi >= 0) {
                taskWords += tables[pi].program.tasks().size() + 1;
                threadWords += (long) tables[pi].microthreads * Microthreads.WORDS;
            }
        }
        for (int i = 0; i < tables.length; i++) {
            hasMicrothreads[i] = tables[i].microthreads > 0;
        }
        // past 2^31 the builder reports the overflow itself, first
        int taskSize = (int) Math.min(taskWords, Integer.MAX_VALUE - 8);
        int threadSize = (int) Math.min(threadWords, Integer.MAX_VALUE - 8);
        OffThread<int[][]> pools = OffThread.start("fabric build: pools", apart,
                () -> new int[][] {new int[taskSize], new int[threadSize]});
        PeStateArrays a = early == null ? null : early.join();
        a = a != null && a.n == n ? a : new PeStateArrays(n);
        CoreRecords.fill(a.core, n, peProgram, hasMicrothreads);
        pe = a;
        int[][] made = pools.join();
        taskRuns = made[0];
        mtPool = made[1];
    }
}
