package org.waferscope.views.timeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.waferscope.views.palette.CategoricalColors;

/**
 * The PE row's key says "red: waiting for input, pink: output full"; its task bars took the
 * fabric colors' hues, and task 0 (broadcast-chain's recv) came out red, so a running task
 * read as a stall. No task id may share a hue with the stall marks.
 */
class PeRowColorsTest {
    private static double apart(double a, double b) {
        double d = Math.abs(a - b) % 360;
        return Math.min(d, 360 - d);
    }

    @Test
    void noTaskBarTakesTheHueOfAStall() {
        for (int task = 0; task < 64; task++) {
            int c = CategoricalColors.taskColor(task);
            double hue = Color.rgb(c >> 16 & 0xFF, c >> 8 & 0xFF, c & 0xFF).getHue();
            assertTrue(apart(hue, PeTimelineSkin.STALL_INPUT.getHue()) >= 45,
                    "task " + task + " at hue " + hue + " reads as waiting for input");
            assertTrue(apart(hue, PeTimelineSkin.STALL_OUTPUT.getHue()) >= 45,
                    "task " + task + " at hue " + hue + " reads as output full");
        }
    }

    @Test
    void theFirstTasksStayApart() {
        for (int a = 0; a < 8; a++) {
            for (int b = a + 1; b < 8; b++) {
                Color ca = rgb(CategoricalColors.taskColor(a));
                Color cb = rgb(CategoricalColors.taskColor(b));
                assertTrue(apart(ca.getHue(), cb.getHue()) >= 12, "tasks " + a + " and " + b + " look alike");
            }
        }
    }

    private static Color rgb(int c) {
        return Color.rgb(c >> 16 & 0xFF, c >> 8 & 0xFF, c & 0xFF);
    }
}
