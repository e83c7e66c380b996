package org.waferscope.engine.fabric;

import java.util.Arrays;
import java.util.List;

/**
 * The fabric's state as it was at the start of an epoch of wavefront passes ({@link Wavefront}),
 * kept only for the PEs those passes write, so that a pass in which the step should have
 * stopped early (a fault, a deadlock, a quiet fabric) can be undone: the stepper puts the
 * epoch's start back, runs the passes before that one again, and that one's cycles one at a
 * time.
 *
 * <p>What is saved, and when: a word's state just before the first write to it in the epoch
 * ({@link #touch}). A cycle writes only the PEs it visits and their four neighbours, and wakes
 * dozers whose timer runs out; so before a pass computes a word, the words holding its
 * visited PEs and their neighbours are saved, unless this epoch saved them already (then
 * what was saved is still the epoch's start), and the words of the dozers due in a pass are
 * saved when it starts ({@link #plan}). A word nobody writes is never copied, and a word
 * written in every cycle of a 50-cycle step is copied once, not once a pass.
 *
 * <p>Every array of {@link Fabric#mutableState()} is covered: per word, per PE at a stride,
 * per PE at an offset table, by piece owners ({@link PieceOwners}), per PE object, or whole
 * when the epoch opens for the small tables a PE cannot be told apart in.
 */
final class PassUndo {
    enum Kind { WORD, STRIDE, OFFSETS, PIECES, BYTES_PER_PE, INTS_PER_PE, WHOLE }

    final Fabric f;
    final List<Object> live;
    final Kind[] kinds;
    /** STRIDE: first index and elements per PE; OFFSETS: the table. */
    final int[] lead;
    final int[] per;
    final int[][] offsets;
    /** PIECES: piece size, and per word the pieces whose owners include its PEs (CSR). */
    final int[] chunk;
    final int[][] wordStart;
    final int[][] wordPieces;
    final int[][] unowned;
    /** PIECES: how many pieces the array has. */
    final int[] pieceCount;
    /** Each live array's length (the fabric's arrays never change size). */
    final int[] lengths;
    /** What a save of each array holds: its elements, or a PE's own array's elements. */
    final Class<?>[] types;
    /**
     * What each worker saved in this epoch: worker 0 the words below {@link #mid} and the
     * small tables, worker 1 those from it on; the words within a row of {@code mid}, which
     * both write, worker 0 when the epoch opens.
     */
    private final WordSaves[] saves = new WordSaves[2];
    private int mid;
    /** Words the epoch's passes may write, as {@link #plan} bounds them, and how many. */
    private final long[] region;
    private int regionWords;
    /** Per worker and array: the elements the region's words hold, which their saves may copy. */
    private final long[][] need = new long[2][];
    /** Bytes saved when the epoch opened, and those the region's words hold. */
    private long openBytes;
    private long regionBytes;

    PassUndo(Fabric f) {
        this.f = f;
        this.live = f.mutableState();
        int a = live.size();
        kinds = new Kind[a];
        lead = new int[a];
        per = new int[a];
        offsets = new int[a][];
        chunk = new int[a];
        wordStart = new int[a][];
        wordPieces = new int[a][];
        unowned = new int[a][];
        pieceCount = new int[a];
        lengths = new int[a];
        types = new Class<?>[a];
        PieceOwners owners = PieceOwners.of(f);
        int words = f.active.length;
        region = new long[(words + 63) >>> 6];
        for (int i = 0; i < a; i++) {
            Object x = live.get(i);
            lengths[i] = java.lang.reflect.Array.getLength(x);
            int[][] own = owners.forArray(f, x);
            if (x == f.sram) {
                kinds[i] = Kind.BYTES_PER_PE;
            } else if (x instanceof int[][]) {
                kinds[i] = Kind.INTS_PER_PE;
            } else if (x == f.core) {
                stride(i, CoreRecords.at(0), CoreRecords.WORDS);
            } else if (x == f.launchArgs) {
                stride(i, 0, Fabric.MAX_LAUNCH_ARGS);
            } else if (x == f.hostPath) {
                stride(i, 0, Fabric.HOST_PATH_DEPTH);
            } else if (x == f.linkBlocked) {
                stride(i, 0, 4);
            } else if (x == f.activated || x == f.blocked || x == f.controlData || x == f.launchFn || x == f.released
                    || x == f.fault || x == f.hostInPos || x == f.hostInColor || x == f.hostOutCount
                    || x == f.hostOutColor || x == f.hostPathCount || x == f.hostPathColor || x == f.sleepFrom) {
                stride(i, 0, 1);
            } else if (x == f.active || x == f.wake || x == f.sleeping) {
                kinds[i] = Kind.WORD;
            } else if (x == f.taskRuns) {
                kinds[i] = Kind.OFFSETS;
                offsets[i] = taskRunStarts(lengths[i]);
            } else if (x == f.rsPos || x == f.rsTorn) {
                kinds[i] = Kind.OFFSETS;
                offsets[i] = f.rsStart;
            } else if (own != null) {
                kinds[i] = Kind.PIECES;
                chunk[i] = x instanceof long[] ? FabricSnapshot.LONG_CHUNK : FabricSnapshot.CHUNK;
                index(i, own, words);
            } else {
                kinds[i] = Kind.WHOLE;
            }
            types[i] = kinds[i] == Kind.BYTES_PER_PE ? byte.class
                    : kinds[i] == Kind.INTS_PER_PE ? int.class : x.getClass().getComponentType();
        }
    }

