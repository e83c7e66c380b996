/** The layer chooser: which metric the heatmap shows, the route color, the palette, and the frame request they make. */
package org.waferscope.views.layers;
