package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A fault's cause is built by the engine, never taken from a JDK exception that may have no message. */
class FaultCauseTest {
    @Test
    void exceptionsWithoutAMessageStillNameTheirCause() {
        assertEquals("integer division by zero or overflow", ComputeEngine.cause(new ArithmeticException()));
        assertEquals("an index out of range in the engine: please report it with the program",
                ComputeEngine.cause(new ArrayIndexOutOfBoundsException()));
        assertEquals("task 3 was activated but is bound to nothing",
                ComputeEngine.cause(new MachineFault("task 3 was activated but is bound to nothing")));
    }
}
