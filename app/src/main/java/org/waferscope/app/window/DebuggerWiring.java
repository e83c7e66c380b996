package org.waferscope.app.window;

import javafx.scene.control.Tab;
import org.waferscope.app.prefs.AppPreferences;
import org.waferscope.app.session.SimulationSession;
import org.waferscope.engine.api.BreakHit;
import org.waferscope.engine.api.Breakpoint;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.views.breakpoints.BreakpointsPanel;
import org.waferscope.views.heatmap.PeLocation;
import org.waferscope.views.heatmap.Viewport;
import org.waferscope.views.inspector.CoreInspectorView;
import org.waferscope.views.waiting.WaitingPanel;

/**
 * Connects breakpoints to the window: the Breakpoints tab, each program's list kept in the
 * preferences, and what a stop does (select its PE, centre the fabric on it, show its
 * source line, mark the breakpoint in the list). FX thread only.
 */
final class DebuggerWiring {
    private final SimulationSession session;
    private final FabricPane fabric;
    private final CoreInspectorView inspector;
    final BreakpointsPanel panel;
    final WaitingPanel waiting;

    DebuggerWiring(SimulationSession session, AppPreferences prefs, FabricPane fabric, CoreInspectorView inspector) {
        this.session = session;
        this.fabric = fabric;
        this.inspector = inspector;
        session.breakpoints().setStore(prefs::breakpoints, prefs::setBreakpoints);
        panel = new BreakpointsPanel(session.breakpoints());
        panel.setId("breakpoints");
        panel.setOnJump(this::jumpTo);
        session.stopProperty().addListener((o, a, h) -> {
            if (h != null) {
                stopped(h);
            }
        });
        session.programProperty().addListener((o, a, p) -> {
            panel.showHit(null);
            // breakpoints that can never stop in this program are marked; the field shows one of its lines
            var targets = p == null ? null : org.waferscope.engine.sim.BreakTargets.of(p);
            panel.setProgramChecks(targets == null ? null : targets::problem, targets == null ? null : targets.example());
            inspector.setBreakpointChecks(targets == null ? null : targets::problem);
        });
        waiting = new WaitingPanel(session.waits());
        waiting.setId("waiting");
        waiting.setOnSelect((x, y) -> {
            session.layers().selectedProperty().set(new PeLocation(x, y));
            centreOn(x, y);
        });
    }

    Tab tab() {
        Tab t = new Tab("Breakpoints", panel);
        t.setId("tab-breakpoints");
        return t;
    }

    Tab waitingTab() {
        Tab t = new Tab("Waiting", waiting);
        t.setId("tab-waiting");
        t.setTooltip(new javafx.scene.control.Tooltip("Why is it stuck? Who waits for whom"));
        // a deadlock opens the chain that explains it
        session.waits().addListener((javafx.collections.ListChangeListener<Object>) c -> {
            if (!session.waits().isEmpty() && t.getTabPane() != null
                    && session.frameProperty().get().state() == org.waferscope.engine.api.SimState.FAULTED) {
                t.getTabPane().getSelectionModel().select(t);
            }
        });
        return t;
    }

    private void stopped(BreakHit h) {
        panel.showHit(h);
        if (h.pe() != null) {
            centreOn(h.pe().x(), h.pe().y());
        }
        if (h.position() != null) {
            inspector.revealSourceLine(h.position().line(), false);
            inspector.showTab("Source");
        }
    }

    /** Shows where a breakpoint is: its PE (or the first PE running its file) and, for a line, the line. */
    void jumpTo(Breakpoint b) {
        var program = session.programProperty().get();
        Breakpoint.Pe pe = b.pe();
        if (pe == null && b instanceof Breakpoint.Line l && program != null) {
            pe = firstRunning(program.layout(), l.file());
        }
        if (pe == null) {
            return;
        }
        PeLocation at = new PeLocation(pe.x(), pe.y());
        boolean same = at.equals(session.layers().selectedProperty().get());
        session.layers().selectedProperty().set(at);
        centreOn(pe.x(), pe.y());
        if (b instanceof Breakpoint.Line l) {
            inspector.revealSourceLine(l.line(), same && l.file().equals(session.inspector().sourceFileProperty().get()));
        }
    }

    private static Breakpoint.Pe firstRunning(FabricLayout layout, String file) {
        for (int p = 0; p < layout.peCount(); p++) {
            int index = layout.programOf(p);
            if (index >= 0 && layout.program(index).name().equals(file)) {
                return new Breakpoint.Pe(p % layout.width(), p / layout.width());
            }
        }
        return null;
    }

    private void centreOn(int x, int y) {
        Viewport v = fabric.heatmap.getViewport();
        if (v != null) {
            fabric.heatmap.setViewport(v.centerOn(x + 0.5, y + 0.5));
        }
    }
}
