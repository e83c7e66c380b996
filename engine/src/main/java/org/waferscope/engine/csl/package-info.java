/**
 * The CSL-subset front end: diagnostics shared by every stage, and the stages themselves in
 * sub-packages: {@code syntax} (lexer, parser, tree), {@code value} (compile-time values
 * and types), {@code eval} (the compile-time evaluator and built-in modules),
 * {@code layout} (running a layout block into a fabric layout) and {@code compile}
 * (PE programs to the engine's intermediate form).
 */
package org.waferscope.engine.csl;
