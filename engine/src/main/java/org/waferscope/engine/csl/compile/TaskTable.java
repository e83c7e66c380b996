package org.waferscope.engine.csl.compile;

import java.util.Map;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.ir.FunctionBuilder;
import org.waferscope.engine.ir.TaskKind;

/**
 * Puts the task bindings and queue bindings into the program. On WSE-2 a data task binds
 * to a color and gets the input queue that already receives that color, else the lowest
 * free one; on WSE-3 it binds to an input queue whose color {@code @initialize_queue} set.
 */
final class TaskTable {
    private final Unit u;

    TaskTable(Unit u) {
        this.u = u;
    }

    /** The task id the machine's teardown task runs under (reserved; the SDK's allreduce names it T29). */
    static final int TEARDOWN_TASK = 29;

    void bind() {
        for (Unit.TaskBinding b : u.tasks) {
            try {
                bindOne(b);
            } catch (CslError e) {
                u.diags.error(e.pos(), e.getMessage());
            }
        }
        for (Unit.TeardownHandler h : u.teardownHandlers) {
            // the handler's body runs as the teardown task when its color is torn down here
            FunctionBuilder body = u.functions.get(h.fn().name());
            if (body != null) {
                u.program.task(TEARDOWN_TASK, TaskKind.LOCAL, body, h.color(), -1);
            }
        }
        for (Map.Entry<Integer, Integer> e : u.inputQueues.entrySet()) {
            u.program.inputQueue(e.getKey(), e.getValue());
        }
        for (int q : u.outputQueueColors.keySet()) {
            u.program.outputQueue(q);
        }
    }

    private void bindOne(Unit.TaskBinding b) {
        FunctionBuilder body = u.functions.get(b.task().name());
        if (body == null) {
            return;
        }
        int id = b.id().id();
        if (u.profile.reservedTaskIds().contains(id)) {
            throw new CslError(b.pos(), "task id " + id + " is reserved for the host-copy machinery (reserved: "
                    + u.profile.reservedTaskIds() + ")");
        }
        for (Unit.TaskBinding other : u.tasks) {
            if (other != b && other.id().id() == id && u.tasks.indexOf(other) < u.tasks.indexOf(b)) {
                throw new CslError(b.pos(), "task id " + id + " is already bound to " + other.task().name());
            }
        }
        switch (b.id().kind()) {
            case LOCAL -> u.program.localTask(id, body);
            case CONTROL -> u.program.controlTask(id, body);
            case DATA -> {
                if (b.id().queue() >= 0) {
                    Integer color = u.inputQueues.get(b.id().queue());
                    if (color == null) {
                        throw new CslError(b.pos(), "input queue " + b.id().queue() + " has no color; add "
                                + "@initialize_queue(@get_input_queue(" + b.id().queue() + "), .{ .color = c })");
                    }
                    u.program.task(id, TaskKind.DATA, body, color, b.id().queue());
                } else {
                    int color = b.id().color();
                    int q = queueFor(color, b);
                    u.inputQueues.put(q, color);
                    u.program.task(id, TaskKind.DATA, body, color, q);
                }
            }
        }
    }

    private int queueFor(int color, Unit.TaskBinding b) {
        for (Map.Entry<Integer, Integer> e : u.inputQueues.entrySet()) {
            if (e.getValue() == color) {
                return e.getKey();
            }
        }
        for (int q = 0; q < u.profile.inputQueues(); q++) {
            if (!u.inputQueues.containsKey(q)) {
                return q;
            }
        }
        throw new CslError(b.pos(), "no input queue is left for the data task on color " + color
                + " (a PE has " + u.profile.inputQueues() + ")");
    }
}