    /**
     * Where each PE's task counts start, for every PE and one past the last: {@code trBase}
     * holds it only for PEs with a program (0 for the others), in PE order.
     */
    private int[] taskRunStarts(int length) {
        int[] starts = new int[f.n + 1];
        starts[f.n] = length;
        for (int p = f.n - 1; p >= 0; p--) {
            starts[p] = f.peProgram[p] >= 0 ? f.trBase[p] : starts[p + 1];
        }
        return starts;
    }

    private void stride(int i, int first, int perPe) {
        kinds[i] = Kind.STRIDE;
        lead[i] = first;
        per[i] = perPe;
    }

    /** Per word, the pieces of array {@code i} holding state of its PEs; pieces of nobody's are saved whole. */
    private void index(int i, int[][] own, int words) {
        int pieces = own[0].length;
        int[] count = new int[words + 1];
        int[] none = new int[pieces];
        int nones = 0;
        for (int k = 0; k < pieces; k++) {
            if (own[0][k] == 0 && own[1][k] == f.n - 1) {
                none[nones++] = k;
                continue;
            }
            for (int w = own[0][k] >>> 6; w <= own[1][k] >>> 6; w++) {
                count[w + 1]++;
            }
        }
        for (int w = 0; w < words; w++) {
            count[w + 1] += count[w];
        }
        int[] list = new int[count[words]];
        int[] fill = Arrays.copyOf(count, words);
        for (int k = 0; k < pieces; k++) {
            if (own[0][k] == 0 && own[1][k] == f.n - 1) {
                continue;
            }
            for (int w = own[0][k] >>> 6; w <= own[1][k] >>> 6; w++) {
                list[fill[w]++] = k;
            }
        }
        wordStart[i] = count;
        wordPieces[i] = list;
        unowned[i] = Arrays.copyOf(none, nones);
        pieceCount[i] = pieces;
    }

    /**
     * Opens an epoch: forgets what the last one saved and saves what cannot be told apart by
     * PE. The fabric as it is now is what {@link #restore} puts back. The words below
     * {@code mid} are worker 0's to save, the others worker 1's ({@code mid} = the fabric's
     * words: one worker); {@code span} words either side of {@code mid}, which both may write,
     * are saved now.
     */
    void open(int mid, int span) {
        if (saves[0] == null) {
            saves[0] = new WordSaves(this);
            saves[1] = new WordSaves(this);
        }
        this.mid = mid;
        Arrays.fill(region, 0);
        regionWords = 0;
        regionBytes = 0;
        need[0] = new long[kinds.length];
        need[1] = new long[kinds.length];
        saves[0].open(true);
        saves[1].open(false);
        if (mid < f.active.length) {
            int from = Math.max(0, mid - span);
            int to = Math.min(f.active.length, mid + span) - 1;
            saves[0].saveWords(from, to);
            saves[1].alreadySaved(from, to);
        }
        saves[0].mark();
        saves[1].mark();
        openBytes = saves[0].usedBytes() + saves[1].usedBytes();
    }

