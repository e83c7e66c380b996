package org.waferscope.app.prefs;

/**
 * Where the main window was and how its panes were split.
 *
 * @param mainDividers  divider positions of the left | centre | right split
 * @param centreDivider divider position between fabric and the bottom panel
 */
public record WindowLayout(double x, double y, double width, double height, boolean maximized, double[] mainDividers,
                           double centreDivider) {
    public static final WindowLayout DEFAULT = new WindowLayout(Double.NaN, Double.NaN, 1440, 900, false,
            new double[] {0.21, 0.73}, 0.70);
}
