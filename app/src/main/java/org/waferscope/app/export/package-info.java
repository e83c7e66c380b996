/** Exports: the fabric view as a PNG picture and the shown layer's metrics as CSV. */
package org.waferscope.app.export;
