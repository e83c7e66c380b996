package org.waferscope.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.api.ConsoleLine;
import org.waferscope.engine.api.CoreSnapshot;
import org.waferscope.engine.api.FabricStats;
import org.waferscope.engine.api.Frame;
import org.waferscope.engine.api.FrameRequest;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.engine.api.RouteCode;
import org.waferscope.engine.api.SimState;
import org.waferscope.engine.api.SimulationHandle;
import org.waferscope.engine.api.TimelinePoint;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.arch.Direction;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.ir.SourcePos;
import org.waferscope.engine.program.WaferProgram;

/**
 * A stand-in engine for the app's UI tests: a spreading wave of heat over the loaded
 * program's rectangle, advanced synchronously by the commands posted (Run only changes the
 * state), so robot tests need no threads and no sleeps.
 */
final class FakeEngine implements SimulationHandle {
    static final String SOURCE = "param width: u16;\nvar t: [4]f32;\n\ntask step(v: f32) void {\n"
            + "  @fadds(t_dsd, t_dsd, v);\n  @activate(next);\n}\n";
    final List<Command> posted = new ArrayList<>();
    private final List<ConsoleLine> log = new ArrayList<>();
    private FrameRequest request = FrameRequest.DEFAULT;
    private SimState state = SimState.EMPTY;
    private int width = 1;
    private int height = 1;
    private long cycle;
    private long number = 1;

    /** Loads any folder; a folder named "broken…" fails as the front end would. */
    static WaferProgram open(Path folder, java.util.Map<String, String> params) throws Exception {
        if (folder.getFileName().toString().startsWith("broken")) {
            throw new Exception("pe.csl:4:3: error: unknown builtin @faddz\nlayout.csl:2:1: error: expected ';'");
        }
        return new WaferProgram("Heat diffusion", "Heat spreads across a 48 × 32 rectangle",
                "# Heat\nEach PE holds one cell of a plate.\n\n- west edge is hot\n- neighbours exchange values",
                folder, ArchProfile.WSE2, new FabricLayout(48, 32), Map.of(), List.of(), Map.of("pe.csl", SOURCE),
                Map.of("width", "48"));
    }

    /** This stand-in as the session's engine. */
    org.waferscope.app.session.EngineFactory.Engine engine() {
        return new org.waferscope.app.session.EngineFactory.Engine(this, this::place, () -> { });
    }

    java.util.concurrent.CompletionStage<?> place(WaferProgram p) {
        placeProgram(p);
        return java.util.concurrent.CompletableFuture.completedFuture(null);
    }

    private void placeProgram(WaferProgram p) {
        width = p.layout().width();
        height = p.layout().height();
        cycle = 0;
        state = SimState.LOADED;
        number++;
        log.add(new ConsoleLine(log.size(), 0, ConsoleLine.Kind.HOST, -1, -1, "copy t in"));
    }

    @Override
    public void post(Command c) {
        posted.add(c);
        if (c instanceof Command.Step s && state.canAdvance()) {
            advance(s.cycles());
            state = SimState.PAUSED;
        } else if (c instanceof Command.Run && state.canAdvance()) {
            state = SimState.RUNNING;
        } else if (c instanceof Command.Pause && state == SimState.RUNNING) {
            state = SimState.PAUSED;
        } else if (c instanceof Command.Reset) {
            cycle = 0;
            state = SimState.LOADED;
        } else if (c instanceof Command.Request r) {
            request = r.request();
        }
        number++;
    }

    void advance(long n) {
        long before = cycle;
        cycle += n;
        for (long c = (before / 50 + 1) * 50; c <= cycle && c <= before + 5000; c += 50) {
            log.add(new ConsoleLine(log.size(), c, ConsoleLine.Kind.PRINT, 3, 2, "t = " + (c / 50)));
        }
    }

    private float heat(int x, int y) {
        double front = Math.sqrt(cycle) * 1.6;
        double d = Math.hypot(x, y - height / 2.0);
        return (float) Math.max(0, Math.min(1, 1.0 - (d - front) / 8.0)) * (float) (0.6 + 0.4 * Math.cos(d * 0.4 - cycle * 0.05));
    }

