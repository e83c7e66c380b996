package org.waferscope.engine.fabric;

/**
 * Layout of a microthread record in {@link Fabric#mtPool}: an async vector operation that
 * runs beside the tasks. Its operands are copied in when it starts, so the task that
 * started it may end or reuse its frame.
 */
final class Microthreads {
    private Microthreads() {
    }

    /** 0 = free, else 1 + the pc of the instruction that started it. */
    static final int STATE = 0;
    static final int OPWORD = 1;
    static final int OPTIONS = 2;
    static final int DONE = 3;
    static final int LENGTH = 4;
    /** Last cycle's wait: 0 none, 1 input empty, 2 output full. */
    static final int WAIT = 5;
    /** Four operands (dst, src0..2), each: kind word then four DSD words or a scalar. */
    static final int OPERANDS = 6;
    static final int OPERAND_WORDS = 5;
    static final int WORDS = OPERANDS + 4 * OPERAND_WORDS;
}
