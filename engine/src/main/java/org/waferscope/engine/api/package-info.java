/** The narrow interface the application and views see: commands in, immutable frames and core snapshots out. */
package org.waferscope.engine.api;
