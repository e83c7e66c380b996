/** Running the fabric: the parallel two-phase cycle stepper, snapshots, state hashing, and the simulator thread with its mailbox. */
package org.waferscope.engine.sim;
