/** The machine as data: architecture profiles (WSE-2, WSE-3), ports, element types, vector widths. */
package org.waferscope.engine.arch;
