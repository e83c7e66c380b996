/** User preferences that outlive a session: theme, palette, UI scale, recent programs, window layout. */
package org.waferscope.app.prefs;
