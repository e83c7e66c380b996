package org.waferscope.engine.sim;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.waferscope.engine.api.BreakHit;
import org.waferscope.engine.api.Breakpoint;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.api.ConsoleLine;
import org.waferscope.engine.api.CoreSnapshot;
import org.waferscope.engine.api.Frame;
import org.waferscope.engine.api.FrameRequest;
import org.waferscope.engine.api.SimState;
import org.waferscope.engine.api.SimulationHandle;
import org.waferscope.engine.api.WaitLink;
import org.waferscope.engine.fabric.CoreInspector;
import org.waferscope.engine.fabric.FabricException;
import org.waferscope.engine.program.WaferProgram;

/**
 * The engine on its own thread, driven by commands and publishing frames.
 *
 * <p><b>Threads.</b> Any thread may call {@link #post}, {@link #load}, {@link #inspect},
 * {@link #latestFrame} and {@link #console}: they only touch the mailbox, the frame
 * reference and the console log, which are thread-safe. Everything else belongs to the
 * simulation thread started by {@link #start}, or, in tests, to the thread calling
 * {@link #tick} by hand (never both). The wafer is only ever touched between cycles, so a
 * core snapshot is always of a whole cycle.
 */
public final class Simulator implements SimulationHandle, AutoCloseable {
    private static final long MAX_STEP_SEARCH = 5_000_000;

    private final int workers;
    private final History history;
    long keepNearEvery;   // for tests: see TimeTravel.keepNearEvery
    private final ConcurrentLinkedQueue<Object> mailbox = new ConcurrentLinkedQueue<>();
    private final Object signal = new Object();
    private final AtomicReference<Frame> latest = new AtomicReference<>(Frame.empty());
    private final ConsoleLog console = new ConsoleLog();
    private volatile boolean closed;
    private volatile boolean stopWanted;   // a Pause, Reset, StepBack or Load waits: a run's step ends at its next cycle
    private volatile boolean leaving;      // of those, a Reset or Load: nothing kept before the stop (RunSnapshots)
    private boolean cutting;               // a run's slice is under way, which stopWanted cuts (a Step is never cut)
    private Thread thread;

    // simulation-thread state
    private final RunPacer pacer = new RunPacer();
    private Wafer wafer;
    private FrameAssembler frames;
    private TimeTravel travel;
    private WaferProgram program;
    private List<Breakpoint> breakpoints = List.of();
    private BreakWatch watch;
    /** The breakpoint warnings the console has had since the load: each is said once, however often the list comes again. */
    private final java.util.Set<String> warned = new java.util.HashSet<>();
    private BreakHit hit;
    private SimState state = SimState.EMPTY;
    private FrameRequest request = FrameRequest.DEFAULT;
    private String message = "";
    private long frameNumber;
    private boolean dirty = true;
    private final RunLedger ledger = new RunLedger();

    // what the mailbox carries besides commands
    private record Load(WaferProgram program, CompletableFuture<Void> placed) { }
    private record Inspect(int x, int y, CompletableFuture<CoreSnapshot> result) { }
    private record Waits(CompletableFuture<List<WaitLink>> result) { }

    public Simulator(int workerThreads) {
        this(workerThreads, Runtime.getRuntime().maxMemory() / 4);
    }

    /** As {@link #Simulator(int)}, with the heap that step-back snapshots may hold. */
    public Simulator(int workerThreads, long snapshotBudgetBytes) {
        this(workerThreads, snapshotBudgetBytes, Runtime.getRuntime().availableProcessors());
    }

    /** As above, re-running after a restore on {@code rerunWorkers} workers if more (by default one per core: {@link StepBack}). */
    public Simulator(int workerThreads, long snapshotBudgetBytes, int rerunWorkers) {
        this.workers = Math.max(1, workerThreads);
        this.history = new History(snapshotBudgetBytes, Math.max(workers, rerunWorkers));
    }

    /** Starts the simulation thread. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        thread = new Thread(this::loop, "wafer-simulator");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Puts a program on the wafer (replacing the current one) once the mailbox reaches it.
     * The future completes when it is placed, or exceptionally with the machine's reasons
     * when it cannot be (the program loaded before stays).
     */
    public CompletableFuture<Void> load(WaferProgram program) {
        CompletableFuture<Void> placed = new CompletableFuture<>();
        enqueue(new Load(program, placed));
        return placed;
    }

    @Override
    public void post(Command command) {
        enqueue(command);
    }

    @Override
    public Frame latestFrame() {
        return latest.get();
    }

