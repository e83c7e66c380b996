package org.waferscope.app.session;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.waferscope.engine.api.CoreSnapshot;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.waferscope.engine.api.BreakHit;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.api.ConsoleLine.Kind;
import org.waferscope.engine.api.Frame;
import org.waferscope.engine.api.SimState;
import org.waferscope.engine.api.SimulationHandle;
import org.waferscope.engine.program.WaferProgram;
import org.waferscope.views.console.ConsoleModel;
import org.waferscope.views.controls.ControlsModel;
import org.waferscope.views.heatmap.PeLocation;
import org.waferscope.views.inspector.CoreInspectorModel;
import org.waferscope.views.layers.LayerChooserModel;
import org.waferscope.views.status.StatusModel;

/**
 * The bridge between one simulation and the view models. It posts commands, takes the
 * newest frame once per pulse (skipping a frame number it has seen), reads new console
 * lines, and asks for core snapshots of the selected PE on pause or step, or sampled once a
 * second while running.
 *
 * <p>Threads: everything here runs on the FX thread except program loading, which runs on
 * the injected {@code background} executor; results come back through the injected
 * {@code fx} executor ({@code Platform::runLater} in the app, a same-thread executor in
 * tests). Methods whose results arrive through {@code fx} are named {@code fx…}.
 */
public final class SimulationSession {
    /** While running, the inspector is refreshed this often (nanoseconds). */
    static final long SAMPLE_NANOS = 1_000_000_000L;
    private static final int CONSOLE_BATCH = 2000;

