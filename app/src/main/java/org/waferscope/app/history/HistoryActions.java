package org.waferscope.app.history;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.waferscope.app.session.SimulationSession;
import org.waferscope.engine.api.ConsoleLine.Kind;
import org.waferscope.engine.api.Frame;
import org.waferscope.engine.program.WaferProgram;
import org.waferscope.engine.trace.PeRect;
import org.waferscope.engine.trace.RunComparison;
import org.waferscope.engine.trace.RunSummary;
import org.waferscope.engine.trace.TraceExport;
import org.waferscope.views.heatmap.PeLocation;
import org.waferscope.views.palette.Palette;

/**
 * File → Export trace… and File → Compare with…: both replay off the engine on the
 * session's background executor, so the run on the wafer is not disturbed; the console says
 * what happened. FX thread only.
 */
public final class HistoryActions {
    /** A run to compare stops here if it has not ended. */
    static final long COMPARE_BUDGET = 20_000_000L;

    private final SimulationSession session;

    public HistoryActions(SimulationSession session) {
        this.session = session;
    }

    /** Asks for a file, then writes the trace of the program from load to the cycle on show (or its whole run at cycle 0). */
    public void exportTrace(Window owner) {
        if (session.programProperty().get() == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export trace (Chrome / Perfetto JSON)");
        chooser.setInitialFileName("trace.json");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Trace event JSON", "*.json"));
        File f = chooser.showSaveDialog(owner);
        if (f != null) {
            exportTraceTo(f.toPath());
        }
    }

    /**
     * Writes the trace: the whole fabric when it is small, else the 32x32 PEs around the
     * selected one (the command line's --rect picks any rectangle).
     */
    public void exportTraceTo(Path file) {
        WaferProgram p = session.programProperty().get();
        Frame f = session.frameProperty().get();
        if (p == null) {
            return;
        }
        PeRect rect = null;
        if ((long) f.width() * f.height() > TraceExport.WHOLE_FABRIC_PES) {
            PeLocation pe = session.layers().selectedProperty().get();
            int x = pe == null ? 0 : Math.max(0, Math.min(f.width() - 32, pe.x() - 16));
            int y = pe == null ? 0 : Math.max(0, Math.min(f.height() - 32, pe.y() - 16));
            rect = new PeRect(x, y, 32, 32);
        }
        long cycles = f.cycle() > 0 ? f.cycle() : -1;
        PeRect r = rect;
        session.console().note(Kind.HOST, f.cycle(), "Writing the trace to " + file + " …");
        session.fxBackground(() -> {
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file))) {
                return TraceExport.write(p, r, cycles, COMPARE_BUDGET, o);
            }
        }, res -> session.console().note(Kind.HOST, f.cycle(), String.format("Trace saved to %s: %d cycles of %d PE(s), "
                        + "%d task slices, %d stalls, %d wavelet flows; open it at ui.perfetto.dev", file, res.cycles(),
                res.rect().count(), res.written().taskSlices(), res.written().stalls(), res.written().flows())),
                e -> session.console().note(Kind.ERROR, f.cycle(), "Could not write the trace: " + e.getMessage()));
    }

    /** Asks what to compare with, runs both, and opens the comparison window. */
    public void compareWith(Window owner, Palette palette) {
        WaferProgram p = session.programProperty().get();
        Path dir = session.folderProperty().get();
        if (p == null || dir == null) {
            return;
        }
        CompareDialog dialog = new CompareDialog(owner, p, dir);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() != null) {
                compare(owner, palette, dialog.getResult());
            }
        });
        dialog.show();
    }

    /** Runs the program on the wafer (A, from load) and {@code b}, then shows them side by side. */
    public void compare(Window owner, Palette palette, CompareTarget b) {
        WaferProgram a = session.programProperty().get();
        Path dir = session.folderProperty().get();
        if (a == null || dir == null) {
            return;
        }
        String labelA = new CompareTarget(dir, a.params()).label();
        long at = session.frameProperty().get().cycle();
        session.console().note(Kind.HOST, at, "Comparing " + labelA + " with " + b.label() + " …");
        session.fxBackground(() -> {
            WaferProgram other = session.loadAside(b.folder(), b.params());
            return RunComparison.of(RunSummary.run(a, -1, COMPARE_BUDGET, 1),
                    RunSummary.run(other, -1, COMPARE_BUDGET, 1));
        }, c -> {
            session.console().note(Kind.HOST, at, String.format("Compared: A %,d cycles, B %,d cycles (%+,d)%s",
                    c.a().cycles(), c.b().cycles(), c.cycleDifference(), c.identical() ? ", identical" : ""));
            new CompareWindow(owner, labelA, b.label(), c, palette).show();
        }, e -> session.console().note(Kind.ERROR, at, "Could not compare: " + e.getMessage()));
    }
}
