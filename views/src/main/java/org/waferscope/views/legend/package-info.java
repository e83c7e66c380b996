/** The heatmap's legend: the layer's scale with its units, or its categories' swatches. */
package org.waferscope.views.legend;
