package org.waferscope.engine.ir;

/** How a task is activated. */
public enum TaskKind {
    /** By each wavelet arriving on its color (WSE-2) or input queue (WSE-3). */
    DATA,
    /** By {@code @activate} or by the completion of an async operation. */
    LOCAL,
    /** By a control wavelet naming its id. */
    CONTROL
}
