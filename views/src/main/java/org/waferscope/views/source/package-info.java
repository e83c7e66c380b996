/** The program source view: CSL with line numbers, light syntax colouring and the current line marked. */
package org.waferscope.views.source;
