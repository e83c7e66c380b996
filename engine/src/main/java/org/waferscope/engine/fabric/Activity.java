package org.waferscope.engine.fabric;

/** What a CE did in a cycle; the busy classes of the utilization metrics. */
public final class Activity {
    private Activity() {
    }

    public static final byte IDLE = 0;
    /** Executed an instruction, started a task, or worked on a memory vector op. */
    public static final byte COMPUTE = 1;
    /** Moved a wavelet between a queue and a vector op. */
    public static final byte FABRIC = 2;
    /** Waited for a wavelet on an empty input. */
    public static final byte STALL_INPUT = 3;
    /** Waited for room in a full output. */
    public static final byte STALL_OUTPUT = 4;
    /** The CE was idle while its microthreads moved data (counted with fabric work). */
    public static final byte MICROTHREADS = 5;
    public static final byte FAULTED = 6;
}
