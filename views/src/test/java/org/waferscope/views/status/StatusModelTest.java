package org.waferscope.views.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.SimState;
import org.waferscope.views.FakeSimulation;

class StatusModelTest {
    @Test
    void showsStateCycleTimeAndRates() {
        FakeSimulation sim = new FakeSimulation(4, 3);
        sim.advance(1700);
        sim.post(new org.waferscope.engine.api.Command.Run());
        StatusModel m = new StatusModel();
        m.update(sim.latestFrame(), 29.6);
        assertEquals(SimState.RUNNING, m.stateProperty().get());
        assertEquals("cycle 1,700", m.cycleProperty().get());
        assertEquals("2.000 µs @ wse2", m.timeProperty().get());
        assertEquals("100.0 k cycles/s", m.rateProperty().get());
        assertEquals("30 fps", m.fpsProperty().get());
        assertTrue(m.activityProperty().get().contains("PEs at work"));
        assertTrue(m.hostProperty().get().startsWith("host: launch main"), m.hostProperty().get());
    }

    @Test
    void theHostsEndIsNotSaidTwice() {
        StatusModel m = new StatusModel();
        m.update(new org.waferscope.engine.api.Frame(1, 107, SimState.HALTED, 5, 1,
                org.waferscope.engine.api.MetricLayer.UTILIZATION, -1, new float[1], 0, 1, null,
                new org.waferscope.engine.api.FabricStats(5, 0, 0, 0, 0, 1.259e-7, 0,
                        org.waferscope.engine.api.HostStatus.DONE, "wse2"),
                java.util.List.of(), "halted: 0 failed check(s)"), 2);
        assertEquals("host done", m.hostProperty().get());
        assertEquals("", m.fpsProperty().get(), "no drawing rate once frames stop coming");
    }

    @Test
    void noProgramSaysNoFabric() {
        StatusModel m = new StatusModel();
        m.update(new org.waferscope.engine.api.Frame(0, 0, SimState.EMPTY, 1, 1,
                org.waferscope.engine.api.MetricLayer.UTILIZATION, -1, new float[1], 0, 1, null,
                new org.waferscope.engine.api.FabricStats(0, 0, 0, 0, 0, 0, 0, org.waferscope.engine.api.HostStatus.NONE, ""), java.util.List.of(), ""), 0);
        assertEquals("", m.activityProperty().get(), "not \"1 × 1 fabric · 0 of 0 PEs at work\"");
    }

    @Test
    void theCountOfPesAtWorkSaysWhichCycleItIsOf() {
        StatusModel m = new StatusModel();
        m.update(frame(2, 5), 0);
        assertEquals("5 × 1 fabric · 5 of 5 PEs at work from cycle 1 to 2 · 0 wavelets in flight", m.activityProperty().get(),
                "the cycle just run, not the state at cycle 2 the inspector shows");
        m.update(frame(0, 0), 0);
        assertEquals("5 × 1 fabric · 5 PEs with a program, no cycle run yet · 0 wavelets in flight",
                m.activityProperty().get());
    }

    private static org.waferscope.engine.api.Frame frame(long cycle, int active) {
        return new org.waferscope.engine.api.Frame(cycle, cycle, SimState.PAUSED, 5, 1,
                org.waferscope.engine.api.MetricLayer.UTILIZATION, -1, new float[1], 0, 1, null,
                new org.waferscope.engine.api.FabricStats(5, active, 0, 0, 0, 1e-9 * cycle, 0,
                        org.waferscope.engine.api.HostStatus.NONE, "wse2"), java.util.List.of(), "");
    }

    @Test
    void timeUnits() {
        assertEquals("0 s", StatusModel.seconds(0));
        assertEquals("1.2 ns", StatusModel.seconds(1.2e-9));
        assertEquals("3.500 ms", StatusModel.seconds(3.5e-3));
        assertEquals("2.000 s", StatusModel.seconds(2));
    }

    @Test
    void everyStateHasWordsIconAndStyle() {
        for (SimState s : SimState.values()) {
            assertTrue(SimStateStyle.icon(s).startsWith("mdi2"));
            assertTrue(SimStateStyle.styleClass(s).startsWith("state-"));
            assertTrue(!SimStateStyle.label(s).isEmpty());
        }
    }

    /** The host's status as the engine made it, whole and in a few words; the model shows both and reads neither. */
    private static StatusModel hostSays(org.waferscope.engine.api.HostStatus h) {
        StatusModel m = new StatusModel();
        m.update(new org.waferscope.engine.api.Frame(1, 7, SimState.PAUSED, 3, 1,
                org.waferscope.engine.api.MetricLayer.UTILIZATION, -1, new float[1], 0, 1, null,
                new org.waferscope.engine.api.FabricStats(3, 0, 0, 0, 0, 1e-8, 0, h, "wse2"), java.util.List.of(), ""), 2);
        return m;
    }

    @Test
    void theHostsStepInAFewWords() {
        org.waferscope.engine.api.HostStatus pes = org.waferscope.engine.api.HostStatus.waitingForPes(3);
        assertEquals("host waits for 3 PE(s)", hostSays(pes).hostShortProperty().get());
        assertEquals("host: waiting for unblock_cmd_stream from 3 PE(s)", hostSays(pes).hostProperty().get());
        assertEquals("host waits", hostSays(org.waferscope.engine.api.HostStatus.settling("copy y out to y"))
                .hostShortProperty().get());
        assertEquals("host: launch start", hostSays(org.waferscope.engine.api.HostStatus.about("launch start"))
                .hostShortProperty().get());
        assertEquals("host done", hostSays(org.waferscope.engine.api.HostStatus.DONE).hostShortProperty().get());
        assertEquals("", hostSays(org.waferscope.engine.api.HostStatus.NONE).hostShortProperty().get());
        assertEquals("", hostSays(org.waferscope.engine.api.HostStatus.NONE).hostProperty().get());
    }
}
