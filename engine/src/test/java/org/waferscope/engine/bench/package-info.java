/** JMH benchmarks of the engine against a bare Java stencil; run with the {@code bench} profile (docs/benchmarks.md). */
package org.waferscope.engine.bench;
