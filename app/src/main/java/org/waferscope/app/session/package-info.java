/**
 * The bridge between engine and views: the session posts commands, pulls at most one frame
 * per pulse through the frame pump, and is the only place (with the window) that hops to
 * the FX thread; methods that do so are named {@code fx…}.
 */
package org.waferscope.app.session;
