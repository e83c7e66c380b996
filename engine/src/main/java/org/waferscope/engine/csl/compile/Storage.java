package org.waferscope.engine.csl.compile;

import org.waferscope.engine.csl.eval.Binding;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.ir.Symbol;

/** Where a run-time variable lives: bindings the PE compiler adds to the evaluator's scopes. */
sealed interface Storage extends Binding {
    CslType type();

    /**
     * A global {@code var} in SRAM. DSD variables are four u32 words, pointers one u32
     * address; {@code pointsTo} is the symbol a pointer variable is initialised to, for
     * {@code @export_symbol}.
     */
    record Global(String name, CslType type, Symbol symbol, String[] pointsTo) implements Storage {
    }

    /** A local scalar, pointer or DSD in frame slots from {@code slot}. */
    record Local(String name, CslType type, int slot, boolean mutable) implements Storage {
    }

    /** A local array laid out in frame slots from {@code slot}; addressed through ADDR_OF_SLOT. */
    record LocalArray(String name, CslType.Array type, int slot) implements Storage {
    }
}
