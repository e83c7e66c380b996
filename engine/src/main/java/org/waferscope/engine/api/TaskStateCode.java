package org.waferscope.engine.api;

/** The codes of the {@link MetricLayer#TASK_STATE} layer. */
public enum TaskStateCode {
    /** No program on this PE. */
    EMPTY("no program"),
    /** A program, nothing to do. */
    IDLE("idle"),
    /** A task is executing instructions or a vector operation. */
    RUNNING("running a task"),
    /** Waiting for a wavelet on an empty input. */
    STALLED_INPUT("waiting for data"),
    /** Waiting for room in a full output or downstream buffer. */
    STALLED_BACKPRESSURE("back-pressured"),
    /** Only async microthreads are at work. */
    MICROTHREADS("microthreads only"),
    /** Stopped by a fault. */
    FAULTED("faulted");

    public final String label;

    TaskStateCode(String label) {
        this.label = label;
    }
}
