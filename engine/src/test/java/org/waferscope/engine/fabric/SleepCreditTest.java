package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.sim.CycleStepper;
import org.waferscope.engine.sim.StepLimits;

/**
 * A PE asleep on a stall is credited its stall cycles when it wakes, not at every step's end
 * ({@link SleepCredit}): its record is left alone while it sleeps, yet its counters, the state
 * hash and a snapshot taken while it sleeps are as if it had been visited every cycle.
 */
class SleepCreditTest {
    private static long recordedStallIn(Fabric f, int p) {
        return f.core[CoreRecords.at(p) + CoreRecords.STALL_IN];
    }

    @Test
    void aSleeperIsCreditedWhenItWakesAndReadsAsIfVisitedEveryCycle() {
        FabricLayout l = SleepTest.senderAndReceiver();
        Fabric tracked = FabricBuilder.build(ArchProfile.WSE2, l);
        Fabric reference = FabricBuilder.build(ArchProfile.WSE2, l);
        new HostPort(tracked).launch("start");
        new HostPort(reference).launch("start");
        ReferenceStepper ref = new ReferenceStepper(reference);
        int receiver = tracked.pe(2, 0);
        int asleepSteps = 0;
        long recordedWhenAsleep = -1;
        try (CycleStepper stepper = new CycleStepper(new FabricCycle(tracked), 1)) {
            for (int c = 0; c < 120; c++) {
                stepper.step(1, StepLimits.NONE);
                ref.step();
                assertNull(ReferenceStepper.firstDifference(tracked, reference), "cycle " + c);
                assertEquals(StateHash.of(reference), StateHash.of(tracked), "cycle " + c);
                assertEquals(reference.cntStallIn(receiver), tracked.cntStallIn(receiver), "cycle " + c);
                if (SleepTest.asleep(tracked, receiver)) {
                    if (recordedWhenAsleep < 0) {
                        recordedWhenAsleep = recordedStallIn(tracked, receiver);
                    }
                    // the step's end wrote nothing for it: the counter it is owed grows, its record does not
                    assertEquals(recordedWhenAsleep, recordedStallIn(tracked, receiver), "cycle " + c);
                    asleepSteps++;
                } else if (recordedWhenAsleep >= 0) {
                    assertEquals(tracked.cntStallIn(receiver), recordedStallIn(tracked, receiver),
                            "woken, it has been credited every cycle it slept");
                }
            }
        }
        assertTrue(asleepSteps > SleepTest.DELAY / 2, "the receiver slept through " + asleepSteps + " steps");
    }

    @Test
    void aSnapshotTakenWhileItSleepsRunsOnToTheSameState() {
        FabricLayout l = SleepTest.senderAndReceiver();
        Fabric f = FabricBuilder.build(ArchProfile.WSE2, l);
        new HostPort(f).launch("start");
        Fabric once = FabricBuilder.build(ArchProfile.WSE2, l);
        new HostPort(once).launch("start");
        int receiver = f.pe(2, 0);
        try (CycleStepper stepper = new CycleStepper(new FabricCycle(f), 1);
             CycleStepper whole = new CycleStepper(new FabricCycle(once), 1)) {
            stepper.step(20, StepLimits.NONE);
            assertTrue(SleepTest.asleep(f, receiver));
            long stalledThen = f.cntStallIn(receiver);
            FabricSnapshot asleep = FabricSnapshot.of(f);
            stepper.step(7, StepLimits.NONE);
            stepper.step(13, StepLimits.NONE);
            long hash = StateHash.of(f);
            long stalled = f.cntStallIn(receiver);
            asleep.restoreInto(f);
            assertEquals(stalledThen, f.cntStallIn(receiver), "restored to what it was owed then");
            stepper.step(20, StepLimits.NONE);
            assertEquals(hash, StateHash.of(f), "restored while asleep, run on in one step");
            assertEquals(stalled, f.cntStallIn(receiver));
            whole.step(40, StepLimits.NONE);
            assertEquals(hash, StateHash.of(once), "the same 40 cycles in one step");
            assertEquals(stalled, once.cntStallIn(receiver));
        }
    }
}
