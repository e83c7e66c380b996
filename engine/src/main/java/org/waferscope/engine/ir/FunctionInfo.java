package org.waferscope.engine.ir;

/**
 * A compiled function or task body.
 *
 * @param name       the CSL name
 * @param entry      the index of its first instruction
 * @param params     number of argument slots (starting at slot 2)
 * @param frameSlots slots its frame needs, link and arguments included
 * @param pos        where it is declared
 */
public record FunctionInfo(String name, int entry, int params, int frameSlots, SourcePos pos) {
}
