package org.waferscope.engine.csl.compile;

import org.waferscope.engine.csl.value.CslType;

/** Somewhere a value can be read from and written to at run time. */
sealed interface Place {
    CslType type();

    /** Frame slots from {@code slot}. */
    record InSlots(String name, int slot, CslType type, boolean mutable) implements Place {
    }

    /** SRAM at a compile-time address (a global, or an element at a constant index). */
    record AtAddress(int address, CslType type) implements Place {
    }

    /** SRAM at the address in {@code addressSlot} plus {@code offset} bytes. */
    record Indirect(int addressSlot, int offset, CslType type) implements Place {
    }
}
