/**
 * Reusable JavaFX controls and their view models. Everything here reads the simulation
 * only through {@code org.waferscope.engine.api} (and the value types it references), never
 * calls {@code Platform}, and runs on the FX thread: the app's session owns every thread hop.
 */
package org.waferscope.views;
