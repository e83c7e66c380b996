/**
 * What a run records as it goes: the fabric-wide timeline, counted cycle by cycle and kept
 * bounded by merging buckets. A leaf package (the engine API only), so the fabric and the
 * stepper can write to it.
 */
package org.waferscope.engine.record;
