package org.waferscope.engine.fabric;

import java.util.ArrayList;
import java.util.List;
import org.waferscope.engine.api.CoreSnapshot;
import org.waferscope.engine.arch.Direction;
import org.waferscope.engine.ir.DsdOpKind;
import org.waferscope.engine.ir.FunctionInfo;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.ir.Symbol;
import org.waferscope.engine.ir.TaskDecl;

/** Copies one PE's state into a {@link CoreSnapshot} for the inspector. Between cycles only. */
public final class CoreInspector {
    private CoreInspector() {
    }

    public static CoreSnapshot inspect(Fabric f, int x, int y) {
        int p = f.pe(x, y);
        PeProgram prog = f.programOf(p);
        CoreSnapshot.Counters counters = new CoreSnapshot.Counters(f.cntCompute(p), f.cntFabric(p), f.cntStallIn(p),
                f.cntStallOut(p), Math.max(0, f.cycle - f.cntCompute(p) - f.cntFabric(p) - f.cntStallIn(p) - f.cntStallOut(p)),
                f.tasksRun(p), f.cntSent(p), f.cntReceived(p));
        List<CoreSnapshot.RouteRow> routes = routes(f, p);
        if (prog == null) {
            return new CoreSnapshot(x, y, f.cycle, "", java.util.Map.of(), -1, null, "", "no program", List.of(),
                    List.of(), List.of(), List.of(), routes, List.of(), 0, f.profile.sramBytes(), counters);
        }
        ProgramTables t = f.tables[f.peProgram[p]];
        // the instruction the CE executes or is stalled on (a vector op in progress, not the one after it)
        int pc = PeProbe.currentPc(f, p);
        return new CoreSnapshot(x, y, f.cycle, prog.name(), prog.params(), PeProbe.runningTask(f, p),
                pc >= 0 ? prog.position(pc) : null,
                pc >= 0 ? prog.disassemble(pc).trim() : "", activity(f, p), tasks(f, p, t), microthreads(f, p),
                queues(f, p, t, true), queues(f, p, t, false), routes, symbols(f, p, prog), prog.sramBytes(f.profile),
                f.profile.sramBytes(), counters);
    }

    private static String activity(Fabric f, int p) {
        if (f.fault[p] != null) {
            return "faulted: " + f.fault[p];
        }
        if (f.busy(p) > 0) {
            return "vector op, " + f.busy(p) + " cycle(s) to go";
        }
        if (f.pc(p) < 0 && f.activity(p) != Activity.MICROTHREADS) {
            return idle(f, p);
        }
        return switch (f.activity(p)) {
            case Activity.FABRIC -> "moving wavelets for task " + f.task(p);
            case Activity.STALL_INPUT -> "stalled: waiting for a wavelet on an empty input";
            case Activity.STALL_OUTPUT -> "stalled: output queue full";
            case Activity.MICROTHREADS -> "idle; microthreads at work";
            default -> "running task " + f.task(p);
        };
    }

    /** An idle CE, with what it waits for where that is the host. */
    private static String idle(Fabric f, int p) {
        if (f.launchFn[p] >= 0) {
            return "idle; the host launched it: it starts next cycle";
        }
        if (f.tasksRun(p) == 0) {
            return "idle; waiting for the host to launch it";
        }
        if (f.hostIn[p] != null && f.hostInPos[p] < f.hostIn[p].length) {
            return "idle; the host is streaming wavelets in";
        }
        String receives = AwaitedInputs.describe(f, p);
        if (receives != null) {
            // between steps of a stencil: no task runs, and the PE waits on its neighbours, not the host
            return "idle; " + receives;
        }
        return f.released[p] != 0 ? "idle; it has released the host (unblock_cmd_stream)"
                : "idle; the host waits for its unblock_cmd_stream";
    }

    private static List<CoreSnapshot.TaskRow> tasks(Fabric f, int p, ProgramTables t) {
        List<CoreSnapshot.TaskRow> rows = new ArrayList<>();
        for (TaskDecl d : t.program.tasks()) {
            FunctionInfo fn = t.program.functions().get(d.function());
            String bound = switch (d.kind()) {
                case DATA -> d.color() >= 0 ? "color " + d.color() : "queue " + d.queue();
                case CONTROL -> "control wavelets";
                case LOCAL -> "@activate";
            };
            boolean activated = (f.activated[p] & (1L << d.id())) != 0;
            if (d.kind() == org.waferscope.engine.ir.TaskKind.DATA) {
                int ch = f.inQueue(p, t.taskQueue[d.id()]);
                activated = ch >= 0 && f.count(ch) > 0;
            }
            rows.add(new CoreSnapshot.TaskRow(d.id(), d.kind().name().toLowerCase(java.util.Locale.ROOT), fn.name(), bound,
                    activated, (f.blocked[p] & (1L << d.id())) != 0, f.task(p) == d.id(),
                    f.taskRuns[f.trBase[p] + t.taskIndex[d.id()]]));
        }
        if (!t.program.exportedFunctions().isEmpty()) {
            // the host-launched function runs as a task of its own (the header's "running task 30")
            int id = ProgramTables.LAUNCH_TASK;
            String fns = String.join(", ", new java.util.TreeSet<>(t.program.exportedFunctions().keySet()));
            rows.add(new CoreSnapshot.TaskRow(id, "launch", fns, "host", f.launchFn[p] >= 0, false,
                    f.task(p) == id, f.taskRuns[f.trBase[p] + t.taskIndex[id]]));
        }
        return rows;
    }

