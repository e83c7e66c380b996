package org.waferscope.engine.csl.compile;

import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;

/** The result of compiling an expression: a compile-time value, or a value in frame slots. */
sealed interface Operand {
    CslType type();

    record Const(Value value) implements Operand {
        public CslType type() {
            return value.type();
        }
    }

    /** A run-time value in {@code slot} (four slots from there for a DSD). */
    record Reg(int slot, CslType type) implements Operand {
    }
}
