package org.waferscope.engine.ir;

/**
 * Encodes the operands and options of a {@link Opcode#DSD_OP} instruction.
 *
 * <p>An operand is -1 (absent), a frame slot holding a scalar in register form, or, with
 * {@link #DSD_BIT}, the first of four frame slots holding a {@link Dsd}.
 */
public final class DsdOperand {
    private DsdOperand() {
    }

    public static final int NONE = -1;
    public static final int DSD_BIT = 1 << 30;
    public static final int NO_TASK = 0xFF;

    public static int dsd(int slot) {
        return slot | DSD_BIT;
    }

    public static int scalar(int slot) {
        return slot;
    }

    public static boolean isDsd(int operand) {
        return operand != NONE && (operand & DSD_BIT) != 0;
    }

    public static int slot(int operand) {
        return operand & ~DSD_BIT;
    }

    /**
     * The options word: run asynchronously on a microthread, and on completion activate
     * and/or unblock a task (ids, or {@link #NO_TASK}).
     */
    public static int options(boolean async, int activateTask, int unblockTask) {
        return (async ? 1 : 0) | ((activateTask & 0xFF) << 8) | ((unblockTask & 0xFF) << 16);
    }

    public static boolean async(int options) {
        return (options & 1) != 0;
    }

    public static int activateTask(int options) {
        return (options >>> 8) & 0xFF;
    }

    public static int unblockTask(int options) {
        return (options >>> 16) & 0xFF;
    }
}
