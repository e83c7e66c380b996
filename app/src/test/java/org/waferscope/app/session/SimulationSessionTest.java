package org.waferscope.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.api.ConsoleLine;
import org.waferscope.engine.api.CoreSnapshot;
import org.waferscope.engine.api.FabricStats;
import org.waferscope.engine.api.Frame;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.engine.api.SimState;
import org.waferscope.engine.api.SimulationHandle;
import org.waferscope.views.heatmap.PeLocation;

/** The session's pulse and load logic, with a scripted handle and same-thread executors. */
class SimulationSessionTest {
    /** A handle whose next frame the test sets; counts inspections. */
    static final class Scripted implements SimulationHandle {
        final List<Command> posted = new ArrayList<>();
        final AtomicInteger inspections = new AtomicInteger();
        final List<ConsoleLine> log = new ArrayList<>();
        Frame frame = Frame.empty();

        void frame(long number, long cycle, SimState state) {
            frame = new Frame(number, cycle, state, 4, 4, MetricLayer.UTILIZATION, 0, new float[16], 0, 1, null,
                    FabricStats.NONE, List.of(), "");
        }

        @Override
        public void post(Command c) {
            posted.add(c);
        }

        @Override
        public Frame latestFrame() {
            return frame;
        }

        @Override
        public List<ConsoleLine> console(long from, int max) {
            return log.stream().filter(l -> l.seq() >= from).limit(max).toList();
        }

