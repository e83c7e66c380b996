/**
 * User modules: {@code @import_module("file.csl", .{ params })} of a program's own files.
 * The {@link org.waferscope.engine.csl.link.ModuleLinker} reads every module a file imports
 * and flattens them into that file, each instance's names prefixed with the path by which it
 * was imported ({@code sync.get_params}), so that the evaluator and the PE compiler see one
 * namespace and need to know nothing of modules.
 */
package org.waferscope.engine.csl.link;
