/**
 * The PE compiler: a parsed PE program and its params to the engine's intermediate form
 * ({@link org.waferscope.engine.ir.PeProgram}), with a source position on every instruction.
 */
package org.waferscope.engine.csl.compile;