        @Override
        public CompletableFuture<CoreSnapshot> inspect(int x, int y) {
            inspections.incrementAndGet();
            return CompletableFuture.completedFuture(new CoreSnapshot(x, y, frame.cycle(), "pe.csl", java.util.Map.of(),
                    -1, null, "", "idle", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), 0, 49152,
                    new CoreSnapshot.Counters(0, 0, 0, 0, 0, 0, 0, 0)));
        }
    }

    private final Scripted sim = new Scripted();
    private final SimulationSession session = new SimulationSession(new EngineFactory.Engine(sim, p -> java.util.concurrent.CompletableFuture.completedFuture(null), () -> { }), (dir, params) -> {
        throw new Exception("a.csl:1:2: error: bad\nb.csl:3:4: error: worse");
    }, Runnable::run, Runnable::run);

    @Test
    void aFrameIsTakenOnceByNumber() {
        sim.frame(5, 10, SimState.PAUSED);
        assertTrue(session.pulse(1));
        assertFalse(session.pulse(2), "same number: nothing to do");
        assertEquals(SimState.PAUSED, session.controls().stateProperty().get());
        assertEquals("cycle 10", session.status().cycleProperty().get());
    }

    @Test
    void inspectorRefreshesOnStepsAndIsSampledWhileRunning() {
        sim.frame(1, 0, SimState.PAUSED);
        session.pulse(0);
        session.layers().selectedProperty().set(new PeLocation(1, 2));
        assertEquals(1, sim.inspections.get(), "selecting inspects at once");
        assertEquals("PE (1, 2)  ·  cycle 0", session.inspector().titleProperty().get());
        sim.frame(2, 1, SimState.PAUSED);
        session.pulse(10);
        assertEquals(2, sim.inspections.get(), "a step refreshes");
        sim.frame(3, 1, SimState.PAUSED);
        session.pulse(20);
        assertEquals(2, sim.inspections.get(), "same cycle: no refresh");
        sim.frame(4, 500, SimState.RUNNING);
        session.pulse(SimulationSession.SAMPLE_NANOS * 5);
        sim.frame(5, 900, SimState.RUNNING);
        session.pulse(SimulationSession.SAMPLE_NANOS * 5 + 1000);
        assertEquals(3, sim.inspections.get(), "while running, sampled at most once a second");
    }

    @Test
    void consoleLinesAreReadIncrementally() {
        sim.log.add(new ConsoleLine(0, 3, ConsoleLine.Kind.PRINT, 0, 0, "hello"));
        session.pulse(0);
        sim.log.add(new ConsoleLine(1, 4, ConsoleLine.Kind.PRINT, 0, 0, "again"));
        session.pulse(1);
        assertEquals(2, session.console().lines().size());
        assertEquals(2, session.console().nextSeq());
    }

    @Test
    void aFailedLoadReportsEveryProblemAndPostsNothing() {
        session.fxOpen(Path.of("broken"));
        List<String> errors = session.console().lines().stream().filter(l -> l.kind() == ConsoleLine.Kind.ERROR)
                .map(ConsoleLine::text).toList();
        assertEquals(2, errors.size(), "one line per error, the first saying which folder");
        assertTrue(errors.get(0).startsWith("Could not load broken: ") && errors.get(0).contains("a.csl:1:2"));
        assertTrue(errors.get(1).contains("b.csl:3:4"));
        assertTrue(sim.posted.isEmpty());
        assertNull(session.programProperty().get());
    }

    @Test
    void anErrorAboutTheWholeFolderDoesNotNameItTwice() {
        Path many = Path.of("/tmp/programs");
        SimulationSession s = new SimulationSession(new EngineFactory.Engine(sim,
                p -> CompletableFuture.completedFuture(null), () -> { }), (dir, params) -> {
                    throw new IllegalArgumentException(dir + ":1:1: error: open one of the 2 program folders inside "
                            + "this one (a, b)\n" + dir + "/a/x.csl:2:3: error: kept as it is");
                }, Runnable::run, Runnable::run);
        s.fxOpen(many);
        assertEquals("Could not load programs: open one of the 2 program folders inside this one (a, b)  "
                + "(+1 more in the console)", s.loadErrorProperty().get());
        List<String> errors = s.console().lines().stream().filter(l -> l.kind() == ConsoleLine.Kind.ERROR)
                .map(ConsoleLine::text).toList();
        assertEquals(List.of("Could not load /tmp/programs: open one of the 2 program folders inside this one (a, b)",
                "  /tmp/programs/a/x.csl:2:3: error: kept as it is"), errors);
    }

    @Test
    void anEmptyFolderIsSaidWithNoLineOfAFileThatIsNotThere(@org.junit.jupiter.api.io.TempDir Path empty) {
        SimulationSession s = new SimulationSession(new EngineFactory.Engine(sim,
                p -> CompletableFuture.completedFuture(null), () -> { }),
                (dir, params) -> org.waferscope.engine.program.ProgramLoader.load(dir,
                        org.waferscope.engine.program.ProgramLoader.LoadOptions.DEFAULTS), Runnable::run, Runnable::run);
        s.fxOpen(empty);
        List<String> errors = s.console().lines().stream().filter(l -> l.kind() == ConsoleLine.Kind.ERROR)
                .map(ConsoleLine::text).toList();
        assertEquals(2, errors.size(), String.join("\n", errors));
        assertTrue(errors.get(0).startsWith("Could not load " + empty + ": the program folder has no layout.csl,"),
                errors.get(0));
        assertEquals("  " + empty.toAbsolutePath().normalize() + ": error: the program folder has no run.json", errors.get(1));
    }

    @Test
    void aWarningNotedWhileTheProgramLoadsIsCounted() {
        java.util.List<Runnable> background = new java.util.ArrayList<>();
        org.waferscope.engine.program.WaferProgram p = new org.waferscope.engine.program.WaferProgram(
                "Chain", "", "", null, org.waferscope.engine.arch.ArchProfile.WSE2,
                new org.waferscope.engine.fabric.FabricLayout(2, 1), java.util.Map.of(), List.of(), java.util.Map.of(),
                java.util.Map.of());
        SimulationSession s = new SimulationSession(new EngineFactory.Engine(sim,
                q -> CompletableFuture.completedFuture(null), () -> { }), (dir, params) -> p, background::add, Runnable::run);
        s.console().note(ConsoleLine.Kind.WARNING, 0, "of the program before");
        s.fxOpen(Path.of("two-builds"));
        // as the window does for --open of a script with several builds: posted while the program loads
        s.console().note(ConsoleLine.Kind.WARNING, 0, "two-builds: its build script compiles 2 programs ...");
        background.remove(0).run();
        assertEquals(1, s.console().warningsProperty().get(), "the note beside the count is counted, the one before not");
    }

    @Test
    void controlsPostToTheEngine() {
        sim.frame(1, 0, SimState.LOADED);
        session.pulse(0);
        session.controls().step();
        assertEquals(new Command.Step(1), sim.posted.get(0));
    }

    @Test
    void loadingLastsUntilTheFabricIsPlacedAndEndsOnFailureToo() {
        java.util.List<Runnable> background = new java.util.ArrayList<>();
        CompletableFuture<Void> placed = new CompletableFuture<>();
        org.waferscope.engine.program.WaferProgram p = new org.waferscope.engine.program.WaferProgram(
                "Chain", "", "", null, org.waferscope.engine.arch.ArchProfile.WSE2,
                new org.waferscope.engine.fabric.FabricLayout(2, 1), java.util.Map.of(), List.of(), java.util.Map.of(),
                java.util.Map.of());
        SimulationSession s = new SimulationSession(new EngineFactory.Engine(sim, q -> placed, () -> { }),
                (dir, params) -> {
                    if (dir.toString().equals("broken")) {
                        throw new IllegalArgumentException("broken/layout.csl:1:1: expected a declaration");
                    }
                    return p;
                }, background::add, Runnable::run);
        assertEquals("", s.loadingProperty().get());
        s.fxOpen(Path.of("chain"));
        assertEquals("chain", s.loadingProperty().get(), "said while the program is read");
        background.remove(0).run();
        assertEquals(p, s.programProperty().get());
        assertEquals("chain", s.loadingProperty().get(), "still said while the fabric is placed");
        placed.complete(null);
        assertEquals("", s.loadingProperty().get());

        s.fxOpen(Path.of("broken"));
        assertEquals("broken", s.loadingProperty().get());
        background.remove(0).run();
        assertEquals("", s.loadingProperty().get(), "a failed load is no longer loading");
        assertTrue(s.loadErrorProperty().get().contains("expected a declaration"), s.loadErrorProperty().get());

        // a sample is named as the sample, also when reloaded with other params (Ctrl+L), not by its temporary folder
        s.fxOpenSample(Path.of("/tmp/waferscope-123/chain"), "chain");
        background.remove(0).run();
        s.fxOpen(Path.of("/tmp/waferscope-123/chain"), java.util.Map.of("receivers", "3"));
        background.remove(0).run();
        List<String> notes = s.console().lines().stream().map(ConsoleLine::text).filter(t -> t.startsWith("Loading")).toList();
        assertEquals("Loading the sample chain with receivers=3\u00a0…", notes.get(notes.size() - 1));
        assertTrue(notes.stream().noneMatch(t -> t.contains("/tmp/")), notes.toString());
    }

    @Test
    void aProgramTheMachineRefusesLeavesNoTitleBehindAndSaysWhy() {
        // the front end accepts it, but its route leaves the fabric: the wafer refuses it
        org.waferscope.engine.fabric.FabricLayout layout = new org.waferscope.engine.fabric.FabricLayout(2, 1);
        layout.setColorConfig(1, 0, 3, org.waferscope.engine.fabric.ColorConfig.route(
                org.waferscope.engine.arch.Direction.WEST.bit(), org.waferscope.engine.arch.Direction.EAST.bit()));
        org.waferscope.engine.program.WaferProgram refused = new org.waferscope.engine.program.WaferProgram(
                "Off the edge", "", "", null, org.waferscope.engine.arch.ArchProfile.WSE2, layout,
                java.util.Map.of(), List.of(), java.util.Map.of(), java.util.Map.of());
        try (org.waferscope.engine.sim.Simulator real = new org.waferscope.engine.sim.Simulator(1)) {
            SimulationSession s = new SimulationSession(new EngineFactory.Engine(real, real::load, real),
                    (dir, params) -> refused, Runnable::run, Runnable::run);
            s.fxOpen(Path.of("off-the-edge"));
            assertEquals(refused, s.programProperty().get(), "shown while the engine has not answered");
            real.tick();
            assertNull(s.programProperty().get(), "refused: the session goes back to what it had");
            assertTrue(s.loadErrorProperty().get().contains("off the edge"), s.loadErrorProperty().get());
        }
    }

    @Test
    void aValueLayerVariableTheProgramLacksIsReportedNotSilentlyReplaced() throws Exception {
        org.waferscope.engine.program.WaferProgram heat = org.waferscope.engine.program.ProgramLoader.load(
                new org.waferscope.engine.program.ClasspathSource(getClass().getClassLoader(),
                        "org/waferscope/samples/heat-diffusion"), org.waferscope.engine.program.ProgramLoader.LoadOptions.DEFAULTS);
        SimulationSession s = new SimulationSession(new EngineFactory.Engine(sim,
                p -> CompletableFuture.completedFuture(null), () -> { }), (dir, params) -> heat, Runnable::run, Runnable::run);
        s.fxChooseLayerAndKeep(org.waferscope.engine.api.LayerChoice.parse("value:nosuch"));
        s.fxOpen(Path.of("heat-diffusion"));
        String warnings = s.console().lines().stream()
                .filter(l -> l.kind() == org.waferscope.engine.api.ConsoleLine.Kind.WARNING).map(ConsoleLine::text).toList().toString();
        assertTrue(warnings.contains("has no global nosuch; showing "), warnings);

        s.fxChooseLayerAndKeep(org.waferscope.engine.api.LayerChoice.parse("value:T"));
        s.fxOpen(Path.of("heat-diffusion"));
        assertEquals(1, s.console().lines().stream()
                .filter(l -> l.kind() == org.waferscope.engine.api.ConsoleLine.Kind.WARNING).count(), "T exists: no new warning");
    }

    /** The console's lines once broadcast-chain is opened on the real engine. */
    private List<String> consoleAfterOpeningTheChain() throws Exception {
        org.waferscope.engine.program.WaferProgram chain = org.waferscope.engine.program.ProgramLoader.load(
                new org.waferscope.engine.program.ClasspathSource(getClass().getClassLoader(),
                        "org/waferscope/samples/broadcast-chain"), org.waferscope.engine.program.ProgramLoader.LoadOptions.DEFAULTS);
        try (org.waferscope.engine.sim.Simulator real = new org.waferscope.engine.sim.Simulator(1)) {
            SimulationSession s = new SimulationSession(new EngineFactory.Engine(real, real::load, real),
                    (dir, params) -> chain, Runnable::run, Runnable::run);
            s.fxOpen(Path.of("broadcast-chain"));
            real.tick();
            s.pulse(1);
            return s.console().lines().stream().map(ConsoleLine::text).toList();
        }
    }

    @Test
    void aLoadIsSaidOnceInTheConsole() throws Exception {
        List<String> said = consoleAfterOpeningTheChain().stream()
                .filter(t -> t.toLowerCase(java.util.Locale.ROOT).startsWith("loaded")).toList();
        assertEquals(List.of("loaded Broadcast chain on a 5x1 wse2 fabric"), said,
                "the session said it a second time: Loaded \"Broadcast chain\" (wse2, 5×1 PEs)");
    }

    @Test
    void theCopiesMadeAsTheProgramLoadsSaySoBeforeTheLoadIsSaidDone() throws Exception {
        // the seventh and eighth reviews: "copy values into values" before "loaded …" read as a copy into nothing
        List<String> said = consoleAfterOpeningTheChain().stream()
                .filter(t -> t.startsWith("copy") || t.startsWith("loaded")).toList();
        assertEquals(List.of("copy values into values, as the program loads", "loaded Broadcast chain on a 5x1 wse2 fabric"),
                said);
    }
}
