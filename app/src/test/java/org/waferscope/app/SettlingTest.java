package org.waferscope.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.BoundingBox;
import org.junit.jupiter.api.Test;

/** --screenshot waits for the load error's banner to stop sliding, not only for a count of pulses. */
class SettlingTest {
    @Test
    void aWindowWithNoBannerSettlesAfterItsPulses() {
        Settling s = new Settling(8);
        for (int pulse = 1; pulse < 8; pulse++) {
            assertFalse(s.at(pulse, null), "pulse " + pulse);
        }
        assertTrue(s.at(8, null));
    }

    @Test
    void aSlidingBannerHoldsTheShotUntilItRests() {
        Settling s = new Settling(8);
        int pulse = 0;
        // the banner comes down from above the fabric, 4 px a pulse, for 20 pulses
        for (int y = -80; y < 0; y += 4) {
            assertFalse(s.at(++pulse, new BoundingBox(0, y, 600, 80)), "still sliding at y " + y);
        }
        assertTrue(pulse > 8, "past the pulses a window with no banner needs");
        assertFalse(s.at(++pulse, new BoundingBox(0, 0, 600, 80)), "just arrived: one pulse to be sure it stays");
        assertTrue(s.at(++pulse, new BoundingBox(0, 0, 600, 80)), "at rest");
    }
}
