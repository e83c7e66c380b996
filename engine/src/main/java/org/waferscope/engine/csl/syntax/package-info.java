/** CSL source to trees: tokens, the lexer, the parser and the syntax tree records. */
package org.waferscope.engine.csl.syntax;