    private final SimulationHandle sim;
    private final java.util.function.Function<WaferProgram, java.util.concurrent.CompletionStage<?>> place;
    private final FolderLoader programs;
    /** The build of the open SDK example's script (null: its first); FX thread only. */
    private org.waferscope.engine.program.SdkChoice build;
    private final Executor background;
    private final Executor fx;
    private final ControlsModel controls;
    private final LayerChooserModel layers;
    private final StatusModel status = new StatusModel();
    private final ConsoleModel console = new ConsoleModel();
    private final CoreInspectorModel inspector = new CoreInspectorModel();
    private final org.waferscope.views.source.BreakpointsModel breakpoints;
    private final FrameRateMeter meter = new FrameRateMeter();
    private final ReadOnlyObjectWrapper<Frame> frame = new ReadOnlyObjectWrapper<>(this, "frame", Frame.empty());
    private final ReadOnlyObjectWrapper<WaferProgram> program = new ReadOnlyObjectWrapper<>(this, "program");
    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>(this, "folder");
    private final javafx.beans.property.ReadOnlyStringWrapper loading =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "loading", "");
    /** The bundled sample last opened: its temporary folder and how the console names it. */
    private java.util.Map.Entry<Path, String> sample;
    /** Counts loads, so a load placed after a newer one began does not end the newer one's "Loading …". */
    private long loads;
    private final javafx.beans.property.ReadOnlyStringWrapper loadError =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "loadError", "");
    private final ReadOnlyObjectWrapper<BreakHit> stop = new ReadOnlyObjectWrapper<>(this, "stop");
    private BreakHit lastHit;
    private final javafx.collections.ObservableList<org.waferscope.engine.api.WaitLink> waits =
            javafx.collections.FXCollections.observableArrayList();
    private long waitsAsked = -1;
    private long lastNumber = -1;
    private long inspectedCycle = -1;
    private long lastSample;
    private boolean keepLayerOnce;
    private long watchedCycle = -1;
    private long lastWatchSample;

    public SimulationSession(EngineFactory.Engine engine, FolderLoader programs, Executor background, Executor fx) {
        this.sim = engine.handle();
        this.place = engine.loader();
        this.programs = programs;
        this.background = background;
        this.fx = fx;
        this.controls = new ControlsModel(sim::post);
        this.layers = new LayerChooserModel(sim::post);
        this.breakpoints = new org.waferscope.views.source.BreakpointsModel(sim::post);
        layers.selectedProperty().addListener((o, a, pe) -> {
            inspectedCycle = -1;
            if (pe == null) {
                inspector.clear();
            } else {
                fxInspect(pe);
            }
        });
        // A new watch gets its value at once, not at the next step.
        inspector.memory().watches().rows().addListener((javafx.collections.ListChangeListener<Object>) c -> {
            while (c.next()) {
                if (c.wasAdded() && !c.wasReplaced()) {
                    fxRefreshWatches();
                    return;
                }
            }
        });
    }

    /**
     * Loads a program folder in the background and puts it on the wafer; problems go to the
     * console and leave the session (and any program already loaded) as it was.
     */
    public void fxOpen(Path dir) {
        fxOpen(dir, java.util.Map.of());
    }

    /**
     * Like {@link #fxOpen(Path)}, with layout params that override the folder's run.json. A
     * reload of the open folder keeps the build of its SDK build script that is open.
     */
    public void fxOpen(Path dir, java.util.Map<String, String> params) {
        fxOpen(dir, params, dir.equals(folder.get()) ? build : null);
    }

    /** Opens a bundled sample unpacked to {@code dir}: the console names the sample, not the temporary folder. */
    public void fxOpenSample(Path dir, String name) {
        sample = java.util.Map.entry(dir, "the sample " + name);
        fxOpen(dir, java.util.Map.of(), null, sample.getValue());
    }

    /** How the console names a folder: a sample by its name, also when reloaded with other params. */
    private String named(Path dir) {
        return sample != null && sample.getKey().equals(dir) ? sample.getValue() : dir.toString();
    }

    /** Like {@link #fxOpen(Path, java.util.Map)}, opening build {@code choice} of an SDK example (null: the first). */
    public void fxOpen(Path dir, java.util.Map<String, String> params, org.waferscope.engine.program.SdkChoice choice) {
        fxOpen(dir, params, choice, named(dir));
    }

    private void fxOpen(Path dir, java.util.Map<String, String> params, org.waferscope.engine.program.SdkChoice choice,
                        String what) {
        String with = params.isEmpty() ? "" : " with " + params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
        String which = choice == null ? "" : " (build " + choice.spec() + " of its build script)";
        // The counts start afresh with the load, not when it ends: a note posted while it runs
        // (which build of a script is open) was shown beside "0 warnings".
        console.resetCounts();
        // no cycle: it is not a moment of the program shown now ("221 Loading mandelbrot" read as one)
        console.note(Kind.HOST, 0, "Loading " + what + which + with + "\u00a0…");
        loading.set(what);
        long load = ++loads;
        background.execute(() -> {
            try {
                WaferProgram p = programs.load(dir, params, choice);
                fx.execute(() -> {
                    build = choice;
                    loaded(dir, p, load);
                });
            } catch (Exception | LinkageError e) {
                fx.execute(() -> failed(dir, e, load));
            }
        });
    }

    private void loaded(Path dir, WaferProgram p, long load) {
        WaferProgram before = program.get();
        Path beforeFolder = folder.get();
        loadError.set("");
        program.set(p);
        folder.set(dir);
        inspector.clearOnLoad(name -> p.layout().programs().stream().anyMatch(q -> q.symbol(name).isPresent()));
        inspector.setSources(p.sources());
        // The user's own variable (--layer value:…), to say so if this program has no such global.
        org.waferscope.engine.api.ValueQuery asked = keepLayerOnce ? layers.valueProperty().get() : null;
        layers.setSymbols(org.waferscope.engine.values.ValueSymbols.of(p.layout()));
        // A newly opened program shows what its lesson says to watch; a reload with other params keeps the view.
        if (!dir.equals(beforeFolder) && !keepLayerOnce) {
            if (!p.watch().isEmpty()) {
                fxChooseLayer(org.waferscope.engine.api.LayerChoice.parse(p.watch()));
            } else if (layers.layerProperty().get() == org.waferscope.engine.api.MetricLayer.VALUE) {
                // the last program's variable means nothing here (an SDK example names none to watch)
                layers.layerProperty().set(org.waferscope.engine.api.MetricLayer.UTILIZATION);
            }
        }
        keepLayerOnce = false;
        // a full wafer's fabric takes about as long to place as its program to load: still "Loading …"
        place.apply(p).whenComplete((ok, error) -> fx.execute(() -> {
            endLoading(load);
            if (error != null) {
                refused(dir, p, before, beforeFolder, error);
            } else if (layers.selectedProperty().get() != null) {
                // asked once the new fabric is placed: asked before, the last program's PE answered
                fxInspect(layers.selectedProperty().get());
            }
        }));
        layers.resend();
        controls.resend();
        var restored = breakpoints.setProgram(programKey(dir));
        lastHit = null;
        keepRouteColorRouted(p);
        // the engine's own line says it: "loaded T on a WxH wse2 fabric"
        if (!restored.isEmpty()) {
            // kept in the preferences: without a word, a later session's Run would stop for no reason it can see
            console.note(Kind.HOST, 0, LoadWords.restored(restored));
        }
        org.waferscope.engine.api.ValueQuery shown = layers.valueProperty().get();
        if (asked != null && (shown == null || !shown.symbol().equals(asked.symbol()))) {
            // A typo in --layer value:… must not pass silently for the variable shown in its place.
            console.note(Kind.WARNING, 0, "value layer: \"" + p.title() + "\" has no global " + asked.symbol()
                    + (shown == null ? "" : "; showing " + shown.symbol() + " instead"));
        }
    }

    private void endLoading(long load) {
        if (load == loads) {
            loading.set("");
        }
    }

    /** The machine refused a program the front end accepted: the one before stays, and so does its view. */
    private void refused(Path dir, WaferProgram p, WaferProgram before, Path beforeFolder, Throwable error) {
        if (program.get() == p) {
            program.set(before);
            folder.set(beforeFolder);
            breakpoints.setProgram(beforeFolder == null ? "" : programKey(beforeFolder));
            if (before != null) {
                inspector.setSources(before.sources());
            }
        }
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        String first = cause.getMessage() == null ? cause.toString() : cause.getMessage().split("\r?\n")[0];
        loadError.set("Could not place " + dir.getFileName() + " on the wafer: " + first + "  (details in the console)");
    }

    private void failed(Path dir, Throwable e, long load) {
        endLoading(load);
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        String[] lines = msg.split("\r?\n");
        lines[0] = LoadWords.aboutTheFolder(dir, lines[0]);
        // One console line per error, so the console's error count is the number of errors.
        console.note(Kind.ERROR, frame.get().cycle(), "Could not load " + named(dir) + ": " + lines[0]);
        for (int i = 1; i < lines.length; i++) {
            console.note(Kind.ERROR, frame.get().cycle(), "  " + LoadWords.laterLine(dir, lines[i]));
        }
        loadError.set("Could not load " + dir.getFileName() + ": " + lines[0]
                + (lines.length > 1 ? "  (+" + (lines.length - 1) + " more in the console)" : ""));
    }

    /**
     * One display pulse: reads new console lines and, when the engine published a frame
     * not seen yet, hands it to the models.
     *
     * @return true when a new frame was taken
     */
    public boolean pulse(long nanos) {
        Frame f = sim.latestFrame();
        boolean fresh = f.number() != lastNumber;
        // The engine's log runs on across loads, resets and steps back, so reading simply goes on.
        console.append(sim.console(console.nextSeq(), CONSOLE_BATCH));
        meter.pulse(nanos, fresh);
        if (!fresh) {
            return false;
        }
        lastNumber = f.number();
        frame.set(f);
        controls.stateProperty().set(f.state());
        controls.acknowledge();
        status.update(f, meter.framesPerSecond());
        if (f.hit() != null && !f.hit().equals(lastHit)) {
            showHit(f.hit());
        }
        lastHit = f.hit();
        refreshInspector(f, nanos);
        refreshWaits(f);
        refreshWatches(f, nanos);
        return true;
    }

    /** On a stop (pause, breakpoint, deadlock) the waiting chain is asked for once per cycle; running clears it. */
    private void refreshWaits(Frame f) {
        boolean stopped = f.state() == SimState.PAUSED || f.state() == SimState.FAULTED;
        if (!stopped) {
            waitsAsked = -1;
            if (!waits.isEmpty()) {
                waits.clear();
            }
            return;
        }
        if (f.cycle() != waitsAsked) {
            waitsAsked = f.cycle();
            sim.waitingChain().thenAcceptAsync(waits::setAll, fx);
        }
    }

    /** Who waits for whom, as of the last stop (empty while running). */
    public javafx.collections.ObservableList<org.waferscope.engine.api.WaitLink> waits() {
        return waits;
    }

    /** The route layer's color stays if the new program routes it, else becomes the first color it routes. */
    private void keepRouteColorRouted(WaferProgram p) {
        java.util.BitSet used = new java.util.BitSet();
        var layout = p.layout();
        for (int pe = 0; pe < layout.peCount(); pe++) {
            int[] pairs = layout.colorsOf(pe);
            for (int i = 0; i < pairs.length; i += 2) {
                if (pairs[i] < LayerChooserModel.COLORS) {
                    used.set(pairs[i]);
                }
            }
        }
        if (!used.isEmpty() && !used.get(layers.routeColorProperty().get())) {
            layers.routeColorProperty().set(used.nextSetBit(0));
        }
    }

    /** A run paused at a breakpoint: its PE becomes the selected one, and whoever shows stops hears of it. */
    private void showHit(BreakHit h) {
        if (h.pe() != null) {
            PeLocation pe = new PeLocation(h.pe().x(), h.pe().y());
            if (!pe.equals(layers.selectedProperty().get())) {
                layers.selectedProperty().set(pe);
            } else {
                inspectedCycle = -1;
            }
        }
        stop.set(h);
    }

    /**
     * The key a program's breakpoints are kept under: its folder, except that a bundled
     * sample unpacked to a fresh temporary folder is known by its name.
     */
    public static String programKey(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (parent != null && parent.getFileName() != null && parent.getFileName().toString().startsWith("waferscope-")
                && tmp.equals(parent.getParent())) {
            return "sample:" + abs.getFileName();
        }
        return abs.toString();
    }

    /** The last breakpoint hit the session took from a frame (set again for every new hit). */
    public ReadOnlyObjectProperty<BreakHit> stopProperty() {
        return stop.getReadOnlyProperty();
    }

    private void refreshInspector(Frame f, long nanos) {
        PeLocation pe = layers.selectedProperty().get();
        if (pe == null || pe.x() >= f.width() || pe.y() >= f.height() || f.state() == SimState.EMPTY) {
            return;
        }
        boolean running = f.state() == SimState.RUNNING;
        if (running ? nanos - lastSample >= SAMPLE_NANOS : f.cycle() != inspectedCycle) {
            lastSample = nanos;
            inspectedCycle = f.cycle();
            fxInspect(pe);
        }
    }

    /** The watch list follows the same cadence as the inspector: every step, or once a second while running. */
    private void refreshWatches(Frame f, long nanos) {
        if (inspector.memory().watches().rows().isEmpty() || f.state() == SimState.EMPTY) {
            return;
        }
        boolean running = f.state() == SimState.RUNNING;
        if (running ? nanos - lastWatchSample >= SAMPLE_NANOS : f.cycle() != watchedCycle) {
            lastWatchSample = nanos;
            watchedCycle = f.cycle();
            fxRefreshWatches();
        }
    }

    /** Asks for snapshots of the watched PEs; the watch list takes them on the FX thread. */
    public void fxRefreshWatches() {
        Frame f = frame.get();
        List<PeLocation> pes = inspector.memory().watches().pes().stream()
                .filter(pe -> pe.x() < f.width() && pe.y() < f.height()).toList();
        if (!pes.isEmpty()) {
            fxInspectAll(pes, inspector.memory().watches()::update);
        }
    }

    /** Asks for PE {@code pe}'s snapshot; the inspector shows it on the FX thread if still selected. */
    public void fxInspect(PeLocation pe) {
        long load = loads;
        sim.inspect(pe.x(), pe.y()).thenAcceptAsync(s -> {
            // asked before a newer load began, the answer is the last program's PE
            if (load == loads && pe.equals(layers.selectedProperty().get())) {
                inspector.show(s);
            }
        }, fx);
    }

    /**
     * Asks for snapshots of several PEs; {@code then} gets them all, in order, on the FX
     * thread (nothing if any request fails, e.g. because a new program was loaded).
     */
    public void fxInspectAll(List<PeLocation> pes, java.util.function.Consumer<List<CoreSnapshot>> then) {
        List<CompletableFuture<CoreSnapshot>> asks = pes.stream().map(pe -> sim.inspect(pe.x(), pe.y())).toList();
        CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new))
                .thenRunAsync(() -> then.accept(asks.stream().map(CompletableFuture::join).toList()), fx)
                .exceptionally(e -> null);
    }

    /** Shows a layer, and for the value layer its variable. */
    public void fxChooseLayer(org.waferscope.engine.api.LayerChoice c) {
        if (c.layer() == org.waferscope.engine.api.MetricLayer.VALUE) {
            layers.tilesAsRowsProperty().set(c.asRow());
            layers.showValue(c.value());
            layers.tilesHaloProperty().set(c.halo());
        } else {
            layers.layerProperty().set(c.layer());
        }
    }

    /** As {@link #fxChooseLayer}, for the user's own choice (the command line's): the next load keeps it. */
    public void fxChooseLayerAndKeep(org.waferscope.engine.api.LayerChoice c) {
        keepLayerOnce = true;
        fxChooseLayer(c);
    }

    /** Posts a command directly (the speed, breakpoints and so on go through the models). */
    public void post(Command c) {
        sim.post(c);
    }

    public SimulationHandle handle() {
        return sim;
    }

    public ControlsModel controls() {
        return controls;
    }

    public LayerChooserModel layers() {
        return layers;
    }

    public StatusModel status() {
        return status;
    }

    public ConsoleModel console() {
        return console;
    }

    public org.waferscope.views.source.BreakpointsModel breakpoints() {
        return breakpoints;
    }

    public CoreInspectorModel inspector() {
        return inspector;
    }

    public ReadOnlyObjectProperty<Frame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<WaferProgram> programProperty() {
        return program.getReadOnlyProperty();
    }

    /** A one-line summary of the last failed load, or "" once a program loads. */
    /** What is being loaded (a folder, or "the sample NAME"), or "" when nothing is. */
    public javafx.beans.property.ReadOnlyStringProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    /**
     * Runs {@code work} on the background executor and hands its result, or what it threw,
     * to the FX thread (the runs that history views replay or compare, off the engine).
     */
    public <T> void fxBackground(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> done,
                                 java.util.function.Consumer<Exception> failed) {
        background.execute(() -> {
            try {
                T result = work.call();
                fx.execute(() -> done.accept(result));
            } catch (Exception e) {
                fx.execute(() -> failed.accept(e));
            } catch (LinkageError | OutOfMemoryError e) {
                fx.execute(() -> failed.accept(new IllegalStateException(e.toString(), e)));
            }
        });
    }

    /** Loads a program folder without putting it on the wafer (a second run to compare). Background threads only. */
    public WaferProgram loadAside(Path dir, java.util.Map<String, String> params) throws Exception {
        return programs.load(dir, params);
    }

    public ReadOnlyObjectProperty<Path> folderProperty() {
        return folder.getReadOnlyProperty();
    }
}
