/**
 * The Waferscope application: the jar's launcher, the JavaFX {@code Application} and the
 * composition root that builds the object graph (engine, session, view models, window)
 * once and passes it down.
 */
package org.waferscope.app;
