/** The headless command line ({@code run}), built on picocli; the launcher dispatches to it. */
package org.waferscope.app.cli;
