package org.waferscope.engine.fabric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The simplest possible stepper: one thread, and every PE visited every cycle whether it
 * has work or not ({@link FabricCycle#visitEveryPe}). It shares the per-PE code with the
 * engine, so running it beside the activity-tracked parallel stepper isolates exactly the
 * two things that make the engine fast: skipping idle PEs and splitting PEs among threads.
 * {@link #firstDifference} names the first PE and field where two fabrics disagree.
 */
public final class ReferenceStepper {
    private final Fabric f;
    private final FabricCycle cycle;
    private final BandState band = new BandState();
    private final long[] visited;
    private final List<BandState.Event> events = new ArrayList<>();

    public ReferenceStepper(Fabric fabric) {
        this.f = fabric;
        this.cycle = new FabricCycle(fabric);
        cycle.visitEveryPe(true);
        RoutePlans.await(fabric);   // a step would, in prepareStep, which this one does not call
        this.visited = new long[cycle.words()];
    }

    /** One cycle: compute over every PE, then commit every PE. */
    public void step() {
        long c = f.cycle();
        if (StampSweep.due(c, 1)) {
            StampSweep.sweep(cycle, 0, cycle.words());   // as the engine's steppers do
        }
        band.clear();
        for (int w = 0; w < visited.length; w++) {
            visited[w] = cycle.compute(w, c, band);
        }
        for (int w = 0; w < visited.length; w++) {
            cycle.commit(w, visited[w], c);
        }
        f.setCycle(c + 1);
        cycle.settle(c + 1);
        band.drainEvents(events);
    }

    /** Prints and faults so far, in (cycle, PE) order. */
    public List<BandState.Event> events() {
        return List.copyOf(events);
    }

    /** "PE (x, y): field a vs b" for the first PE (row-major) whose state differs, or null if none does. */
    public static String firstDifference(Fabric a, Fabric b) {
        if (a.cycle != b.cycle) {
            return "cycle " + a.cycle + " vs " + b.cycle;
        }
        for (int p = 0; p < a.n; p++) {
            String d = differenceAt(a, b, p);
            if (d != null) {
                return "PE (" + p % a.width + ", " + p / a.width + "): " + d;
            }
        }
        return null;
    }

    static String differenceAt(Fabric a, Fabric b, int p) {
        if (!Arrays.equals(a.sram[p], b.sram[p])) {
            return "sram differs from byte " + Arrays.mismatch(a.sram[p], b.sram[p]);
        }
        String d = first(
                diff("pc", a.pc(p), b.pc(p)), diff("fp", a.fp(p), b.fp(p)), diff("task", a.task(p), b.task(p)),
                diff("activated", a.activated[p], b.activated[p]), diff("blocked", a.blocked[p], b.blocked[p]),
                diff("busy", a.busy(p), b.busy(p)), diff("opDone", a.opDone(p), b.opDone(p)),
                diff("activity", a.activity(p), b.activity(p)), diff("controlData", a.controlData[p], b.controlData[p]),
                diff("launchFn", a.launchFn[p], b.launchFn[p]), diff("released", a.released[p], b.released[p]),
                Objects.equals(a.fault[p], b.fault[p]) ? null : "fault " + a.fault[p] + " vs " + b.fault[p],
                diff("tasksRun", a.tasksRun(p), b.tasksRun(p)), diff("rr", a.rr(p), b.rr(p)),
                diff("hostInPos", a.hostInPos[p], b.hostInPos[p]), diff("hostInColor", a.hostInColor[p], b.hostInColor[p]),
                diff("hostOutCount", a.hostOutCount[p], b.hostOutCount[p]),
                diff("hostOutColor", a.hostOutColor[p], b.hostOutColor[p]),
                Arrays.equals(a.hostIn[p], b.hostIn[p]) ? null : "hostIn",
                Arrays.equals(a.hostOut[p], b.hostOut[p]) ? null : "hostOut",
                diff("cntCompute", a.cntCompute(p), b.cntCompute(p)), diff("cntFabric", a.cntFabric(p), b.cntFabric(p)),
                diff("cntStallIn", a.cntStallIn(p), b.cntStallIn(p)),
                diff("cntStallOut", a.cntStallOut(p), b.cntStallOut(p)), diff("cntSent", a.cntSent(p), b.cntSent(p)),
                diff("cntReceived", a.cntReceived(p), b.cntReceived(p)),
                diff("active bit", a.isActive(p) ? 1 : 0, b.isActive(p) ? 1 : 0),
                diff("wake bit", (a.wake[p >>> 6] >>> p) & 1, (b.wake[p >>> 6] >>> p) & 1),
                diff("sources popped", a.srcPopped(p), b.srcPopped(p)),
                diff("sleeping bit", (a.sleeping[p >>> 6] >>> p) & 1, (b.sleeping[p >>> 6] >>> p) & 1),
                diff("sleepFrom", SleepCredit.settledFrom(a, p), SleepCredit.settledFrom(b, p)));
        for (int k = 0; d == null && k < Fabric.BUSY_WORDS; k++) {
            d = diff("sources holding wavelets, port " + k, a.srcBusy(p, k), b.srcBusy(p, k));
        }
        if (d != null) {
            return d;
        }
        for (int k = 0; k < 4; k++) {
            int at = p * 4 + k;
            d = first(diff("pendDest[" + k + "]", a.pendDest(p, k), b.pendDest(p, k)),
                    diff("pendPayload[" + k + "]", a.pendPayload(p, k), b.pendPayload(p, k)),
                    diff("pendMeta[" + k + "]", a.pendMeta(p, k), b.pendMeta(p, k)),
                    diff("linkHops[" + k + "]", a.linkHops(p, k), b.linkHops(p, k)),
                    diff("linkBlocked[" + k + "]", a.linkBlocked[at], b.linkBlocked[at]));
            if (d != null) {
                return d;
            }
        }
        for (int k = 0; k < a.mtCount[p] * Microthreads.WORDS; k++) {
            d = diff("microthread word " + k, a.mtPool[a.mtBase[p] + k], b.mtPool[b.mtBase[p] + k]);
            if (d != null) {
                return d;
            }
        }
        for (int rs = a.rsStart[p]; rs < a.rsStart[p + 1]; rs++) {
            d = diff("switch position of color " + a.rsColor[rs], a.rsPos[rs], b.rsPos[rs]);
            for (int k = 0; k < 4 && d == null; k++) {
                int ch = a.rsInChan[rs * 4 + k];
                d = ch < 0 ? null : channel("router buffer of color " + a.rsColor[rs] + " from port " + k, a, b, ch);
            }
            if (d != null) {
                return d;
            }
        }
        if (a.qBase[p] >= 0) {
            int queues = a.profile.inputQueues() + a.profile.outputQueues();
            for (int q = 0; q < queues; q++) {
                int ch = a.qChan[a.qBase[p] + q];
                String name = q < a.profile.inputQueues() ? "input queue " + q : "output queue " + (q - a.profile.inputQueues());
                d = ch < 0 ? null : channel(name, a, b, ch);
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    private static String channel(String name, Fabric a, Fabric b, int ch) {
        String d = first(diff("pushed", a.pushedCount(ch), b.pushedCount(ch)),
                diff("popped", a.poppedCount(ch), b.poppedCount(ch)),
                diff("seen popped", a.seenPoppedCount(ch), b.seenPoppedCount(ch)), diff("info", a.info(ch), b.info(ch)),
                diff("last push", a.lastPush(ch), b.lastPush(ch)));
        for (int j = 0; d == null && j < a.ring(ch); j++) {
            d = first(diff("slot payload", a.ringPayload(ch, j), b.ringPayload(ch, j)),
                    diff("slot meta", a.ringMeta(ch, j), b.ringMeta(ch, j)));
        }
        return d == null ? null : name + ": " + d;
    }

    private static String diff(String field, long x, long y) {
        return x == y ? null : field + " " + x + " vs " + y;
    }

    private static String first(String... ds) {
        for (String d : ds) {
            if (d != null) {
                return d;
            }
        }
        return null;
    }
}
