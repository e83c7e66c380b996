package org.waferscope.engine.fabric;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The two phases of a cycle over one 64-PE word of the activity bitmap. The stepper's
 * workers claim chunks of words and call {@link #computeAndCommit}, which visits only the
 * words marked in {@link Fabric#busyWords} and commits each visited word as soon as its
 * neighbours have computed ({@link CommitFront}); the workers meet at one barrier a cycle.
 * Only PEs whose activity bit (or wake bit) is set are visited: an idle PE with empty
 * buffers, or a sleeping one, costs nothing, and neither does an idle word.
 */
public final class FabricCycle {
    private final Fabric f;
    private volatile boolean[][] breakAt;
    /**
     * Visit every PE every cycle instead of only those with work: the reference mode that
     * tests run against the activity-tracked engine, so that skipping idle PEs is shown to
     * change nothing. Package-private on purpose; no product code switches it on.
     */
    private boolean visitEveryPe;

    private static final VarHandle BITS = MethodHandles.arrayElementVarHandle(long[].class);
    private int sleepers;
    private int dozers;
    /** log2 of the words per chunk, 0..6. */
    private final int chunkShift;
    /**
     * log2 of the words per doze wheel, at most {@link #chunkShift}: no more words than two
     * rows' worth, so that a wavefront ({@link Wavefront}) has computed all of a wheel's words
     * in one cycle before it computes any of them in the next.
     */
    private final int wheelShift;

    /**
     * The undo of wavefront passes over this fabric ({@link PassUndo}), made at the first
     * pass and shared by the steppers of this cycle (a wafer's own and its re-run stepper,
     * which never step at once), so that the fabric has one set of save copies.
     */
    private PassUndo passUndo;
    /**
     * Width in PEs of the column tiles of this fabric's wavefront passes ({@link ColumnTiles}):
     * -1 (the default) as the cache rule chooses, which on the all-active full wafer runs bands
     * of a quarter row ×1.35 faster than cycle by cycle on one worker, ×1.14–1.30 per CPU-second
     * on two (docs/temporal-blocking.md); 0 none;
     * more forces that width; the system property {@code waferscope.tiles} when the fabric's
     * cycle is made.
     */
    private int tileWidth = Integer.getInteger("waferscope.tiles", -1);

    public FabricCycle(Fabric fabric) {
        this.f = fabric;
        int perChunk = Integer.highestOneBit(Math.max(1, fabric.active.length / 32));
        this.chunkShift = Integer.numberOfTrailingZeros(Math.min(64, perChunk));
        int twoRows = 2 * ((fabric.width + 63) >>> 6);
        this.wheelShift = Math.min(chunkShift, 31 - Integer.numberOfLeadingZeros(twoRows));
    }

    public Fabric fabric() {
        return f;
    }

    public int words() {
        return f.active.length;
    }

    /** Instruction-level breakpoints per program index (null entries for none), or null. */
    public void setBreakpoints(boolean[][] perProgram) {
        this.breakAt = perProgram;
        if (perProgram == null) {
            return;   // nobody needs to be seen anywhere: the sleepers sleep on, and the state hash stays as it was
        }
        // a PE asleep on a line that now has a breakpoint must be seen there, as if it had been
        // visited all along: wake the sleepers once (one that is not on a breakpoint falls asleep again)
        for (int w = 0; w < f.sleeping.length; w++) {
            f.active[w] |= f.sleeping[w];
        }
    }

    void visitEveryPe(boolean on) {
        visitEveryPe = on;
    }

    /**
     * Chunks of {@code 1 << chunkShift} words (up to 4,096 PEs), the unit of work the
     * stepper's threads claim: at least 32 of them where the fabric is large enough, so that
     * threads can share work evenly.
     */
    public int chunks() {
        return (f.active.length + (1 << chunkShift) - 1) >>> chunkShift;
    }

    /** Doze wheels a stepper keeps: one per {@code 1 << wheelShift} words, a chunk's worth or less. */
    public int wheels() {
        return (f.active.length + (1 << wheelShift) - 1) >>> wheelShift;
    }

    int wheelShift() {
        return wheelShift;
    }

    int tileWidth() {
        return tileWidth;
    }

    /** Sets {@link #tileWidth} (tests: tiles forced on fabrics whose width cuts words). */
    void tileWidth(int columns) {
        tileWidth = columns;
    }

    PassUndo passUndo() {
        if (passUndo == null) {
            passUndo = new PassUndo(f);
        }
        return passUndo;
    }

    /**
     * Rebuilds {@link Fabric#busyWords} from the activity bitmaps and counts the sleepers;
     * the stepper calls it before every step, so what the host, a snapshot or new
     * breakpoints changed is seen. The dozing PEs are filed on the stepper's
     * {@code wheels} anew only when the fabric is not as that stepper's last step left it
     * ({@link #keep}): a restored snapshot, another stepper, or the first step. Otherwise
     * the wheels still hold every dozer, and the step costs nothing per sleeping PE.
     */
    public void prepareStep(DozeWheel[] wheels) {
        RoutePlans.await(f);
        long[] busy = f.busyWords;
        java.util.Arrays.fill(busy, 0);
        boolean kept = f.keptFor == wheels && !visitEveryPe;
        if (!kept) {
            for (DozeWheel wheel : wheels) {
                wheel.clear();
            }
        }
        int asleep = 0;
        int dozing = 0;
        for (int w = 0; w < f.active.length; w++) {
            long bits = f.sleeping[w];
            asleep += Long.bitCount(bits);
            while (!kept && bits != 0) {
                int p = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                if (f.activity(p) == Activity.COMPUTE) {
                    dozing++;
                    if (f.busy(p) == 0) {
                        f.active[w] |= 1L << p;
                    } else {
                        wheels[w >>> wheelShift].add(p, f.cycle + f.busy(p), f.cycle);
                    }
                }
            }
            if (visitEveryPe || (f.active[w] | f.wake[w]) != 0) {
                busy[w >>> 6] |= 1L << w;
            }
        }
        sleepers = asleep;
        if (!kept) {
            dozers = dozing;
        }
    }

    /**
     * Says that the stepper owning {@code wheels} has just settled the whole fabric
     * ({@link #settle(long, int, int)} over every word), leaving {@code dozersLeft} PEs
     * dozing, each still filed on those wheels: its next {@link #prepareStep} need not
     * walk the sleepers. Wheel entries of PEs woken since they were filed only cause a
     * visit that finds them as a visit would anyway (a wavelet waking a dozer early does
     * the same). Restoring a snapshot forgets it ({@link Fabric#keptFor}).
     */
    public void keep(Object wheels, int dozersLeft) {
        f.keptFor = wheels;
        dozers = dozersLeft;
    }

    /**
     * Of the {@link #sleepers}, those dozing through a memory vector op: they make progress
     * every cycle though nobody visits them, so the stepper counts them apart too
     * ({@link BandState#dozersAdded}).
     */
    public int dozers() {
        return dozers;
    }

    /**
     * PEs asleep as of {@link #prepareStep}: they have work but are not visited, so the
     * stepper keeps this count up to date from each cycle's {@link BandState#sleepersAdded}.
     */
    public int sleepers() {
        return sleepers;
    }

    /** A stepper's record of which chunks have computed in the current cycle. */
    public CommitFront newFront() {
        return new CommitFront(chunks(), chunkShift, words(), f.width);
    }

    /**
     * One worker's part of a cycle: claims chunks ({@link ChunkClaims}) until none are left
     * and runs the compute phase over each one's busy words, committing each visited word as
     * soon as every word holding its PEs' neighbours has computed ({@link CommitFront}), so
     * that most commits find their state still in cache; then commits the rest, waiting for
     * the chunks other workers compute. {@code round} must differ in every cycle any stepper
     * of this fabric runs. When it returns, every word this worker visited is committed;
     * the other workers' words may not be. The order in which words compute does not change
     * the cycle's result: a compute reads nothing that a commit of the same cycle writes.
     */
    public void computeAndCommit(ChunkClaims claims, int id, long cycle, long round, BandState band,
                                 CommitFront front, WorkerWaits waits) {
        int committed = 0;
        int parity = (int) (cycle & 1);
        boolean down = claims.downwards(id);
        for (int s = claims.claim(parity, id); s >= 0; s = claims.claim(parity, id)) {
            committed = computeChunk(s, down, cycle, round, band, front, committed);
        }
        int turn = 0;
        long since = 0;
        long cpuSince = 0;
        while (committed < band.visitedCount) {
            int before = committed;
            committed = commitReady(band, committed, cycle, round, front, -1, -1, down);
            if (committed == before) {
                if (turn == 0) {
                    since = waits.wallNow();
                    cpuSince = waits.cpuNow();
                }
                WorkerWaits.pause(turn++);
            }
        }
        if (turn > 0) {
            waits.add(id, WorkerWaits.COMMIT, since, cpuSince);
        }
    }

    /**
     * Compute phase for the busy words of chunk {@code s}, in order (upwards, or downwards
     * when {@code down}), appending each word visited to {@code band}'s list and committing
     * those of the list (from index {@code committed}) that are ready. A word left with
     * nothing to do has its bit cleared at once, before any commit may wake it again. One
     * thread handles a chunk in a cycle; chunks smaller than a {@link Fabric#busyWords} word
     * share it, so their bits change atomically. Returns the new {@code committed}.
     */
    private int computeChunk(int s, boolean down, long cycle, long round, BandState band, CommitFront front,
                             int committed) {
        int first = s << chunkShift;
        long mask = chunkShift == 6 ? -1L : ((1L << (1 << chunkShift)) - 1) << (first & 63);
        int at = first >>> 6;
        long words = f.busyWords[at] & mask;
        int base = at << 6;
        while (words != 0) {
            int j = down ? 63 - Long.numberOfLeadingZeros(words) : Long.numberOfTrailingZeros(words);
            words &= ~(1L << j);
            int w = base + j;
            long visit = compute(w, cycle, band);
            if (visit != 0) {
                band.addVisited(w, visit);
            }
            if (f.active[w] == 0 && !visitEveryPe) {
                if (chunkShift == 6) {
                    f.busyWords[at] &= ~(1L << j);
                } else {
                    BITS.getAndBitwiseAnd(f.busyWords, at, ~(1L << j));
                }
            }
            committed = commitReady(band, committed, cycle, round, front, s, w, down);
        }
        if (band.wheels != null) {
            // the chunk's dozers due next cycle: woken now that none of its PEs computes again this cycle
            for (int k = first >>> wheelShift, end = Math.min(band.wheels.length, (s + 1) << (chunkShift - wheelShift));
                 k < end; k++) {
                band.wheels[k].wakeDue(f, cycle);
            }
        }
        front.computed(s, round);
        return commitReady(band, committed, cycle, round, front, -1, -1, down);
    }

    /** Commits {@code band}'s visited words from index {@code from} on while they are ready; returns where it stopped. */
    private int commitReady(BandState band, int from, long cycle, long round, CommitFront front, int current,
                            int frontier, boolean down) {
        while (from < band.visitedCount && front.ready(band.visitedWords[from], round, current, frontier, down)) {
            commit(band.visitedWords[from], band.visitedPes[from], cycle);
            from++;
        }
        return from;
    }

    /** The PEs of word {@code w} its {@link #compute} would visit now. */
    long toVisit(int w) {
        return visitEveryPe ? everyPe(w) : f.active[w] | f.wake[w];
    }

    /**
     * Compute phase for word {@code w}; returns the PEs visited whose commit has work
     * ({@link Router#COMMITS}), which must be committed. A visited PE whose router moved
     * nothing has no pops to publish and no wavelet parked: its commit would only read its
     * router record and leave, so it is not made.
     */
    public long compute(int w, long cycle, BandState band) {
        return compute(w, -1L, cycle, band);
    }

    /**
     * Compute phase for the PEs {@code mask} of word {@code w} only: a column tile's share of
     * a word its edge cuts ({@link ColumnTiles}); the word's other PEs keep their bits. Returns
     * the PEs visited whose commit has work, which must be committed.
     */
    long compute(int w, long mask, long cycle, BandState band) {
        long visit = (visitEveryPe ? everyPe(w) : f.active[w] | f.wake[w]) & mask;
        if (mask == -1L) {
            f.wake[w] = 0;
        } else if ((f.wake[w] & mask) != 0) {
            // a share on two workers: the other may be waking the word's other PEs (Router.wake)
            BITS.getAndBitwiseAnd(f.wake, w, ~mask);
        }
        f.touched[w] |= visit;   // what snapshots must read again (FabricSnapshot, PieceOwners)
        long asleep = f.sleeping[w];
        long next = 0;
        long commits = 0;
        long bits = visit;
        boolean[][] breaks = breakAt;
        while (bits != 0) {
            int i = Long.numberOfTrailingZeros(bits);
            bits &= bits - 1;
            long bit = 1L << i;
            int p = (w << 6) + i;
            if ((asleep & bit) != 0) {
                // woken: credit the cycles it stalled or dozed unvisited, then treat it as any PE
                band.woken++;
                if (f.activity(p) == Activity.COMPUTE) {
                    band.dozersAdded--;
                    band.wokenDozers++;
                }
                credit(p, cycle - 1 - SleepCredit.since(f.sleepFrom[p]));
                f.sleepFrom[p] = 0;
                asleep &= ~bit;
            }
            // the CE record's line asked for before the router's work, which never writes its flags word
            long flags = f.flags(p);
            // a router with no sources and no host stream does nothing: not called (its first tests, here)
            int r = f.srcStart[p] != f.srcStart[p + 1] || f.hostIn[p] != null ? Router.route(f, p, cycle) : 0;
            int pi = f.peProgram[p];
            int c = pi >= 0 ? ComputeEngine.step(f, p, pi, flags, cycle, band, band.scratch)
                    : f.activity(p) << ComputeEngine.ACTIVITY_SHIFT;
            int activity = c >>> ComputeEngine.ACTIVITY_SHIFT & 0xFF;
            band.tally(activity);
            boolean atBreakpoint = false;
            if (breaks != null && f.pc(p) >= 0) {
                boolean[] b = breaks[f.peProgram[p]];
                if (b != null && b[f.pc(p)]) {
                    band.atBreakpoint = true;
                    atBreakpoint = true;
                }
            }
            if ((c & (ComputeEngine.WORKING | ComputeEngine.PROGRESSED | ComputeEngine.STALLED
                    | ComputeEngine.BUSY_LEFT)) == (ComputeEngine.WORKING | ComputeEngine.PROGRESSED)) {
                // the common busy PE: it has work next cycle and neither sleeps nor dozes
                next |= bit;
            } else if ((r & Router.HOLDING) != 0 || (c & ComputeEngine.WORKING) != 0 || hostPending(p)) {
                if ((c & (ComputeEngine.STALLED | ComputeEngine.PROGRESSED)) == ComputeEngine.STALLED
                        && (r & Router.HOLDING) == 0 && !atBreakpoint && !hostPending(p)) {
                    // nothing but a wavelet reaching the router can change this PE: let it sleep
                    asleep |= bit;
                    f.sleepFrom[p] = activity == Activity.COMPUTE ? cycle | SleepCredit.DOZING : cycle;
                } else if ((c & ComputeEngine.BUSY_LEFT) != 0 && (r & Router.HOLDING) == 0
                        && !atBreakpoint && !hostPending(p) && microthreadsIdle(p)) {
                    // counting down a memory vector op, and nothing else to do: doze until it is done
                    asleep |= bit;
                    f.sleepFrom[p] = cycle | SleepCredit.DOZING;
                    band.dozersAdded++;
                    if (band.wheels != null) {
                        band.wheels[w >>> wheelShift].add(p, cycle + f.busy(p) + 1, cycle);
                    }
                } else {
                    next |= bit;
                }
            }
            if ((r & (Router.MOVED | Router.TIMED_WAIT)) != 0 || (c & ComputeEngine.PROGRESSED) != 0) {
                band.progressed = true;
            }
            if ((r & Router.COMMITS) != 0) {
                commits |= bit;
            }
            if ((r & Router.MOVED) != 0) {
                band.moved = true;
                band.hops += Router.pendingHops(f, p);
                if ((r & Router.INJECTED) != 0) {
                    band.injected++;
                }
                if ((r & Router.COLLECTED) != 0) {
                    band.collected++;
                }
            }
        }
        band.visited += Long.bitCount(visit);
        band.stillActive += Long.bitCount(next);
        band.sleepersAdded += Long.bitCount(asleep) - Long.bitCount(f.sleeping[w]);
        band.held += f.heldChange[w];
        f.heldChange[w] = 0;
        f.active[w] = f.active[w] & ~mask | next;
        f.sleeping[w] = asleep;
        return commits;
    }

    /**
     * Brings the dozers up to the last cycle run ({@code next} - 1), as if they had been
     * visited: the stepper calls it after every step, so that busy counts, counters,
     * snapshots and the state hash never depend on whether a PE dozed. A PE asleep on a stall
     * is owed its cycles until it wakes ({@link SleepCredit}), so the settle leaves it alone.
     */
    public void settle(long next) {
        settle(next, 0, f.sleeping.length);
        f.keptFor = null;
    }

    /**
     * {@link #settle(long)} for words {@code from} to {@code to} (exclusive) only: the
     * stepper's workers settle disjoint ranges of words at once. Returns the PEs of the range
     * left dozing.
     */
    public int settle(long next, int from, int to) {
        long last = next - 1;
        int dozing = 0;
        for (int w = from; w < to; w++) {
            long bits = f.sleeping[w];
            while (bits != 0) {
                int p = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                long since = f.sleepFrom[p];
                if ((since & SleepCredit.DOZING) == 0) {
                    continue;   // stalled: credited when it wakes, read meanwhile through the counters' accessors
                }
                credit(p, last - SleepCredit.since(since));
                f.sleepFrom[p] = last | SleepCredit.DOZING;
                if (f.busy(p) == 0) {
                    // its op counted down in the last cycle: awake, as a visit would have left it
                    // (active, so no wake bit: the wheel's wake is only what the visit's bit stands for)
                    long bit = 1L << p;
                    f.sleeping[w] &= ~bit;
                    f.wake[w] &= ~bit;
                    f.active[w] |= bit;
                    f.sleepFrom[p] = 0;
                } else {
                    dozing++;
                }
            }
        }
        return dozing;
    }

    /**
     * A sleeping CE stalls as it did when it fell asleep, on an input or on an output; a
     * dozing one counts its memory vector op down, as if it had been visited every cycle.
     */
    private void credit(int p, long cycles) {
        if (f.activity(p) == Activity.COMPUTE) {
            f.setBusy(p, f.busy(p) - (int) cycles);
            f.addCycles(p, CoreRecords.COMPUTE, cycles);
        } else if (f.activity(p) == Activity.STALL_OUTPUT) {
            f.addCycles(p, CoreRecords.STALL_OUT, cycles);
        } else {
            f.addCycles(p, CoreRecords.STALL_IN, cycles);
        }
    }

    /** Commit phase for the PEs of word {@code w} whose commit {@link #compute} said has work. */
    public void commit(int w, long visited, long cycle) {
        long bits = visited;
        while (bits != 0) {
            int i = Long.numberOfTrailingZeros(bits);
            bits &= bits - 1;
            Router.commit(f, (w << 6) + i, cycle);
        }
    }


    private long everyPe(int w) {
        int left = f.n - (w << 6);
        return left >= 64 ? -1L : (1L << left) - 1;
    }

    private boolean microthreadsIdle(int p) {
        for (int k = 0, r = f.mtBase[p]; k < f.mtCount[p]; k++, r += Microthreads.WORDS) {
            if (f.mtPool[r + Microthreads.STATE] != 0) {
                return false;
            }
        }
        return true;
    }

    private boolean hostPending(int p) {
        return f.launchFn[p] >= 0 || (f.hostIn[p] != null && f.hostInPos[p] < f.hostIn[p].length);
    }
}