    /**
     * Gets the epoch ready for a pass of {@code levels} cycles from cycle {@code c0}: saves the
     * words of the dozers due to wake in it, and bounds the words it may write (those with
     * work or due to wake, widened {@code levels} + 1 times by their neighbours) and the bytes
     * their saves may take. Returns false when the {@link SaveBudget} does not allow that many
     * (saved as they come, or reserved now); the pass must not run in this epoch (its dozers'
     * words may have been saved, which is harmless).
     */
    boolean plan(long c0, int levels, DozeWheel[] wheels, SaveBudget budget) {
        int n = f.active.length;
        if (due == null) {
            due = new long[n];
        }
        if (wheels != null) {
            for (DozeWheel wheel : wheels) {
                wheel.markDue(c0 + 1, c0 + levels, due);
            }
        }
        // only the words within levels + 1 rows of one with work can be written: the
        // neighbours are taken over that range alone, not over the whole fabric (a sparse
        // wafer's sleepers cost nothing here)
        int first = n;
        int last = -1;
        for (int w = 0; w < n; w++) {
            if ((f.active[w] | f.wake[w] | due[w]) != 0) {
                first = Math.min(first, w);
                last = w;
            }
        }
        if (last < 0) {
            return true;
        }
        int reach = (levels + 1) * (((f.width + 63) >>> 6) + 1);
        int lo = Math.max(0, first - reach);
        int hi = Math.min(n - 1, last + reach);
        long[] seed = new long[hi - lo + 1];
        for (int w = lo; w <= hi; w++) {
            seed[w - lo] = f.active[w] | f.wake[w] | due[w];
        }
        for (int k = 0; k <= levels; k++) {
            seed = PieceOwners.withNeighbours(seed, f.width);
        }
        int words = regionWords;
        long bytes = regionBytes;
        long[][] more = {need[0].clone(), need[1].clone()};
        for (int w = lo; w <= hi; w++) {
            if (seed[w - lo] != 0 && (region[w >>> 6] & (1L << w)) == 0) {
                words++;
                bytes += add(w, more[w < mid ? 0 : 1]);
            }
        }
        boolean room = true;
        if (openBytes + bytes > budget.asItComes()) {
            // too much to grow into as it comes: all of it reserved now, or no pass
            long held = saves[0].heldBytes() + saves[1].heldBytes();
            room = openBytes + bytes <= budget.upFront(held) && saves[0].reserve(more[0]) && saves[1].reserve(more[1]);
        }
        if (room) {
            regionWords = words;
            regionBytes = bytes;
            need[0] = more[0];
            need[1] = more[1];
        }
        for (int w = lo; w <= hi; w++) {
            if (room && seed[w - lo] != 0) {
                region[w >>> 6] |= 1L << w;
            }
            if (room && due[w] != 0) {
                // woken from its doze by the pass without a visit first
                saves[w < mid ? 0 : 1].saveWords(w, w);
            }
            due[w] = 0;
        }
        return room;
    }

    /** The words of the dozers due in the pass being planned; all zero between plans. */
    private long[] due;

    /**
     * Adds to {@code elements} what a save of word {@code w} copies of each array (a piece
     * shared with another word counted for both); returns its bytes.
     */
    private long add(int w, long[] elements) {
        int p0 = w << 6;
        int p1 = Math.min(f.n, p0 + 64);
        long bytes = 0;
        for (int i = 0; i < kinds.length; i++) {
            Object x = live.get(i);
            long e = switch (kinds[i]) {
                case WORD -> 1;
                case STRIDE -> (long) (p1 - p0) * per[i];
                case OFFSETS -> offsets[i][p1] - offsets[i][p0];
                case PIECES -> {
                    long sum = 0;
                    for (int j = wordStart[i][w]; j < wordStart[i][w + 1]; j++) {
                        int from = wordPieces[i][j] * chunk[i];
                        sum += Math.min(lengths[i], from + chunk[i]) - from;
                    }
                    yield sum;
                }
                case BYTES_PER_PE, INTS_PER_PE -> ownLengths((Object[]) x, p0, p1);
                case WHOLE -> 0;
            };
            elements[i] += e;
            bytes += e * bytesOf(types[i]);
        }
        return bytes;
    }

    /**
     * The elements of PEs {@code p0} to {@code p1 - 1}'s own arrays in {@code perPe}, read as
     * arrays of their type, not through reflection: a pass's plan asks for every word it may
     * write.
     */
    private static long ownLengths(Object[] perPe, int p0, int p1) {
        long sum = 0;
        for (int p = p0; p < p1; p++) {
            Object m = perPe[p];
            sum += m == null ? 0 : m instanceof byte[] b ? b.length : ((int[]) m).length;
        }
        return sum;
    }

    /** Bytes an element of type {@code t} takes in an array (a reference: 8, the most it may be). */
    static int bytesOf(Class<?> t) {
        return t == long.class || t == double.class ? 8 : t == int.class || t == float.class ? 4
                : t == short.class || t == char.class ? 2 : t.isPrimitive() ? 1 : 8;
    }

    /** Bytes the epoch's copies take now, saved or not (both workers'). */
    long heldBytes() {
        return saves[0] == null ? 0 : saves[0].heldBytes() + saves[1].heldBytes();
    }

    /** Words saved in this epoch so far. */
    int wordsSaved() {
        return saves[0].count() + saves[1].count();
    }

    /** Stops saving until the next {@link #open}: the epoch's passes run again after a {@link #restore}. */
    void replaying() {
        saves[0].stop();
        saves[1].stop();
    }

    /**
     * Saves, unless this epoch did already, the words worker {@code id}'s pass is about to
     * write by visiting PEs {@code visit} of word {@code w}: those holding them and their four
     * neighbours.
     */
    void touch(int id, int w, long visit) {
        saves[id].touch(w, visit);
    }

    /** Puts back everything saved since {@link #open}: the fabric is as the epoch found it. */
    void restore() {
        saves[0].restore();
        saves[1].restore();
        // the sleepers and dozers may be others now: the next step files them afresh
        f.keptFor = null;
    }
}
