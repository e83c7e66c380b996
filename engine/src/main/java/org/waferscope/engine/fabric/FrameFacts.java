package org.waferscope.engine.fabric;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import org.waferscope.engine.ir.FunctionInfo;
import org.waferscope.engine.ir.Opcode;
import org.waferscope.engine.ir.PeProgram;

/**
 * Which frame slots hold a known constant before each instruction of a program: a forward
 * constant propagation over each function's control flow, slot by slot. A value is known
 * when every path from the function's entry to the instruction leaves the same constant in
 * the slot ({@code CONST}, {@code LOADK} and copies of known slots); every other write to a
 * slot, and a call (whose frame overlaps the caller's slots from its arguments up), forgets
 * it. Tasks and functions start with nothing known.
 *
 * <p>The facts hold only if nothing outside the function's own slot writes changes its
 * frame; {@link DecodedOps} checks that for the whole program before it uses them.
 */
final class FrameFacts {
    /** Above this many (instructions × slots) in one function, the program is not analysed: it would cost more than it saves. */
    private static final long MAX_CELLS = 4_000_000L;

    private final PeProgram program;
    private final int[] code;
    /** Per pc, the known slot values on entry (null: not reached, or not analysed). */
    private final int[][] value;
    private final boolean[][] known;
    /** False when the program's control flow is not what the analysis assumes; then no fact is given. */
    private boolean sound = true;

    FrameFacts(PeProgram program) {
        this.program = program;
        this.code = program.code();
        int n = code.length / Opcode.WIDTH;
        value = new int[n][];
        known = new boolean[n][];
        List<FunctionInfo> fns = program.functions();
        int[] entries = fns.stream().mapToInt(FunctionInfo::entry).sorted().distinct().toArray();
        for (FunctionInfo fn : fns) {
            int at = Arrays.binarySearch(entries, fn.entry());
            int end = at + 1 < entries.length ? entries[at + 1] : n;
            if ((long) (end - fn.entry()) * fn.frameSlots() > MAX_CELLS) {
                // its code could not be followed, so nothing may be assumed of what it writes
                sound = false;
            } else if (fn.entry() < end) {
                analyse(fn.entry(), end, fn.frameSlots());
            }
        }
    }

    /** Whether the analysis followed the whole program: every function analysed, no jump leaving its function, no write outside its frame. */
    boolean sound() {
        return sound;
    }

    /** Whether {@code pc} can run at all. */
    boolean reached(int pc) {
        return sound && known[pc] != null;
    }

    /** The words of slots {@code [slot, slot + count)} before {@code pc}, or null when any is unknown. */
    int[] words(int pc, int slot, int count) {
        if (!reached(pc) || slot < 0 || slot + count > known[pc].length) {
            return null;
        }
        int[] w = new int[count];
        for (int k = 0; k < count; k++) {
            if (!known[pc][slot + k]) {
                return null;
            }
            w[k] = value[pc][slot + k];
        }
        return w;
    }

    private void analyse(int entry, int end, int slots) {
        if (known[entry] != null) {
            // two functions share an entry: not code the compiler emits
            sound = false;
            return;
        }
        value[entry] = new int[slots];
        known[entry] = new boolean[slots];
        ArrayDeque<Integer> work = new ArrayDeque<>();
        work.add(entry);
        while (!work.isEmpty() && sound) {
            int pc = work.poll();
            int[] v = value[pc].clone();
            boolean[] k = known[pc].clone();
            int next = transfer(pc, v, k);
            int base = pc * Opcode.WIDTH;
            switch (Opcode.op(code[base])) {
                case Opcode.RET, Opcode.TRAP -> {
                }
                case Opcode.JMP -> flow(code[base + 1], entry, end, v, k, work);
                case Opcode.JZ, Opcode.JNZ -> {
                    flow(code[base + 2], entry, end, v, k, work);
                    flow(next, entry, end, v, k, work);
                }
                default -> {
                    if (next < end) {
                        flow(next, entry, end, v, k, work);
                    }
                }
            }
        }
    }

    private void flow(int to, int entry, int end, int[] v, boolean[] k, ArrayDeque<Integer> work) {
        if (to < entry || to >= end) {
            sound = false;
            return;
        }
        if (known[to] == null) {
            value[to] = v.clone();
            known[to] = k.clone();
            work.add(to);
            return;
        }
        boolean changed = false;
        for (int s = 0; s < k.length; s++) {
            if (known[to][s] && (!k[s] || v[s] != value[to][s])) {
                known[to][s] = false;
                changed = true;
            }
        }
        if (changed) {
            work.add(to);
        }
    }

    /** Applies instruction {@code pc}'s slot writes to the state; returns the fall-through pc. */
    private int transfer(int pc, int[] v, boolean[] k) {
        int base = pc * Opcode.WIDTH;
        int op = Opcode.op(code[base]);
        int a = code[base + 1];
        int b = code[base + 2];
        int c = code[base + 3];
        switch (op) {
            case Opcode.CONST -> set(v, k, a, b, true);
            case Opcode.MOV -> set(v, k, a, at(v, b), at(k, b));
            case Opcode.MOVN -> {
                for (int i = 0; i < c; i++) {
                    set(v, k, a + i, at(v, b + i), at(k, b + i));
                }
            }
            case Opcode.LOADK -> {
                int[] words = b >= 0 && b < program.constants().size() ? program.constants().get(b) : null;
                if (words == null) {
                    sound = false;
                } else {
                    for (int i = 0; i < words.length; i++) {
                        set(v, k, a + i, words[i], true);
                    }
                }
            }
            case Opcode.CALL -> {
                // the callee's frame starts at slot b - 2 and grows upward, so it may write any slot from there on
                for (int s = Math.max(0, b - 2); s < k.length; s++) {
                    k[s] = false;
                }
            }
            case Opcode.DSD_ADD_OFFSET, Opcode.DSD_SET_BASE, Opcode.DSD_SET_LENGTH -> {
                for (int i = 0; i < 4; i++) {
                    set(v, k, a + i, 0, false);
                }
            }
            case Opcode.LDG, Opcode.LDI, Opcode.ADDR_OF_SLOT, Opcode.COORD, Opcode.CYCLE, Opcode.CONV, Opcode.BITCAST,
                    Opcode.NEG, Opcode.NOT, Opcode.LNOT -> set(v, k, a, 0, false);
            case Opcode.NOP, Opcode.STG, Opcode.STI, Opcode.JMP, Opcode.JZ, Opcode.JNZ, Opcode.RET, Opcode.ACTIVATE,
                    Opcode.BLOCK, Opcode.UNBLOCK, Opcode.DSD_OP, Opcode.PRINT, Opcode.TIMESTAMP,
                    Opcode.UNBLOCK_CMD_STREAM, Opcode.TRAP -> {
            }
            default -> {
                if (op >= Opcode.ADD && op <= Opcode.GE) {
                    set(v, k, a, 0, false);
                } else {
                    sound = false;
                }
            }
        }
        return pc + 1;
    }

    private static int at(int[] v, int s) {
        return s >= 0 && s < v.length ? v[s] : 0;
    }

    private static boolean at(boolean[] k, int s) {
        return s >= 0 && s < k.length && k[s];
    }

    private void set(int[] v, boolean[] k, int s, int x, boolean isKnown) {
        if (s < 0 || s >= k.length) {
            // a write outside the frame could reach a caller's slots: give up on the program
            sound = false;
            return;
        }
        v[s] = x;
        k[s] = isKnown;
    }
}