    private static List<CoreSnapshot.MicrothreadRow> microthreads(Fabric f, int p) {
        List<CoreSnapshot.MicrothreadRow> rows = new ArrayList<>();
        for (int k = 0; k < f.mtCount[p]; k++) {
            int r = f.mtBase[p] + k * Microthreads.WORDS;
            if (f.mtPool[r + Microthreads.STATE] == 0) {
                continue;
            }
            DsdOpKind kind = DsdOpKind.values()[(f.mtPool[r + Microthreads.OPWORD] >>> 8) & 0xFF];
            int wait = f.mtPool[r + Microthreads.WAIT];
            rows.add(new CoreSnapshot.MicrothreadRow(k, kind.builtin, f.mtPool[r + Microthreads.DONE],
                    f.mtPool[r + Microthreads.LENGTH], wait == 1 ? "input" : wait == 2 ? "output room" : ""));
        }
        return rows;
    }

    private static List<CoreSnapshot.QueueRow> queues(Fabric f, int p, ProgramTables t, boolean input) {
        List<CoreSnapshot.QueueRow> rows = new ArrayList<>();
        int count = input ? f.profile.inputQueues() : f.profile.outputQueues();
        for (int q = 0; q < count; q++) {
            int ch = input ? f.inQueue(p, q) : f.outQueue(p, q);
            if (ch < 0) {
                continue;
            }
            List<Integer> payloads = new ArrayList<>();
            for (int i = 0; i < f.count(ch); i++) {
                payloads.add(f.payloadAt(ch, i));
            }
            int color = input ? t.queueColor[q] : -1;
            rows.add(new CoreSnapshot.QueueRow(q, color, f.capacity(ch), payloads));
        }
        return rows;
    }

    private static List<CoreSnapshot.RouteRow> routes(Fabric f, int p) {
        List<CoreSnapshot.RouteRow> rows = new ArrayList<>();
        for (int rs = f.rsStart[p]; rs < f.rsStart[p + 1]; rs++) {
            int cfg = f.rsConfig[rs];
            List<String> positions = new ArrayList<>();
            for (int k = 0; k < f.cfgPositions[cfg]; k++) {
                // the current position says so when the color is stopped in teardown mode
                String torn = k == f.rsPos[rs] && f.rsTorn[rs] != 0 ? " (torn down)" : "";
                positions.add("rx=" + Direction.maskToString(f.cfgRx[cfg * 4 + k]) + " tx="
                        + Direction.maskToString(f.cfgTx[cfg * 4 + k]) + torn);
            }
            int buffered = 0;
            for (int d = 0; d < 4; d++) {
                int ch = f.rsInChan[rs * 4 + d];
                if (ch >= 0) {
                    buffered += f.count(ch);
                }
            }
            String filter = f.cfgFilterMin[cfg] >= 0 ? "index " + f.cfgFilterMin[cfg] + ".." + f.cfgFilterMax[cfg]
                    : CounterFilters.describe(f, rs, cfg);
            rows.add(new CoreSnapshot.RouteRow(f.rsColor[rs], f.rsPos[rs], positions, f.cfgRing[cfg], filter, buffered));
        }
        return rows;
    }

    private static List<CoreSnapshot.SymbolValue> symbols(Fabric f, int p, PeProgram prog) {
        List<CoreSnapshot.SymbolValue> rows = new ArrayList<>();
        byte[] m = f.sram[p];
        for (Symbol s : prog.symbols()) {
            // whole, for the Memory tab's element table: a symbol is at most the PE's 48 KB
            int bytes = Math.min(s.bytes(), m.length - s.address());
            byte[] copy = new byte[bytes];
            System.arraycopy(m, s.address(), copy, 0, bytes);
            rows.add(new CoreSnapshot.SymbolValue(s.name(), s.type(), s.dims(), s.address(), s.exported(), copy));
        }
        return rows;
    }
}
