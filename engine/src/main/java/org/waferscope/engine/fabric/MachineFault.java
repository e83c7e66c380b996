package org.waferscope.engine.fabric;

/** Something a PE did that the machine cannot do (an access outside SRAM, a stack overflow, ...). */
final class MachineFault extends RuntimeException {
    MachineFault(String message) {
        super(message, null, false, false);
    }
}
