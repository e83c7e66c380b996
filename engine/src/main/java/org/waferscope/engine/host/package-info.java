/** The host side: arrays, the command stream (copies, launches, streams, checks) and its execution against the fabric. */
package org.waferscope.engine.host;
