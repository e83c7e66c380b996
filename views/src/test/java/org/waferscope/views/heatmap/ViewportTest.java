package org.waferscope.views.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ViewportTest {
    @Test
    void fitShowsTheWholeWaferAtUnderOnePixelPerPe() {
        Viewport v = Viewport.fit(757, 996, 800, 700);
        assertTrue(v.showsAll());
        assertTrue(v.scale() < 1, "a full wafer in 700 px is under one pixel per PE");
        assertEquals(0, v.firstColumn());
        assertEquals(757, v.endColumn());
        assertEquals(996, v.endRow());
    }

    @Test
    void zoomKeepsThePointUnderTheMouse() {
        Viewport v = Viewport.fit(100, 100, 500, 500);
        double fx = v.toFabricX(120);
        double fy = v.toFabricY(333);
        Viewport z = v.zoomAt(3, 120, 333);
        assertEquals(v.scale() * 3, z.scale(), 1e-9);
        assertEquals(fx, z.toFabricX(120), 1e-9);
        assertEquals(fy, z.toFabricY(333), 1e-9);
        assertFalse(z.showsAll());
    }

    @Test
    void zoomIsBounded() {
        Viewport v = Viewport.fit(10, 10, 500, 500);
        assertEquals(Viewport.MAX_SCALE, v.zoom(1000).scale(), 1e-9);
        assertEquals(v.minScale(), v.zoom(1e-6).scale(), 1e-9);
    }

    @Test
    void panMovesTheFabricWithTheMouseButNotOutOfSight() {
        Viewport v = Viewport.fit(100, 100, 500, 500).zoom(4);
        Viewport p = v.panBy(40, 0);
        assertEquals(v.originX() - 40 / v.scale(), p.originX(), 1e-9);
        Viewport far = v.panBy(-1e7, -1e7);
        assertTrue(far.toFabricX(0) < 100, "some fabric stays in view");
        assertTrue(far.toFabricY(0) < 100);
    }

    @Test
    void hitTestingFindsThePe() {
        Viewport v = new Viewport(10, 10, 100, 100, 10, 0, 0);
        assertEquals(3, v.columnAt(35));
        assertEquals(9, v.rowAt(99));
        assertEquals(-1, v.columnAt(-1));
        assertEquals(-1, v.rowAt(100));
    }

    @Test
    void resizeKeepsTheCentre() {
        Viewport v = Viewport.fit(200, 200, 400, 400).zoom(5).centerOn(50, 70);
        Viewport r = v.resize(800, 300);
        assertEquals(50, r.toFabricX(400), 1e-9);
        assertEquals(70, r.toFabricY(150), 1e-9);
    }
}
