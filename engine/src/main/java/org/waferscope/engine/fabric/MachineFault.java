package org.waferscope.engine.fabric;

/** Something a PE did that the machine cannot do (an access outside SRAM, a stack overflow, ...). */
final class MachineFault extends RuntimeException {
    /** The instruction that caused it, or -1 for the one the CE is executing. */
    final int pc;

    MachineFault(String message) {
        this(message, -1);
    }

    MachineFault(String message, int pc) {
        super(message, null, false, false);
        this.pc = pc;
    }
}
