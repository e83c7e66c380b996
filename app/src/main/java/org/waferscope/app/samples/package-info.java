/** The sample gallery's catalogue: program folders packaged under {@code org/waferscope/samples/}. */
package org.waferscope.app.samples;
