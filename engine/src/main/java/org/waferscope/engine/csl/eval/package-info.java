/**
 * The compile-time evaluator: scopes, the expression evaluator, the statement interpreter
 * (layout and comptime blocks), the builtins every file shares, and the built-in library
 * modules. Work is bounded by a {@link org.waferscope.engine.csl.eval.Budget}.
 */
package org.waferscope.engine.csl.eval;
