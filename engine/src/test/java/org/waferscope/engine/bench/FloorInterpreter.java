package org.waferscope.engine.bench;

import static org.waferscope.engine.bench.ModelFloor.COMPUTE;
import static org.waferscope.engine.bench.ModelFloor.COMPUTED;
import static org.waferscope.engine.bench.ModelFloor.DIR_COUNT;
import static org.waferscope.engine.bench.ModelFloor.PC;
import static org.waferscope.engine.bench.ModelFloor.PRELUDE;

/**
 * A {@link ModelFloor} feature, item (a) of docs/benchmarks.md's "where the engine's 5x goes",
 * at its least: the CE's program as an array of instructions, an opcode and an operand each,
 * fetched at the pc and dispatched by a switch every cycle, instead of the kernel's own control
 * flow ({@link FloorCe#step}). One program per number of links a PE has (2 to 4), shared by the
 * PEs that have them; the pc is {@link FloorCe}'s, so the record is the kernel's. What the
 * engine's interpreter does beyond fetch and dispatch is in other features: the SRAM as bytes
 * ({@link FloorSram}), the decoded ops' descriptors ({@link FloorDsd}), the flags word and
 * tasks ({@link FloorTasks}).
 */
final class FloorInterpreter {
    private static final int NOP = 0;
    private static final int LOAD_X = 1;
    private static final int SEND = 2;
    private static final int FMOVS = 3;
    private static final int RECEIVE = 4;
    private static final int FMULS = 5;
    private static final int ADD = 6;
    private static final int STG = 7;
    private static final int JMP = 8;

    /** By the PE's number of links n: its instructions, the prelude's first at index 0 (pc -(PRELUDE + 2n)). */
    private final int[][] code = new int[5][];

    FloorInterpreter() {
        for (int n = 0; n <= 4; n++) {
            int prelude = PRELUDE + 2 * n;
            int[] ops = new int[prelude + 2 * n + 5];
            int k = prelude - 1;
            ops[k++] = LOAD_X;   // the prelude's last instruction stores x; the rest are NOPs
            for (int d = 0; d < n; d++) {
                ops[k++] = SEND | d << 8;
            }
            ops[k++] = FMOVS;
            for (int d = 0; d < n; d++) {
                ops[k++] = RECEIVE | d << 8;
            }
            ops[k++] = FMULS;
            ops[k++] = ADD;
            ops[k++] = STG;
            ops[k] = JMP;   // to pc 0
            code[n] = ops;
        }
    }

    /** The CE of the PE whose record is at {@code at} in cycle t: the instruction at its pc. */
    int step(ModelFloor f, int at, int t) {
        int[] c = f.ce;
        int pc = c[at + PC];
        int n = c[at + DIR_COUNT];
        int op = code[n][pc + PRELUDE + 2 * n];
        int next = pc + 1;
        switch (op & 0xFF) {
            case SEND:
                return FloorCe.send(f, at, pc, c[at + ModelFloor.SEND + (op >>> 8)], t);
            case RECEIVE:
                return FloorCe.receive(f, at, pc, c[at + ModelFloor.RECEIVE + (op >>> 8)]);
            case LOAD_X:
                FloorCe.loadX(f, at);
                break;
            case FMOVS:
                FloorCe.fmovs(f, at);
                break;
            case FMULS:
                FloorCe.fmuls(f, at);
                break;
            case ADD:
                FloorCe.add(f, at);
                break;
            case STG:
                FloorCe.stg(f, at);
                break;
            case JMP:
                next = op >> 8;
                break;
            case NOP:
            default:
                break;
        }
        c[at + COMPUTE]++;
        c[at + PC] = next;
        return COMPUTED;
    }
}
