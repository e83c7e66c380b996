/**
 * Layout files to a {@link org.waferscope.engine.fabric.FabricLayout}: params, the layout
 * block and its builtins, routes (with switches and filters), tile code compiled once per
 * distinct (file, params), and load-time route checks.
 */
package org.waferscope.engine.csl.layout;
