/**
 * The fabric heatmap: a Control + Skin pair that turns a frame's per-PE values into pixels
 * through a palette lookup table, writes them in one bulk call into a reused image and
 * scales that image into view; plus the viewport arithmetic, the minimap and the
 * zoomed-in detail overlay.
 */
package org.waferscope.views.heatmap;
