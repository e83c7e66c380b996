/** The run controls' view model: what may be done in the current state, and the commands it posts. */
package org.waferscope.views.controls;
