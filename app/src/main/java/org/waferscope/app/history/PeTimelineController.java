package org.waferscope.app.history;

import java.util.List;
import javafx.beans.value.ObservableBooleanValue;
import org.waferscope.app.session.SimulationSession;
import org.waferscope.engine.api.Frame;
import org.waferscope.engine.api.PeTrack;
import org.waferscope.engine.api.SimState;
import org.waferscope.engine.program.WaferProgram;
import org.waferscope.engine.sim.Wafer;
import org.waferscope.engine.trace.PeRect;
import org.waferscope.engine.trace.PeReplay;
import org.waferscope.views.heatmap.PeLocation;
import org.waferscope.views.timeline.PeTimelineView;

/**
 * Keeps the per-PE timeline on the selected PE's row: whenever the run stands still (paused,
 * halted, stopped) at a new cycle, or the selection changes, and the view is showing, it
 * replays the program from load to that cycle on a background thread, recording the PEs of
 * the row around the selected one. A replay is deterministic, so it shows exactly what the
 * engine did; a stale result (the user moved on meanwhile) is dropped. FX thread only.
 */
public final class PeTimelineController {
    /** PEs of the row recorded around the selected one. */
    static final int ROW_PES = 24;
    /** Fabrics larger than this are not replayed in the window (a second full wafer would not fit beside the first). */
    static final long MAX_REPLAY_PES = 65_536;

    private final SimulationSession session;
    private final PeTimelineView view;
    private final ObservableBooleanValue showing;
    private long generation;
    private String shownKey = "";
    /** One replay at a time: steps that come while one runs are folded into the next. */
    private boolean replaying;
    private boolean again;

    public PeTimelineController(SimulationSession session, PeTimelineView view, ObservableBooleanValue showing) {
        this.session = session;
        this.view = view;
        this.showing = showing;
        session.frameProperty().addListener((o, a, f) -> refresh());
        session.layers().selectedProperty().addListener((o, a, pe) -> refresh());
        showing.addListener((o, a, now) -> refresh());
    }

    private void refresh() {
        Frame f = session.frameProperty().get();
        WaferProgram p = session.programProperty().get();
        PeLocation pe = session.layers().selectedProperty().get();
        if (!showing.get() || p == null || f.state() == SimState.EMPTY) {
            return;
        }
        if (pe == null) {
            shown("", List.of(), "click a PE: its row's history shows here");
            return;
        }
        if (f.state() == SimState.RUNNING) {
            view.noteProperty().set("running: pause to see PE " + pe + "'s row up to now");
            return;
        }
        if (f.cycle() == 0) {
            shown("", List.of(), "cycle 0: step or run, and PE " + pe + "'s row shows its history here");
            return;
        }
        String key = p.title() + "@" + System.identityHashCode(p) + "@" + f.cycle() + "@" + pe;
        if (key.equals(shownKey)) {
            return;
        }
        if (replaying) {
            again = true;
            return;
        }
        long pes = (long) f.width() * f.height();
        if (pes > MAX_REPLAY_PES) {
            PeRect row = rowAround(pe, f.width(), f.height());
            shown(key, List.of(), "a " + f.width() + " × " + f.height() + " fabric is too large to replay here. "
                    + "For this row's history, on the command line: export-trace " + programArg(p.folder()) + " --rect " + row.x()
                    + "," + row.y() + "," + row.width() + "," + row.height() + " --cycles " + Math.max(1, f.cycle())
                    + " --out row.json (with the same --param)");
            return;
        }
        PeRect row = rowAround(pe, f.width(), f.height());
        long cycles = f.cycle();
        if (cycles * row.count() > PeReplay.MAX_PE_CYCLES) {
            row = new PeRect(pe.x(), pe.y(), 1, 1);
        }
        long ticket = ++generation;
        shownKey = key;
        PeRect r = row;
        int highlight = pe.x() - r.x();
        view.noteProperty().set("replaying to cycle " + cycles + " …");
        replaying = true;
        session.fxBackground(() -> replay(p, r, f.width(), cycles), tracks -> {
            if (ticket == generation) {
                view.tracksProperty().set(tracks);
                view.highlightProperty().set(r.count() == 1 ? 0 : highlight);
                view.noteProperty().set("row " + pe.y() + ", x " + r.x() + "–" + (r.x() + r.width() - 1));
            }
            replayed();
        }, e -> {
            if (ticket == generation) {
                shown(key, List.of(), "could not replay: " + e.getMessage());
            }
            replayed();
        });
    }

    private void replayed() {
        replaying = false;
        if (again) {
            again = false;
            refresh();
        }
    }

    private void shown(String key, List<PeTrack> tracks, String note) {
        generation++;
        shownKey = key;
        view.tracksProperty().set(tracks);
        view.noteProperty().set(note);
    }

    /** Up to {@link #ROW_PES} PEs of the selected PE's row, centred on it where the fabric allows. */
    /** How the command line names the program: a bundled sample (copied to a temporary folder) by its name. */
    static String programArg(java.nio.file.Path folder) {
        if (folder == null) {
            return "PROGRAM_DIR";
        }
        java.nio.file.Path parent = folder.getParent();
        boolean sample = parent != null && parent.getFileName() != null
                && parent.getFileName().toString().startsWith("waferscope-");
        return sample ? folder.getFileName().toString() : folder.toString();
    }

    static PeRect rowAround(PeLocation pe, int width, int height) {
        int n = Math.min(ROW_PES, width);
        int x0 = Math.max(0, Math.min(width - n, pe.x() - n / 2));
        return new PeRect(x0, Math.min(pe.y(), height - 1), n, 1);
    }

    private static List<PeTrack> replay(WaferProgram p, PeRect r, int width, long cycles) {
        try (Wafer w = Wafer.load(p, 1)) {
            return PeReplay.record(w, r.pes(width), cycles);
        }
    }
}
