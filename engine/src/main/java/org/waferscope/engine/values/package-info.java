/**
 * The program's own data as the views see it: reading one global from every PE's SRAM
 * between cycles for the value layer, and listing the globals a program has.
 */
package org.waferscope.engine.values;
