/**
 * Colour lookup tables for heatmaps: sequential palettes for measurements and fixed
 * colour sets for categorical layers, all chosen to stay readable with colour-vision
 * deficiency.
 */
package org.waferscope.views.palette;
