/** The status bar: lifecycle state, cycle, simulated time, simulation and display rates; and the state's icon and style. */
package org.waferscope.views.status;
