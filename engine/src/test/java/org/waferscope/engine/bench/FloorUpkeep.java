package org.waferscope.engine.bench;

/**
 * A {@link ModelFloor} feature, item (d) of docs/benchmarks.md's "where the engine's 5x goes":
 * the bitmaps and tallies the engine keeps around each visit ({@code FabricCycle.compute},
 * {@code Router.wake}) so that a step visits only PEs with work and the explorer, snapshots and
 * the state hash know what changed. The kernel's PEs are visited by 64-bit words of the
 * rectangle, as the engine's are: a word of busy words, and per word the PEs active or woken,
 * the touched bits snapshots read, the sleeping bits; a PE stalled with nothing in its router
 * falls asleep (no longer visited, its stall cycles owed from the cycle it fell asleep) until a
 * wavelet committed onto one of its links wakes it, when it is credited the cycles it slept.
 * Each visit tallies its activity and the word's counts of visited, still active and new
 * sleepers, as the engine's band state does. It needs the two-phase cycle (wakes come with
 * the commit) and one thread.
 */
public final class FloorUpkeep {
    final long[] active;
    final long[] wake;
    final long[] touched;
    final long[] sleeping;
    final long[] busyWords;
    /** Per PE, the cycle it fell asleep. */
    final int[] sleepFrom;
    final int pes;
    // the band state's tallies
    long visited;
    long stillActive;
    long sleepersAdded;
    long woken;
    long busy;
    long stalled;

    FloorUpkeep(int pes) {
        this.pes = pes;
        int words = (pes + 63) >>> 6;
        active = new long[words];
        wake = new long[words];
        touched = new long[words];
        sleeping = new long[words];
        busyWords = new long[(words + 63) >>> 6];
        sleepFrom = new int[pes];
        for (int p = 0; p < pes; p++) {
            active[p >>> 6] |= 1L << p;
        }
        for (int w = 0; w < words; w++) {
            busyWords[w >>> 6] |= 1L << w;
        }
    }

    /** The activity codes {@link ModelFloor#visit} returns in its low bits. */
    private static final int BUSY = 1 << ModelFloor.COMPUTED | 1 << ModelFloor.FABRICKED;
    private static final int STALLS = 1 << ModelFloor.STALLED_IN | 1 << ModelFloor.STALLED_OUT;

    /** Cycle t of the kernel's PEs with work, word by word. */
    void cycle(ModelFloor floor, int t) {
        for (int k = 0; k < busyWords.length; k++) {
            long words = busyWords[k];
            while (words != 0) {
                int j = Long.numberOfTrailingZeros(words);
                words &= words - 1;
                int w = (k << 6) + j;
                word(floor, w, t);
                if (active[w] == 0) {
                    busyWords[k] &= ~(1L << j);
                }
            }
        }
    }

    private void word(ModelFloor floor, int w, int t) {
        long visit = active[w] | wake[w];
        wake[w] = 0;
        touched[w] |= visit;
        long asleep = sleeping[w];
        long next = 0;
        for (long bits = visit; bits != 0; bits &= bits - 1) {
            int i = Long.numberOfTrailingZeros(bits);
            long bit = 1L << i;
            int p = (w << 6) + i;
            if ((asleep & bit) != 0) {
                woken++;
                floor.ce[p * ModelFloor.STRIDE + ModelFloor.STALL_IN] += t - 1 - sleepFrom[p];
                sleepFrom[p] = 0;
                asleep &= ~bit;
            }
            int v = floor.visit(p * ModelFloor.STRIDE, t);
            int activity = v & ModelFloor.ACTIVITY;
            busy += BUSY >>> activity & 1;
            stalled += STALLS >>> activity & 1;
            if ((STALLS >>> activity & 1) == 0 || (v & ModelFloor.HOLDING) != 0) {
                next |= bit;
            } else {
                // nothing but a wavelet reaching its router can change this PE: let it sleep
                asleep |= bit;
                sleepFrom[p] = t;
            }
        }
        visited += Long.bitCount(visit);
        stillActive += Long.bitCount(next);
        sleepersAdded += Long.bitCount(asleep) - Long.bitCount(sleeping[w]);
        active[w] = next;
        sleeping[w] = asleep;
    }

    /** A wavelet was committed onto a link of PE p: visit it next cycle if it would not be. */
    void wake(int p) {
        long bit = 1L << p;
        int w = p >>> 6;
        if (((active[w] | wake[w]) & bit) == 0) {
            wake[w] |= bit;
            long wordBit = 1L << w;
            if ((busyWords[w >>> 6] & wordBit) == 0) {
                busyWords[w >>> 6] |= wordBit;
            }
        }
    }

    /** Sleepers woken so far: that the sleep path ran. */
    public long woken() {
        return woken;
    }

    /** Stall cycles PE p owes up to the last cycle run, {@code next} - 1, while it sleeps. */
    int owed(int p, long next) {
        return (sleeping[p >>> 6] & 1L << p) == 0 ? 0 : (int) (next - 1 - sleepFrom[p]);
    }
}