    @Override
    public Frame latestFrame() {
        if (state == SimState.EMPTY) {
            return Frame.empty();
        }
        float[] v = new float[width * height];
        float[] links = new float[v.length * 4];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float h = heat(x, y);
                int pe = y * width + x;
                v[pe] = switch (request.layer()) {
                    case TASK_STATE -> h > 0.7 ? 2 : h > 0.3 ? 3 : h > 0 ? 1 : 1;
                    case ROUTE -> RouteCode.pack(Direction.WEST.bit(), Direction.RAMP.bit() | Direction.EAST.bit(),
                            (x + y) % 2);
                    case SRAM -> 4096 + 64 * x;
                    default -> h;
                };
                links[pe * 4 + 2] = h * 0.8f;
                links[pe * 4 + 1] = h * 0.3f;
            }
        }
        List<TimelinePoint> tl = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            long c = cycle * i / 40;
            tl.add(new TimelinePoint(c, Math.max(1, cycle / 40), (float) Math.min(1, 0.1 + 0.8 * (1 - Math.exp(-c / 400.0))),
                    0.15f, (float) (40 * Math.abs(Math.sin(c / 120.0))), 12));
        }
        float max = request.layer() == MetricLayer.SRAM ? 4096 + 64 * width : 1;
        FabricStats stats = new FabricStats(width * height, (int) (width * height * 0.6), 37, cycle * 9, cycle / 4,
                cycle / 0.85e9, 2.4e5, state == SimState.RUNNING
                ? org.waferscope.engine.api.HostStatus.busy("launch main") : org.waferscope.engine.api.HostStatus.NONE, "wse2");
        return new Frame(number, cycle, state, width, height, request.layer(), request.routeColor(), v, 0, max,
                request.layer() == MetricLayer.TRAFFIC || request.layer() == MetricLayer.BACKPRESSURE ? links : null,
                stats, tl, "");
    }

    @Override
    public List<ConsoleLine> console(long from, int max) {
        return log.stream().filter(l -> l.seq() >= from).limit(max).toList();
    }

    @Override
    public CompletableFuture<CoreSnapshot> inspect(int x, int y) {
        byte[] bytes = new byte[16];
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 4; i++) {
            b.putFloat(heat(x, y) * (i + 1));
        }
        return CompletableFuture.completedFuture(new CoreSnapshot(x, y, cycle, "pe.csl", Map.of("width", "48"), 10,
                new SourcePos("pe.csl", 5, 3), "fadds t[0..4], t[0..4], r2", "running task 10 (step)",
                List.of(new CoreSnapshot.TaskRow(10, "data", "step", "color 1", true, false, true, cycle / 40),
                        new CoreSnapshot.TaskRow(12, "local", "next", "", false, false, false, cycle / 41)),
                List.of(new CoreSnapshot.MicrothreadRow(0, "@fmovs fabout", 2, 4, "output queue 2")),
                List.of(new CoreSnapshot.QueueRow(1, 1, 6, List.of(0x3F800000, 0x40000000))),
                List.of(new CoreSnapshot.QueueRow(2, 3, 2, List.of(0x3F000000))),
                List.of(new CoreSnapshot.RouteRow(1, 0, List.of("rx {WEST} → tx {RAMP, EAST}"), false, "", 2),
                        new CoreSnapshot.RouteRow(3, 1, List.of("rx {RAMP} → tx {EAST}", "rx {RAMP} → tx {SOUTH}"),
                                true, "", 0)),
                List.of(new CoreSnapshot.SymbolValue("t", ElementType.F32, new int[] {4}, 0x0200, "t", bytes)),
                6144, 48 * 1024, new CoreSnapshot.Counters(cycle / 2, cycle / 5, cycle / 6, cycle / 20, cycle / 10,
                        cycle / 40, cycle / 8, cycle / 8)));
    }
}
