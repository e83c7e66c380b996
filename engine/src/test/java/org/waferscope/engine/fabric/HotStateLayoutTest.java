package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.sim.Wafer;

/**
 * Where a busy PE's state lies (issue 14, "a smaller hot state"): a PE's channel records
 * are one run of {@link ChannelRings#chan}, none of them crossing a cache line it need not,
 * and a commit leaves the parked bits ({@link RouterWords#PARKED}) and destinations clear
 * between cycles.
 */
class HotStateLayoutTest {
    @Test
    void aPesChannelRecordsAreOneRunAndNoneCrossesACacheLine() {
        try (Wafer w = Wafer.of(ArchProfile.WSE2, NeighbourExchange.layout(5, 4, NeighbourExchange.Options.FOREVER), 1)) {
            Fabric f = w.fabric();
            int end = ChannelRecords.LEAD;
            int padding = 0;
            for (int p = 0; p < f.n; p++) {
                List<Integer> channels = channelsOf(f, p);
                channels.sort((a, b) -> Integer.compare((int) f.chFacts[a], (int) f.chFacts[b]));
                for (int ch : channels) {
                    int at = (int) f.chFacts[ch];
                    int size = ChannelRings.recordSize(f.ring(ch));
                    assertTrue(at >= end, "PE " + p + "'s channel " + ch + " starts after the last record ended");
                    assertTrue(at - end < ChannelRecords.LINE, "and less than a line after it");
                    int into = (at - ChannelRecords.LEAD) % ChannelRecords.LINE;
                    assertTrue(size <= ChannelRecords.LINE ? into + size <= ChannelRecords.LINE : into == 0,
                            "channel " + ch + " (" + size + " ints at " + at + ") crosses no line it need not");
                    padding += at - end;
                    end = at + size;
                }
            }
            assertEquals(f.chan.length, end, "every record belongs to a PE, and the last one ends the array");
            assertTrue(padding > 0, "the exchange's records do not all fit lines back to back");
        }
    }

    @Test
    void parkedBitsAndDestinationsAreClearBetweenCycles() {
        try (Wafer w = Wafer.of(ArchProfile.WSE2, NeighbourExchange.layout(4, 4, NeighbourExchange.Options.FOREVER), 1)) {
            w.port().launch("start");
            Fabric f = w.fabric();
            long hops = 0;
            for (int c = 0; c < 40; c++) {
                w.stepFabric(1);
                for (int p = 0; p < f.n; p++) {
                    long rr = f.router[RouterWords.at(p) + RouterWords.RR];
                    assertEquals(0, rr >>> RouterWords.PARKED, "PE " + p + " after cycle " + c);
                    assertEquals(f.rr(p), (int) rr);
                    for (int d = 0; d < 4; d++) {
                        assertEquals(-1, f.pendDest(p, d));
                    }
                }
            }
            for (int p = 0; p < f.n; p++) {
                for (int d = 0; d < 4; d++) {
                    hops += f.linkHops(p, d);
                }
            }
            assertTrue(hops > 0, "wavelets crossed links, so something was parked and committed");
        }
    }

    @Test
    void aWaveletIntoAnEmptyLinkBufferArrivesForOneCycleThenIsHeld() {
        try (Wafer w = Wafer.of(ArchProfile.WSE2, NeighbourExchange.layout(4, 4, NeighbourExchange.Options.FOREVER), 1)) {
            w.port().launch("start");
            Fabric f = w.fabric();
            int arrivals = 0;
            for (int c = 0; c < 40; c++) {
                w.stepFabric(1);
                for (int p = 0; p < f.n; p++) {
                    for (int si = f.srcStart[p], i = 0; si < f.srcStart[p + 1]; si++, i++) {
                        int ch = f.srcChan[si];
                        int port = f.srcPort[si];
                        long raw = f.router[RouterWords.at(p) + RouterWords.BUSY + port];
                        boolean arriving = (raw >>> (32 + i) & 1) != 0;
                        assertEquals(f.count(ch) > 0, (f.srcBusy(p, port) >>> i & 1) != 0, "PE " + p + " source " + i);
                        // arriving: the only wavelet, pushed in the commit just run, so on its hop next cycle
                        assertEquals(arriving, port < 4 && f.count(ch) == 1 && f.lastPush(ch) == f.cycle() - 1,
                                "PE " + p + " source " + i + " after cycle " + c);
                        arrivals += arriving ? 1 : 0;
                    }
                }
            }
            assertTrue(arrivals > 0, "wavelets arrived into empty buffers");
        }
    }

    private static List<Integer> channelsOf(Fabric f, int p) {
        List<Integer> channels = new ArrayList<>();
        for (int rs = f.rsStart[p]; rs < f.rsStart[p + 1]; rs++) {
            for (int k = 0; k < 4; k++) {
                if (f.rsInChan[rs * 4 + k] >= 0) {
                    channels.add(f.rsInChan[rs * 4 + k]);
                }
            }
        }
        int queues = f.profile.inputQueues() + f.profile.outputQueues();
        for (int i = 0; f.qBase[p] >= 0 && i < queues; i++) {
            if (f.qChan[f.qBase[p] + i] >= 0) {
                channels.add(f.qChan[f.qBase[p] + i]);
            }
        }
        return channels;
    }
}
