/** Loaded program folders: what the front end hands the engine. */
package org.waferscope.engine.program;
