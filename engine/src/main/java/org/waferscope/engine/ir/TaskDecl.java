package org.waferscope.engine.ir;

/**
 * A task bound to an id.
 *
 * @param id       the task id (0..63)
 * @param kind     how it is activated
 * @param function index of its body in the program's functions
 * @param color    for a data task on WSE-2, the color it is bound to; for a local task that
 *                 is a teardown handler ({@code @set_teardown_handler}), the color whose
 *                 teardown activates it; else -1
 * @param queue    for a data task on WSE-3, the input queue it is bound to; else -1
 * @param startsBlocked the task is blocked at load ({@code @block} in a comptime block)
 * @param startsActive  the task is activated at load ({@code @activate} in a comptime block)
 */
public record TaskDecl(int id, TaskKind kind, int function, int color, int queue, boolean startsBlocked,
                       boolean startsActive) {
    public TaskDecl(int id, TaskKind kind, int function, int color, int queue) {
        this(id, kind, function, color, queue, false, false);
    }

    /** A teardown handler runs as the machine's reserved teardown task. */
    public boolean isTeardownHandler() {
        return kind == TaskKind.LOCAL && color >= 0;
    }

    public TaskDecl blocked() {
        return new TaskDecl(id, kind, function, color, queue, true, startsActive);
    }

    public TaskDecl activeAtStart() {
        return new TaskDecl(id, kind, function, color, queue, startsBlocked, true);
    }
}
