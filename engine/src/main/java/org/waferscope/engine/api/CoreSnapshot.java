package org.waferscope.engine.api;

import java.util.List;
import java.util.Map;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.ir.SourcePos;

/**
 * Everything the core inspector shows about one PE, copied between cycles. Owned by the
 * receiver.
 *
 * @param x, y            the PE
 * @param cycle           when it was taken
 * @param program         the program file, or "" for an empty PE
 * @param params          the params the program was specialised with
 * @param runningTask     id of the task executing, or -1
 * @param position        source position of the current instruction, or null
 * @param instruction     the current instruction as text, or ""
 * @param activity        what the CE is doing, in words ("idle", "stalled: input queue 2 empty", …)
 * @param tasks           the task table
 * @param microthreads    async operations in progress
 * @param inputQueues     the CE's input queues in use
 * @param outputQueues    the CE's output queues in use
 * @param routes          the router's per-color configuration and buffers
 * @param symbols         SRAM globals with their current bytes
 * @param sramUsed        bytes of SRAM the program occupies (code, data, stack)
 * @param sramTotal       bytes of SRAM a PE has
 * @param counters        cumulative activity counters
 */
public record CoreSnapshot(int x, int y, long cycle, String program, Map<String, String> params, int runningTask,
                           SourcePos position, String instruction, String activity, List<TaskRow> tasks,
                           List<MicrothreadRow> microthreads, List<QueueRow> inputQueues,
                           List<QueueRow> outputQueues, List<RouteRow> routes, List<SymbolValue> symbols,
                           int sramUsed, int sramTotal, Counters counters) {

    /** A row of the task table. */
    public record TaskRow(int id, String kind, String name, String boundTo, boolean activated, boolean blocked,
                          boolean running, long timesRun) {
    }

    /** An async DSD operation in progress. */
    public record MicrothreadRow(int slot, String operation, int done, int length, String waitingFor) {
    }

    /** A queue's binding and its wavelets' payloads, head first. */
    public record QueueRow(int id, int color, int depth, List<Integer> payloads) {
    }

    /**
     * A color's route at this PE.
     *
     * @param positions every switch position as text, current one marked by {@code position}
     * @param buffered  wavelets waiting in this color's input buffers
     */
    public record RouteRow(int color, int position, List<String> positions, boolean ringMode, String filter,
                           int buffered) {
    }

    /** A global's current contents (little-endian bytes of {@code type}). */
    public record SymbolValue(String name, ElementType type, int[] dims, int address, String exported,
                              byte[] bytes) {
    }

    /** Cycles by class since load, and event counts. */
    public record Counters(long compute, long fabric, long stalledInput, long stalledBackpressure, long idle,
                           long tasksRun, long waveletsSent, long waveletsReceived) {
    }
}
