/** Exports: the fabric view as a PNG picture and the shown layer as CSV. */
package org.waferscope.app.export;
