package org.waferscope.views.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.api.FrameRequest;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.views.heatmap.PeLocation;

class LayerChooserModelTest {
    private final List<Command> sent = new ArrayList<>();
    private final LayerChooserModel m = new LayerChooserModel(sent::add);

    @Test
    void choosingALayerRequestsIt() {
        m.layerProperty().set(MetricLayer.SRAM);
        assertEquals(new Command.Request(FrameRequest.DEFAULT.withLayer(MetricLayer.SRAM)), sent.get(0));
        assertFalse(m.routeColorUsedProperty().get());
    }

    @Test
    void aHaloBelongsToItsArrayAndGoesWhenAnotherIsPicked() {
        m.showValue(org.waferscope.engine.api.ValueQuery.of("T"));
        m.tilesHaloProperty().set(true);
        m.showValue(org.waferscope.engine.api.ValueQuery.parse("max(T)"));
        assertTrue(m.tilesHaloProperty().get(), "another reduction of the same T keeps it");
        m.showValue(org.waferscope.engine.api.ValueQuery.of("next"));
        assertFalse(m.tilesHaloProperty().get(), "next has no halo");
    }

    @Test
    void routeLayerCarriesTheColorClamped() {
        m.layerProperty().set(MetricLayer.ROUTE);
        assertTrue(m.routeColorUsedProperty().get());
        m.routeColorProperty().set(99);
        assertEquals(23, m.requestProperty().get().routeColor());
    }

    @Test
    void selectionFollowsIntoTheRequestOnce() {
        m.selectedProperty().set(new PeLocation(5, 6));
        m.selectedProperty().set(new PeLocation(5, 6));
        assertEquals(1, sent.size());
        assertEquals(new FrameRequest(MetricLayer.UTILIZATION, 0, 5, 6), m.requestProperty().get());
    }

    @Test
    void offersEveryLayer() {
        assertEquals(MetricLayer.values().length, m.layers().size());
        m.resend();
        assertEquals(new Command.Request(FrameRequest.DEFAULT), sent.get(0));
    }

    @org.junit.jupiter.api.Test
    void wholeRunIsPartOfTheRequestForRateLayers() {
        java.util.List<org.waferscope.engine.api.Command> sent = new java.util.ArrayList<>();
        LayerChooserModel m = new LayerChooserModel(sent::add);
        assertTrue(m.isRateLayer());
        m.wholeRunProperty().set(true);
        assertEquals(FrameRequest.DEFAULT.withWholeRun(true), m.requestProperty().get());
        assertEquals(new org.waferscope.engine.api.Command.Request(FrameRequest.DEFAULT.withWholeRun(true)),
                sent.get(sent.size() - 1));
        m.layerProperty().set(MetricLayer.SRAM);
        assertFalse(m.isRateLayer());
    }

    @Test
    void valueLayerCarriesTheChosenVariableAndItsTiles() {
        m.setSymbols(List.of(new org.waferscope.engine.api.ValueSymbol("T", org.waferscope.engine.arch.ElementType.F32,
                36, new int[] {36}, 64), new org.waferscope.engine.api.ValueSymbol("beta",
                org.waferscope.engine.arch.ElementType.F32, 1, new int[0], 64)));
        m.layerProperty().set(MetricLayer.VALUE);
        assertEquals(org.waferscope.engine.api.ValueQuery.of("T"), m.requestProperty().get().value(),
                "the first variable, until one is chosen");
        m.valueTilesProperty().set(new org.waferscope.engine.api.ValueQuery.Window(1, 2, 3, 4));
        assertEquals(new org.waferscope.engine.api.ValueQuery.Window(1, 2, 3, 4), m.requestProperty().get().value().tiles(),
                "zoomed in, the whole array is drawn element by element");
        m.valueProperty().set(org.waferscope.engine.api.ValueQuery.parse("sum(beta)"));
        FrameRequest r = m.requestProperty().get();
        assertEquals("sum(beta)", r.value().text());
        assertEquals(null, r.value().tiles(), "a reduction is one number per PE at every zoom, as its legend says");
        m.valueProperty().set(org.waferscope.engine.api.ValueQuery.parse("T[2]"));
        assertEquals(null, m.requestProperty().get().value().tiles(), "so is one element");
        m.valueProperty().set(org.waferscope.engine.api.ValueQuery.parse("T"));
        assertEquals(new org.waferscope.engine.api.ValueQuery.Window(1, 2, 3, 4), m.requestProperty().get().value().tiles());
        m.setSymbols(List.of());
        assertEquals(null, m.valueProperty().get(), "a new program without the variable drops it");
    }
}
