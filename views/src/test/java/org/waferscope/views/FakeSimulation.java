package org.waferscope.views;

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
import org.waferscope.engine.api.SimState;
import org.waferscope.engine.api.TimelinePoint;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.ir.SourcePos;

/**
 * A stand-in simulation for view tests: a diagonal wave of activity over a small fabric,
 * advanced synchronously by the commands it is posted, so tests need no threads.
 */
public final class FakeSimulation implements org.waferscope.engine.api.SimulationHandle {
    public final List<Command> posted = new ArrayList<>();
    private final int width;
    private final int height;
    private FrameRequest request = FrameRequest.DEFAULT;
    private SimState state = SimState.LOADED;
    private long cycle;
    private long number = 1;
    private final List<ConsoleLine> log = new ArrayList<>();

    public FakeSimulation(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public void post(Command c) {
        posted.add(c);
        if (c instanceof Command.Step s) {
            advance(s.cycles());
        } else if (c instanceof Command.Run) {
            state = SimState.RUNNING;
        } else if (c instanceof Command.Pause) {
            state = SimState.PAUSED;
        } else if (c instanceof Command.Reset) {
            cycle = 0;
            state = SimState.LOADED;
            number++;
        } else if (c instanceof Command.Request r) {
            request = r.request();
            number++;
        }
    }

    /** Simulates {@code n} cycles; a print every 10 cycles from PE (1, 1). */
    public void advance(long n) {
        for (long i = 0; i < n; i++) {
            cycle++;
            if (cycle % 10 == 0) {
                log.add(new ConsoleLine(log.size(), cycle, ConsoleLine.Kind.PRINT, 1, 1, "tick " + cycle));
            }
        }
        if (state != SimState.RUNNING) {
            state = SimState.PAUSED;
        }
        number++;
    }

    @Override
    public Frame latestFrame() {
        float[] v = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double phase = (x + y - cycle) * 0.5;
                v[y * width + x] = request.layer() == MetricLayer.TASK_STATE ? (x + y + cycle) % 4
                        : (float) (0.5 + 0.5 * Math.sin(phase));
            }
        }
        float[] links = new float[width * height * 4];
        for (int i = 0; i < links.length; i++) {
            links[i] = (i + cycle) % 3 == 0 ? 1 : 0;
        }
        List<TimelinePoint> tl = new ArrayList<>();
        long step = Math.max(1, cycle / 20);
        for (long c = step; c <= cycle; c += step) {
            tl.add(new TimelinePoint(c, step, (float) (0.5 + 0.4 * Math.sin(c * 0.3)), 0.1f, c % 7, 3));
        }
        FabricStats stats = new FabricStats(width * height, width, 3, cycle * 2, cycle / 3, cycle / 0.85e9, 1e5,
                org.waferscope.engine.api.HostStatus.busy("launch main"), "wse2");
        return new Frame(number, cycle, state, width, height, request.layer(), request.routeColor(), v, 0, 1,
                request.layer() == MetricLayer.TRAFFIC ? links : null, stats, tl, "");
    }

    @Override
    public List<ConsoleLine> console(long from, int max) {
        return log.stream().filter(l -> l.seq() >= from).limit(max).toList();
    }

    @Override
    public CompletableFuture<CoreSnapshot> inspect(int x, int y) {
        return CompletableFuture.completedFuture(snapshot(x, y, cycle));
    }

    /** A plausible snapshot of PE (x, y). */
    public static CoreSnapshot snapshot(int x, int y, long cycle) {
        byte[] bytes = new byte[8];
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-2f);
        return new CoreSnapshot(x, y, cycle, "pe.csl", Map.of("width", "4", "id", Integer.toString(x)), 10,
                new SourcePos("pe.csl", 3, 5), "fadds z, x, y", "running task 10",
                List.of(new CoreSnapshot.TaskRow(10, "data", "recv", "color 2", true, false, true, 7),
                        new CoreSnapshot.TaskRow(11, "local", "done", "", false, true, false, 0)),
                List.of(new CoreSnapshot.MicrothreadRow(0, "@fmovs", 3, 8, "input queue 1")),
                List.of(new CoreSnapshot.QueueRow(1, 2, 6, List.of(0x3F800000, 7))),
                List.of(new CoreSnapshot.QueueRow(2, 3, 2, List.of())),
                List.of(new CoreSnapshot.RouteRow(2, 0, List.of("rx {WEST} tx {RAMP, EAST}"), false, "", 1)),
                List.of(new CoreSnapshot.SymbolValue("x", ElementType.F32, new int[] {2}, 0x100, "x", bytes)),
                2048, 48 * 1024, new CoreSnapshot.Counters(40, 10, 30, 0, 20, 7, 12, 9));
    }

    public static String source() {
        return "param width: u16;\nvar x: [2]f32;\ntask recv(v: f32) void {\n  @fadds(z, x, y);\n}\n";
    }
}
