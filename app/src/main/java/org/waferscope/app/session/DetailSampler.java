package org.waferscope.app.session;

import java.util.ArrayList;
import java.util.List;
import org.waferscope.engine.api.Frame;
import org.waferscope.engine.api.SimState;
import org.waferscope.views.heatmap.PeLocation;
import org.waferscope.views.heatmap.HeatmapView;
import org.waferscope.views.heatmap.Viewport;

/**
 * Feeds the heatmap's zoomed-in level of detail: when PEs are drawn large enough to show
 * their queues and buffered wavelets, and the simulation is not running, it asks for core
 * snapshots of the PEs in view (a bounded number) and hands them to the heatmap on the FX
 * thread. While running the details are dropped rather than shown stale.
 *
 * <p>Threads: FX thread only; the session brings the snapshots back to it. A generation
 * number discards answers to requests that a newer one has replaced.
 */
public final class DetailSampler {
    /** More PEs than this in view and the detail is not worth the snapshots. */
    static final int MAX_PES = 600;

    private final SimulationSession session;
    private final HeatmapView heatmap;
    private long generation;
    private long shownCycle = -1;
    private Viewport shownViewport;

    public DetailSampler(SimulationSession session, HeatmapView heatmap) {
        this.session = session;
        this.heatmap = heatmap;
        heatmap.viewportProperty().addListener((o, a, v) -> fxRefresh(heatmap.getFrame()));
        session.frameProperty().addListener((o, a, f) -> fxRefresh(f));
    }

    /** Re-samples if the frame or the view changed what detail should show. */
    public void fxRefresh(Frame f) {
        Viewport v = heatmap.getViewport();
        boolean wanted = f.state() != SimState.RUNNING && f.state() != SimState.EMPTY
                && v.scale() >= HeatmapView.DETAIL_SCALE && v.sameFabric(f.width(), f.height())
                && (long) (v.endColumn() - v.firstColumn()) * (v.endRow() - v.firstRow()) <= MAX_PES;
        if (!wanted) {
            generation++;
            shownCycle = -1;
            if (!heatmap.getDetails().isEmpty()) {
                heatmap.setDetails(List.of());
            }
            return;
        }
        if (f.cycle() == shownCycle && v.equals(shownViewport)) {
            return;
        }
        shownCycle = f.cycle();
        shownViewport = v;
        long gen = ++generation;
        List<PeLocation> pes = new ArrayList<>();
        for (int y = v.firstRow(); y < v.endRow(); y++) {
            for (int x = v.firstColumn(); x < v.endColumn(); x++) {
                pes.add(new PeLocation(x, y));
            }
        }
        session.fxInspectAll(pes, snapshots -> {
            if (gen == generation) {
                heatmap.setDetails(snapshots);
            }
        });
    }
}
