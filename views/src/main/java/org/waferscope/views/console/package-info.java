/** The console: simprint output with PE and cycle, host steps, checks, warnings and load errors. */
package org.waferscope.views.console;
