package org.waferscope.engine.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.waferscope.engine.api.HostMachine;
import org.waferscope.engine.fabric.FabricSnapshot;
import org.waferscope.engine.program.ProgramLoader;
import org.waferscope.engine.program.WaferProgram;
import org.waferscope.engine.sim.Wafer;

/**
 * What a snapshot and a restore cost the simulating thread with snapshot pieces kept as
 * differences ({@code waferscope.snapshotDeltas=on}) and as copies ({@code off}), both in one
 * JVM, stepped and snapshotted in turns, timed by this thread's CPU time; and what each holds.
 *
 * <pre>
 * java -Xmx10g -cp engine/target/test-classes:engine/target/classes:app/target/waferscope.jar \
 *     org.waferscope.engine.bench.SnapshotCostAB PROGRAM_DIR EVERY ROUNDS [NAME=VALUE ...]
 * </pre>
 *
 * Each round steps both wafers EVERY cycles (host steps included), takes a snapshot of each
 * after its last, restores the one before (a step back) and then the new one (back to the
 * present), all timed, then lets the one before go. The state hashes printed at the end must
 * be equal.
 */
public final class SnapshotCostAB {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private SnapshotCostAB() {
    }

    /** One wafer and its figures. */
    private static final class Side {
        final String name;
        final Wafer wafer;
        Wafer.Snapshot last;
        long snapCpu;
        long restoreCpu;
        int snaps;
        int restores;

        Side(String name, WaferProgram p, boolean deltas) {
            this.name = name;
            this.wafer = Wafer.load(p, 1);
            System.setProperty("waferscope.snapshotDeltas", deltas ? "on" : "off");
            last = wafer.snapshot();   // the store is made now, with or without deltas
            System.clearProperty("waferscope.snapshotDeltas");
        }

        void round(long every) {
            wafer.advance(every, false, false);
            long c0 = MX.getCurrentThreadCpuTime();
            Wafer.Snapshot s = wafer.snapshot(last);
            long c1 = MX.getCurrentThreadCpuTime();
            wafer.restore(last);
            wafer.restore(s);
            long c2 = MX.getCurrentThreadCpuTime();
            snapCpu += c1 - c0;
            restoreCpu += c2 - c1;
            snaps++;
            restores += 2;
            FabricSnapshot.recycle(last.fabric());   // the one before goes, as the explorer's thinning lets them go
            last = s;
        }
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        long every = Long.parseLong(args[1]);
        int rounds = Integer.parseInt(args[2]);
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 3; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            params.put(kv[0], kv[1]);
        }
        WaferProgram p = ProgramLoader.load(folder, ProgramLoader.LoadOptions.DEFAULTS.withParams(params));
        Side deltas = new Side("differences", p, true);
        Side copies = new Side("copies", p, false);
        for (int r = 0; r < rounds; r++) {
            // alternate which goes first, so that neither always finds the caches the other left
            if (r % 2 == 0) {
                deltas.round(every);
                copies.round(every);
            } else {
                copies.round(every);
                deltas.round(every);
            }
        }
        System.out.println("cpu: " + HostMachine.cpu());
        for (Side s : new Side[] {deltas, copies}) {
            System.out.printf(Locale.ROOT, "%-12s %d snapshots: %.3f s CPU each; %d restores: %.3f s CPU each; "
                            + "held %d MB, slabs %d MB, index %d MB; cycle %d, state %016x%n",
                    s.name, s.snaps, s.snapCpu / 1e9 / s.snaps, s.restores, s.restoreCpu / 1e9 / s.restores,
                    FabricSnapshot.heldBytes(s.wafer.fabric()) >> 20, FabricSnapshot.slabBytes(s.wafer.fabric()) >> 20,
                    FabricSnapshot.indexBytes(s.wafer.fabric()) >> 20, s.wafer.cycle(), s.wafer.stateHash());
        }
    }
}
