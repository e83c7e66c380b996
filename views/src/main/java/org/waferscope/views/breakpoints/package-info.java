/** The Breakpoints panel: the program's breakpoints, to add, switch on and off, remove and jump to. */
package org.waferscope.views.breakpoints;