    @Override
    public List<ConsoleLine> console(long from, int max) {
        return console.since(from, max);
    }

    /** Adds a line to the session console from outside the engine (load errors, for example). */
    public void log(ConsoleLine.Kind kind, String text) {
        console.add(latest.get().cycle(), kind, -1, -1, text);
    }

    @Override
    public CompletableFuture<CoreSnapshot> inspect(int x, int y) {
        CompletableFuture<CoreSnapshot> f = new CompletableFuture<>();
        enqueue(new Inspect(x, y, f));
        return f;
    }

    @Override
    public CompletableFuture<List<WaitLink>> waitingChain() {
        CompletableFuture<List<WaitLink>> f = new CompletableFuture<>();
        enqueue(new Waits(f));
        return f;
    }

    private void enqueue(Object o) {
        mailbox.add(o);
        stopWanted |= o instanceof Command.Pause || o instanceof Command.Reset || o instanceof Command.StepBack || o instanceof Load;
        leaving |= o instanceof Command.Reset || o instanceof Load;
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private void loop() {
        while (!closed) {
            tick();
            long waitMs = state == SimState.RUNNING ? pacer.idleMillis() : 250;
            if (waitMs > 0 && mailbox.isEmpty()) {
                synchronized (signal) {
                    if (mailbox.isEmpty() && !closed) {
                        try {
                            signal.wait(waitMs);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
            }
        }
    }

    /**
     * One turn of the loop: carry out queued commands, simulate one slice if running, and
     * publish a frame if anything changed. Tests call this by hand instead of {@link #start}.
     */
    public void tick() {
        stopWanted = false;
        leaving = false;
        boolean running = state == SimState.RUNNING;
        long c0 = running ? TimeTravel.clock() : 0;
        Object o;
        while ((o = mailbox.poll()) != null) {
            handle(o);
        }
        if (state == SimState.RUNNING) {
            if (!running) {
                running = true;
                c0 = TimeTravel.clock();
            }
            runSlice();
        }
        if (dirty && (state != SimState.RUNNING || ledger.frameDue() && !stopWanted)) {
            publish(running);   // running: frames are spaced by their cost (RunLedger.frameDue)
        } else if (state != SimState.RUNNING && wafer != null && mailbox.isEmpty()) {
            long p0 = TimeTravel.clock();
            history.idle(wafer, state == SimState.PAUSED, () -> !mailbox.isEmpty());   // the next step back, while the user looks
            ledger.preparing(TimeTravel.clock() - p0);
        }
        history.takeStart(wafer, console);   // owed by a load, whose first frame has just been published
        if (running) {
            ledger.running(TimeTravel.clock() - c0);
        }
    }

    private void handle(Object o) {
        if (o instanceof Load l) {
            doLoad(l.program(), l.placed());
        } else if (o instanceof Inspect i) {
            serve(i);
        } else if (o instanceof Waits w) {
            w.result().complete(WaitingChain.of(wafer, 200));
        } else if (o instanceof Command c) {
            command(c);
        }
    }

    private void command(Command c) {
        if (c instanceof Command.Request r) {
            request = r.request();
            dirty = true;
        } else if (c instanceof Command.SetSpeed s) {
            pacer.setSpeed(s.cyclesPerSecond());
        } else if (c instanceof Command.SetRefreshRate r) {
            pacer.setRefreshRate(r.framesPerSecond());
        } else if (c instanceof Command.SetBreakpoints b) {
            setBreakpoints(b.breakpoints());
        } else if (wafer == null) {
            return;
        } else if (c instanceof Command.Run) {
            if (state.canAdvance()) {
                clearStop();
                moveTo(SimState.RUNNING);
                pacer.started();
            }
        } else if (c instanceof Command.Pause) {
            if (state == SimState.RUNNING) {
                moveTo(SimState.PAUSED);
            }
        } else if (c instanceof Command.Step s) {
            if (state.canAdvance()) {
                clearStop();
                advance(s.cycles(), false);
                settle(SimState.PAUSED);
            }
        } else if (c instanceof Command.StepToTaskActivation) {
            if (state.canAdvance()) {
                clearStop();
                boolean found = advance(MAX_STEP_SEARCH, true);
                settle(SimState.PAUSED);
                if (!found) {
                    // said, or a step that ran to the program's end reads as if it had skipped a task
                    String where = state == SimState.PAUSED
                            ? String.format(java.util.Locale.ROOT, "in %,d cycles", MAX_STEP_SEARCH) : "again before the end";
                    message = "no task started " + where + (message.isEmpty() ? "" : "; " + message);
                }
            }
        } else if (c instanceof Command.StepBack s) {
            stepBack(s.cycles());
        } else if (c instanceof Command.Reset) {
            restoreTo(0);
            moveTo(SimState.LOADED);
            console.add(0, ConsoleLine.Kind.HOST, -1, -1, "reset to cycle 0");
        }
    }

    private void doLoad(WaferProgram program, CompletableFuture<Void> placed) {
        Wafer next;
        try {
            next = Wafer.load(program, workers, console);
        } catch (FabricException e) {
            console.add(0, ConsoleLine.Kind.ERROR, -1, -1, "cannot load " + program.title() + ":");
            e.problems().forEach(p -> console.add(0, ConsoleLine.Kind.ERROR, -1, -1, "  " + p));
            dirty = true;
            placed.completeExceptionally(e);
            return;
        }
        if (wafer != null) {
            wafer.close();
        }
        wafer = next;
        this.program = program;
        frames = new FrameAssembler(wafer);
        pacer.setFabricSize(wafer.fabric().width * wafer.fabric().height);
        ledger.clear();
        travel = history.startOwing(wafer, keepNearEvery);   // its cycle-0 snapshot once the first frame is out
        hit = null;
        warned.clear();
        setBreakpoints(List.of());
        console.add(0, ConsoleLine.Kind.HOST, -1, -1, String.format("loaded %s on a %dx%d %s fabric", program.title(),
                wafer.fabric().width, wafer.fabric().height, program.profile().name()));
        message = "";
        state = SimState.LOADED;
        dirty = true;
        placed.complete(null);
    }

    private void serve(Inspect i) {
        if (wafer == null || i.x() < 0 || i.y() < 0 || i.x() >= wafer.fabric().width || i.y() >= wafer.fabric().height) {
            i.result().completeExceptionally(new IllegalArgumentException("no PE at (" + i.x() + ", " + i.y() + ")"));
            return;
        }
        i.result().complete(CoreInspector.inspect(wafer.fabric(), i.x(), i.y()));
    }

    /** The breakpoints the next frames report against; takes in the wafer as it is, so none fires at once. */
    private void setBreakpoints(List<Breakpoint> list) {
        breakpoints = List.copyOf(list);
        BreakWatch before = watch;
        watch = null;
        if (wafer == null) {
            return;
        }
        wafer.setBreakpoints(null);
        if (!breakpoints.isEmpty()) {
            watch = new BreakWatch(wafer, breakpoints, before);
            watch.warnings().stream().filter(warned::add)
                    .forEach(w -> console.add(wafer.cycle(), ConsoleLine.Kind.WARNING, -1, -1, w));
        }
    }

    /** A new step or run starts: the last stop's message and hit no longer apply. */
    private void clearStop() {
        if (hit != null || !message.isEmpty()) {
            hit = null;
            message = "";
            dirty = true;
        }
    }

    /** Simulates up to n cycles (snapshotting for step-back as it goes); true if it stopped at a breakpoint or task. */
    private boolean advance(long n, boolean stopAtTask) {
        history.takeStart(wafer, console);
        long target = wafer.cycle() + n;
        TaskStarts starts = stopAtTask ? new TaskStarts(wafer.fabric()) : null;
        RunSnapshots snaps = new RunSnapshots(history, ledger, wafer, cutting, () -> stopWanted, () -> leaving);
        for (StopReason r = null; wafer.cycle() < target && wafer.status() == WaferStatus.RUNNING; ) {
            if (!snaps.takeAndGoOn(r)) {
                break;   // a run's step ends here, before another cycle (or after one more: RunSnapshots)
            }
            long chunk = snaps.chunk(travel.cyclesToNextFixed(wafer.cycle(),
                    Math.min(target - wafer.cycle(), watch == null ? 1_000 : watch.chunk(1_000))), watch);
            long t0 = TimeTravel.clock();
            long from = wafer.cycle();
            r = wafer.advance(chunk, watch != null && watch.lineStops(), stopAtTask || watch != null && watch.taskStops());
            long ran = TimeTravel.clock() - t0;
            travel.ran(ran, wafer.cycle() - from);
            ledger.stepping(ran);
            dirty = true;
            BreakHit h = watch == null ? null : watch.check();
            if (h != null) {
                hit = h;
                message = h.what();
                console.add(wafer.cycle(), ConsoleLine.Kind.HOST, h.pe() == null ? -1 : h.pe().x(),
                        h.pe() == null ? -1 : h.pe().y(), h.what());
                return true;
            }
            if (stopAtTask && r == StopReason.TASK_STARTED) {
                message = starts.tell(console, wafer.cycle());
                return true;
            }
        }
        return false;
    }

    /**
     * Simulates what the pacer allows as one step of the fabric, which the stepper ends between
     * cycles at the slice's deadline or as soon as a command waits ({@link RunPacer#sliceEnd}):
     * on a full wafer a cycle can take a tenth of a second, so a slice sized by cycles alone
     * could keep Pause waiting for seconds; and a step has a fixed cost of its own (the
     * sleepers' counters settled at its end), which a slice cut into several steps paid
     * several times (docs/benchmarks.md, "Session 13").
     */
    private void runSlice() {
        long budget = pacer.cyclesForSlice();
        long start = System.nanoTime();
        long before = wafer.cycle();
        wafer.interruptWhen(pacer.sliceEnd(() -> stopWanted, () -> !mailbox.isEmpty(), budget));
        cutting = true;
        boolean stopped = advance(pacer.stepLimit(budget), false);
        wafer.interruptWhen(null);
        cutting = false;
        pacer.ran(wafer.cycle() - before, System.nanoTime() - start);
        if (stopped) {
            settle(SimState.PAUSED);
        } else {
            settle(SimState.RUNNING);
        }
    }

    /** Moves to {@code wanted} unless the wafer reached an end state. */
    private void settle(SimState wanted) {
        switch (wafer.status()) {
            case HALTED -> {
                message = HaltWords.halted(wafer.checks());
                moveTo(SimState.HALTED);
            }
            case RUNNING -> moveTo(wanted);
            default -> {
                message = wafer.report().isEmpty() ? wafer.status().name() : wafer.report().get(0);
                moveTo(SimState.FAULTED);
            }
        }
    }

    private void stepBack(long n) {
        long target = Math.max(0, wafer.cycle() - n);
        restoreTo(target);
        moveTo(target == 0 ? SimState.LOADED : SimState.PAUSED);
        console.add(target, ConsoleLine.Kind.HOST, -1, -1, "stepped back to cycle " + target);
    }

    private void restoreTo(long target) {
        history.takeStart(wafer, console);
        wafer = history.restoreTo(wafer, target, this::reload);
        frames.rewound();
        message = "";
        hit = null;
        if (watch != null) {
            watch = new BreakWatch(wafer, breakpoints, watch); // hit counts as a run to this cycle has them
        }
        dirty = true;
    }

    /** Without snapshots: the program goes on a fresh wafer, at cycle 0 (same program, same states). */
    private Wafer reload() {
        wafer.close();
        wafer = null;
        frames = null;
        wafer = Wafer.load(program, workers, console);
        frames = new FrameAssembler(wafer);
        return wafer;
    }

    private void moveTo(SimState next) {
        if (next != state) {
            state = next;
            dirty = true;
        }
    }

    private void publish(boolean running) {
        long t0 = System.nanoTime();
        long c0 = TimeTravel.clock();
        dirty = false;
        latest.set(wafer == null ? FrameAssembler.noWafer(++frameNumber, state, request, message)
                : frames.build(++frameNumber, state, request, pacer.cyclesPerSecond(), message).withHit(hit));
        ledger.published(t0, TimeTravel.clock() - c0, running);
    }

    /** The wafer's state hash, 0 when none is loaded (simulation thread only: tests and benchmarks driving {@link #tick}). */
    public long stateHash() {
        return wafer == null ? 0 : wafer.stateHash();
    }

    /** The snapshots' figures (simulation thread only: benchmarks driving {@link #tick}). */
    public SnapshotFigures snapshotFigures() {
        return travel == null ? SnapshotFigures.NONE : travel.figures();
    }

    /** Where the simulating thread's CPU went while running, since the load (simulation thread only: benchmarks driving {@link #tick}). */
    public RunCosts runCosts() {
        return ledger.costs();
    }

    /** What the last step back did (simulation thread only: benchmarks driving {@link #tick}). */
    public StepBackFigures stepBackFigures() {
        return history.back().last();
    }

    /** Everything time travel holds on the heap, by holder (simulation thread only: benchmarks driving {@link #tick}). */
    public HistoryBytes historyBytes() {
        return travel == null ? HistoryBytes.NONE : travel.held();
    }

    /** The state as the simulation thread sees it (tests driving {@link #tick} read it). */
    public SimState state() {
        return state;
    }

    @Override
    public void close() {
        closed = true;
        synchronized (signal) {
            signal.notifyAll();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (wafer != null) {
            wafer.close();
        }
    }
}
