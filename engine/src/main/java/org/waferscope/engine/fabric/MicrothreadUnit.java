package org.waferscope.engine.fabric;

import org.waferscope.engine.ir.DsdOpKind;

/**
 * Async vector operations running beside the tasks. Each cycle every busy microthread
 * moves at most one element through a fabric operand, or a vector width of elements when
 * all its operands are in memory; when it finishes it activates and/or unblocks the tasks
 * its options name.
 */
final class MicrothreadUnit {
    private MicrothreadUnit() {
    }

    /** Claims a free microthread for the op at {@code pc}; false when all are busy. */
    static boolean start(Fabric f, int p, int pc, int opWord, int options, int[] resolved) {
        int base = f.mtBase[p];
        for (int k = 0; k < f.mtCount[p]; k++) {
            int r = base + k * Microthreads.WORDS;
            if (f.mtPool[r + Microthreads.STATE] == 0) {
                f.mtPool[r + Microthreads.STATE] = 1 + pc;
                f.mtPool[r + Microthreads.OPWORD] = opWord;
                f.mtPool[r + Microthreads.OPTIONS] = options;
                f.mtPool[r + Microthreads.DONE] = 0;
                f.mtPool[r + Microthreads.LENGTH] = DsdExecutor.length(resolved, 0);
                f.mtPool[r + Microthreads.WAIT] = 0;
                System.arraycopy(resolved, 0, f.mtPool, r + Microthreads.OPERANDS, DsdExecutor.OPERANDS);
                return true;
            }
        }
        return false;
    }

    /** Result bits beside {@code ComputeEngine}'s: a microthread waited on an input, or on room in an output. */
    static final int WAITING_INPUT = 4;
    static final int WAITING_OUTPUT = 8;

    static int advance(Fabric f, int p, long cycle) {
        int base = f.mtBase[p];
        int result = 0;
        for (int k = 0; k < f.mtCount[p]; k++) {
            int r = base + k * Microthreads.WORDS;
            if (f.mtPool[r + Microthreads.STATE] == 0) {
                continue;
            }
            result |= ComputeEngine.WORKING;
            int word = f.mtPool[r + Microthreads.OPWORD];
            DsdOpKind kind = Fabric.DSD_KINDS[(word >>> 8) & 0xFF];
            int o = r + Microthreads.OPERANDS;
            int done = f.mtPool[r + Microthreads.DONE];
            int length = f.mtPool[r + Microthreads.LENGTH];
            int max = DsdExecutor.touchesFabric(f.mtPool, o) ? 1 : f.simdWidth[kind.ordinal()];
            int n;
            try {
                n = done >= length ? 0 : DsdExecutor.run(f, p, cycle, kind, f.mtPool, o, done, length, max);
            } catch (MachineFault e) {
                // the CE has moved on since it started this op: blame the op, not the CE's pc
                throw new MachineFault(e.getMessage(), f.mtPool[r + Microthreads.STATE] - 1);
            }
            if (n < 0) {
                f.mtPool[r + Microthreads.WAIT] = -n;
                result |= n == DsdExecutor.STALL_INPUT ? WAITING_INPUT : WAITING_OUTPUT;
                continue;
            }
            f.mtPool[r + Microthreads.WAIT] = 0;
            done += n;
            f.mtPool[r + Microthreads.DONE] = done;
            result |= ComputeEngine.PROGRESSED;
            if (done >= length) {
                int options = f.mtPool[r + Microthreads.OPTIONS];
                int startPc = f.mtPool[r + Microthreads.STATE] - 1;
                // a free slot is all zeros: what its last op left matters to nothing, so it
                // must not reach the state hash either
                java.util.Arrays.fill(f.mtPool, r, r + Microthreads.WORDS, 0);
                try {
                    ComputeEngine.complete(f, p, options);
                } catch (MachineFault e) {
                    // the task to activate was named by the op: blame the op's line
                    throw new MachineFault(e.getMessage(), startPc);
                }
            }
        }
        return result;
    }
}
