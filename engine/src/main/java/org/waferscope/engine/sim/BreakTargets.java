package org.waferscope.engine.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.waferscope.engine.api.BreakCondition;
import org.waferscope.engine.api.Breakpoint;
import org.waferscope.engine.fabric.Fabric;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.ir.SourcePos;
import org.waferscope.engine.ir.Symbol;
import org.waferscope.engine.program.WaferProgram;

/**
 * Says which breakpoints can never fire in the loaded program, and why: a file no PE runs,
 * a line with no code, a task, symbol or host step the program does not have, a PE off the
 * fabric. A breakpoint that can never fire is kept (the user may mend it) but costs nothing:
 * the watch leaves it out.
 */
public final class BreakTargets {
    private final List<PeProgram> programs;
    private final int width;
    private final int height;
    private final int hostSteps;
    /** Per file a PE runs, its lines with code; made at the first line breakpoint asked about (the programs do not change). */
    private Map<String, TreeSet<Integer>> codeLines;

    BreakTargets(Fabric f, int hostSteps) {
        this(programsOf(f), f.width, f.height, hostSteps);
    }

    private BreakTargets(List<PeProgram> programs, int width, int height, int hostSteps) {
        this.programs = List.copyOf(programs);
        this.width = width;
        this.height = height;
        this.hostSteps = hostSteps;
    }

    /** The targets of a loaded program (for the explorer's Breakpoints tab, before any wafer exists). */
    public static BreakTargets of(WaferProgram p) {
        return new BreakTargets(p.layout().programs(), p.layout().width(), p.layout().height(), p.steps().size());
    }

    private static List<PeProgram> programsOf(Fabric f) {
        List<PeProgram> out = new ArrayList<>();
        for (int i = 0; i < f.programCount(); i++) {
            out.add(f.program(i));
        }
        return out;
    }

    /** A line breakpoint this program can stop at, as a form to type: "FILE:LINE" (null without code). */
    public String example() {
        for (PeProgram p : programs) {
            int n = p.instructionCount();
            if (n > 0) {
                return p.position(n / 2).file() + ":" + p.position(n / 2).line();
            }
        }
        return null;
    }

    /** Why {@code b} can never fire here, or null when it can. */
    public String problem(Breakpoint b) {
        if (b.pe() != null && (b.pe().x() < 0 || b.pe().y() < 0 || b.pe().x() >= width || b.pe().y() >= height)) {
            return "there is no PE " + b.pe() + " on this " + width + "x" + height + " fabric";
        }
        if (b instanceof Breakpoint.Line l) {
            String p = line(l.file(), l.line());
            return p != null ? p : condition(l.condition(), null);
        } else if (b instanceof Breakpoint.TaskStart t && t.task() >= 0 && !hasTask(t.task())) {
            return "no PE program has task " + t.task() + " (its tasks: " + tasks() + ")";
        } else if (b instanceof Breakpoint.SymbolWritten s) {
            return symbol(s.symbol()) == null ? noSymbol(s.symbol()) : condition(s.condition(), s.symbol());
        } else if (b instanceof Breakpoint.HostStep h && h.step() > hostSteps) {
            return "the host has " + hostSteps + " step(s) (run.json), so there is no step " + h.step();
        } else if (b instanceof Breakpoint.WaveletArrives w && w.color() >= 24) {
            return "there are colors 0 to 23, not " + w.color();
        }
        return null;
    }

    /** The problems of every breakpoint, each as "breakpoint SPEC: why". */
    public List<String> problems(List<Breakpoint> all) {
        List<String> out = new ArrayList<>();
        for (Breakpoint b : all) {
            String p = problem(b);
            if (p != null) {
                out.add("breakpoint " + b.describe() + " can never stop: " + p);
            }
        }
        return out;
    }

    private String line(String file, int line) {
        if (codeLines == null) {
            codeLines = new TreeMap<>();
            for (PeProgram p : programs) {
                for (int pc = 0; pc < p.instructionCount(); pc++) {
                    SourcePos pos = p.position(pc);
                    codeLines.computeIfAbsent(pos.file(), f -> new TreeSet<>()).add(pos.line());
                }
            }
        }
        TreeSet<Integer> lines = codeLines.get(file);
        if (lines == null) {
            return "no PE runs " + file + " (the PEs run " + String.join(", ", codeLines.keySet()) + ")";
        }
        if (!lines.contains(line)) {
            Integer before = lines.floor(line);
            Integer after = lines.ceiling(line);
            return file + " has no code on line " + line + " (the nearest with code: "
                    + (before == null ? "" : before + (after == null ? "" : ", ")) + (after == null ? "" : after) + ")";
        }
        return null;
    }

    private String condition(String text, String symbol) {
        if (text == null || text.isBlank()) {
            return null;
        }
        BreakCondition c;
        try {
            c = BreakCondition.parse(text, symbol);
        } catch (IllegalArgumentException e) {
            return null; // the watch says so, and stops without the condition
        }
        Symbol s = symbol(c.symbol());
        if (s == null) {
            return "its condition reads " + c.symbol() + ", and " + noSymbol(c.symbol());
        }
        return c.index() < s.length() ? null
                : c.symbol() + " has " + s.length() + " element(s), so there is no [" + c.index() + "]";
    }

    private Symbol symbol(String name) {
        for (PeProgram p : programs) {
            Symbol s = p.symbol(name).orElse(null);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    private static String noSymbol(String name) {
        return "no PE program has a variable named " + name;
    }

    private boolean hasTask(int id) {
        for (PeProgram p : programs) {
            if (p.task(id).isPresent() || id == PeProgram.LAUNCH_TASK && !p.exportedFunctions().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private String tasks() {
        TreeSet<Integer> ids = new TreeSet<>();
        for (PeProgram p : programs) {
            p.tasks().forEach(t -> ids.add(t.id()));
            if (!p.exportedFunctions().isEmpty()) {
                ids.add(PeProgram.LAUNCH_TASK);
            }
        }
        return ids.isEmpty() ? "none" : ids.toString().replaceAll("[\\[\\]]", "");
    }
}
