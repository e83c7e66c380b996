package org.waferscope.engine.sim;

import java.util.ArrayList;
import java.util.List;
import org.waferscope.engine.api.ConsoleLine;
import org.waferscope.engine.fabric.Fabric;
import org.waferscope.engine.fabric.PeProbe;
import org.waferscope.engine.ir.FunctionInfo;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.ir.TaskDecl;

/**
 * Which PEs started a task since it was made, in the words a student reads in the source:
 * "step to the next task activation" stops after the first cycle in which any PE started
 * one, and a bare "a task started" left the student guessing which PE and which task. Picking
 * a task takes a PE's whole cycle, so after that cycle the PE sits at the entry of the task it
 * picked, and its running task is that one.
 *
 * <p>Threads: the simulation thread only, between cycles.
 */
final class TaskStarts {
    /** How many PEs the words name before "and n more". */
    private static final int NAMED = 3;

    private final Fabric f;
    private final int[] before;

    /** Takes in how many tasks every PE has started so far. */
    TaskStarts(Fabric f) {
        this.f = f;
        this.before = new int[f.n];
        for (int p = 0; p < f.n; p++) {
            before[p] = PeProbe.tasksStarted(f, p);
        }
    }

    /** The PEs that started a task since this was made, in PE order. */
    List<Integer> pes() {
        List<Integer> out = new ArrayList<>();
        for (int p = 0; p < f.n; p++) {
            if (PeProbe.tasksStarted(f, p) != before[p]) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Says in {@code console}, at {@code cycle}, which PEs started which tasks, on the first
     * PE's line, and returns the words for the status bar.
     */
    String tell(ConsoleLog console, long cycle) {
        List<Integer> pes = pes();
        String words = describe(pes);
        int p = pes.isEmpty() ? -1 : pes.get(0);
        int x = p < 0 ? -1 : p % f.width;
        int y = p < 0 ? -1 : p / f.width;
        // the console shows the line's PE in a column of its own: the text does not name it again
        String named = "PE (" + x + ", " + y + ") ";
        console.add(cycle, ConsoleLine.Kind.HOST, x, y, words.startsWith(named) ? words.substring(named.length()) : words);
        return words;
    }

    /**
     * One line: "PE (1, 0) started task recv (id 3, color 3)", the first few PEs named,
     * and how many more; "no task started" when none did.
     */
    String describe(List<Integer> pes) {
        if (pes.isEmpty()) {
            return "no task started";
        }
        List<String> named = new ArrayList<>();
        for (int i = 0; i < Math.min(NAMED, pes.size()); i++) {
            int p = pes.get(i);
            named.add("PE (" + p % f.width + ", " + p / f.width + ") started " + task(p));
        }
        String more = pes.size() > NAMED ? "; and " + (pes.size() - NAMED) + " more PEs started tasks" : "";
        return String.join("; ", named) + more;
    }

    /** "task recv (id 3, color 3)": the running task's name as in the source, its id and what activates it. */
    private String task(int p) {
        int id = PeProbe.runningTask(f, p);
        PeProgram prog = PeProbe.program(f, p);
        if (id < 0 || prog == null) {
            return "a task";
        }
        TaskDecl d = prog.task(id).orElse(null);
        String name = d != null ? prog.functions().get(d.function()).name() : entered(prog, PeProbe.nextPc(f, p));
        String bound;
        if (d == null) {
            bound = id == PeProgram.LAUNCH_TASK ? "launched by the host" : "?";
        } else {
            bound = switch (d.kind()) {
                case DATA -> d.color() >= 0 ? "color " + d.color() : "queue " + d.queue();
                case CONTROL -> "control wavelet";
                case LOCAL -> d.isTeardownHandler() ? "teardown of color " + d.color() : "local";
            };
        }
        return "task " + name + " (id " + id + ", " + bound + ")";
    }

    /** The function whose entry is {@code pc} (the host-launched function has no task binding of its own). */
    private static String entered(PeProgram prog, int pc) {
        for (FunctionInfo fn : prog.functions()) {
            if (fn.entry() == pc) {
                return fn.name();
            }
        }
        return "?";
    }
}
