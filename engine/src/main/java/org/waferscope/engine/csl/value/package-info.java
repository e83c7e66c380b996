/** Compile-time values and types of the CSL subset, and the rules for combining and converting them. */
package org.waferscope.engine.csl.value;
