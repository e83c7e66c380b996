/** The intermediate form PE programs compile to, and the builder that emits it. */
package org.waferscope.engine.ir;
