/**
 * The main window: menus and toolbar built from one set of actions (so every shortcut is
 * shown where the action is offered), the fabric pane, gallery and lesson, inspector,
 * timeline and console, status bar, themes and UI scale.
 */
package org.waferscope.app.window;
