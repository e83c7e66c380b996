package org.waferscope.engine.ir;

import java.util.List;

/**
 * The stack a program needs: the deepest chain of frames over its call graph. CSL has no
 * recursion, and neither does the intermediate form; a cycle is reported as an error.
 */
final class StackDepth {
    /** Slots the CE writes when it starts any task: link (2) and the argument slot. */
    static final int TASK_FRAME_SLOTS = 3;

    private StackDepth() {
    }

    static int of(int[] code, List<FunctionInfo> functions) {
        int[] memo = new int[functions.size()];
        boolean[] onPath = new boolean[functions.size()];
        int max = 0;
        for (int i = 0; i < functions.size(); i++) {
            max = Math.max(max, need(i, code, functions, memo, onPath));
        }
        return max;
    }

    private static int need(int fn, int[] code, List<FunctionInfo> functions, int[] memo, boolean[] onPath) {
        if (memo[fn] > 0) {
            return memo[fn];
        }
        if (onPath[fn]) {
            throw new IllegalStateException("function " + functions.get(fn).name() + " calls itself; recursion is not allowed");
        }
        onPath[fn] = true;
        FunctionInfo f = functions.get(fn);
        int end = fn + 1 < functions.size() ? functions.get(fn + 1).entry() : code.length / Opcode.WIDTH;
        // A task's frame always holds the return link and slot 2 (the wavelet payload or
        // control data), which the CE writes when it starts a task even if the body declares
        // no parameter or local.
        int deepest = Math.max(TASK_FRAME_SLOTS, f.frameSlots());
        for (int pc = f.entry(); pc < end; pc++) {
            int base = pc * Opcode.WIDTH;
            if (Opcode.op(code[base]) == Opcode.CALL) {
                int callee = code[base + 1];
                int argBase = code[base + 2];
                deepest = Math.max(deepest, argBase - 2 + need(callee, code, functions, memo, onPath));
            }
        }
        onPath[fn] = false;
        memo[fn] = deepest;
        return deepest;
    }
}
