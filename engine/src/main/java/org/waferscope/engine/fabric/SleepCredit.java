package org.waferscope.engine.fabric;

/**
 * The stall cycles a sleeping PE is owed. A PE asleep on a stall is not visited, and its
 * record is not written while it sleeps: the cycles it stalls are credited to its counter when
 * it wakes ({@link FabricCycle#compute}), and in between every reader sees the counter plus
 * the cycles slept since {@link Fabric#sleepFrom} ({@link #owed}). So a step's end writes
 * nothing for it: on a sparse full wafer the settle used to rewrite the record and
 * {@code sleepFrom} of 716,322 sleepers after every step, and every snapshot then held all of
 * their records anew.
 *
 * <p>A PE dozing through a memory vector op is still settled at every step's end
 * ({@link FabricCycle#settle(long, int, int)}): its busy count decides when it wakes, and
 * one whose op ended in the step's last cycle leaves the step awake. Its {@code sleepFrom}
 * carries {@link #DOZING}, so that the settle finds the dozers without reading any sleeper's
 * record.
 *
 * <p>The state hash sees {@code sleepFrom} as it was when every step settled every sleeper
 * ({@link #settledFrom}), and the counters through their accessors, so no hash changes.
 */
final class SleepCredit {
    private SleepCredit() {
    }

    /** Mark in {@link Fabric#sleepFrom}: the sleeper counts a memory vector op down, and is settled at each step's end. */
    static final long DOZING = 1L << 62;

    /** The cycle a sleeper's counters are credited up to, from its {@code sleepFrom}. */
    static long since(long sleepFrom) {
        return sleepFrom & ~DOZING;
    }

    /**
     * Cycles PE p has stalled asleep and not yet been credited for in counter {@code which}
     * ({@link CoreRecords#STALL_IN} or {@link CoreRecords#STALL_OUT}), as of the fabric's cycle:
     * the counter {@code FabricCycle.credit} would add to if the PE were settled now.
     */
    static long owed(Fabric f, int p, int which) {
        long from = f.sleepFrom[p];
        if ((f.sleeping[p >>> 6] & 1L << p) == 0 || (from & DOZING) != 0) {
            return 0;
        }
        int counter = f.activity(p) == Activity.STALL_OUTPUT ? CoreRecords.STALL_OUT : CoreRecords.STALL_IN;
        return counter == which ? f.cycle - 1 - from : 0;
    }

    /**
     * PE p's {@code sleepFrom} as a settle of every sleeper at the step's end left it: the
     * last cycle run for a sleeper, 0 for a PE awake.
     */
    static long settledFrom(Fabric f, int p) {
        return (f.sleeping[p >>> 6] & 1L << p) != 0 ? f.cycle - 1 : f.sleepFrom[p];
    }
}
