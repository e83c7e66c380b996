package org.waferscope.engine.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.waferscope.engine.arch.ArchProfile;

/**
 * A compiled PE program: the code a set of PEs runs, specialised for one set of params.
 * Immutable and shared by every PE that runs it; each PE gets its own SRAM image.
 *
 * <p>SRAM holds, from address 0: the data globals ({@link #dataBytes()} bytes, initialised
 * from {@link #dataImage()}), then the stack ({@link #stackBytes()}). Code is charged
 * against the PE's 48 KB as {@code instructions × profile.codeBytesPerInstruction} but not
 * stored per PE.
 *
 * @param name              the program's file name, e.g. {@code pe_program.csl}
 * @param params            the params it was specialised with, as text, for the inspector
 * @param code              instructions, {@link Opcode#WIDTH} ints each
 * @param positions         the source position of each instruction
 * @param functions         functions and task bodies
 * @param tasks             task bindings
 * @param symbols           named globals
 * @param dataImage         initial contents of the data region
 * @param stackBytes        stack reserved above the data
 * @param constants         multi-word constants for {@link Opcode#LOADK}
 * @param formats           simprint formats for {@link Opcode#PRINT}
 * @param exportedFunctions host-visible name to function index, for launches
 * @param inputQueueColors  input queue id to the color it receives
 * @param outputQueues      output queue ids the program sends through
 */
public record PeProgram(
        String name,
        Map<String, String> params,
        int[] code,
        SourcePos[] positions,
        List<FunctionInfo> functions,
        List<TaskDecl> tasks,
        List<Symbol> symbols,
        byte[] dataImage,
        int stackBytes,
        List<int[]> constants,
        List<PrintFormat> formats,
        Map<String, Integer> exportedFunctions,
        Map<Integer, Integer> inputQueueColors,
        Set<Integer> outputQueues) {
    /** The task id the host's launch of an exported function runs under (reserved for memcpy). */
    public static final int LAUNCH_TASK = 30;


    public PeProgram {
        params = Map.copyOf(params);
        functions = List.copyOf(functions);
        tasks = List.copyOf(tasks);
        symbols = List.copyOf(symbols);
        constants = List.copyOf(constants);
        formats = List.copyOf(formats);
        exportedFunctions = Map.copyOf(exportedFunctions);
        inputQueueColors = Map.copyOf(inputQueueColors);
        outputQueues = Set.copyOf(new TreeSet<>(outputQueues));
        if (code.length % Opcode.WIDTH != 0 || positions.length != code.length / Opcode.WIDTH) {
            throw new IllegalArgumentException("code and source map disagree in " + name);
        }
    }

    public int instructionCount() {
        return code.length / Opcode.WIDTH;
    }

    public int dataBytes() {
        return dataImage.length;
    }

    public int codeBytes(ArchProfile profile) {
        return instructionCount() * profile.codeBytesPerInstruction();
    }

    /** SRAM this program occupies on one PE: code, data and stack. */
    public int sramBytes(ArchProfile profile) {
        return codeBytes(profile) + dataBytes() + stackBytes;
    }

    /** Bytes each PE must hold at run time (data and stack; code is shared). */
    public int residentBytes() {
        return dataBytes() + stackBytes;
    }

    public SourcePos position(int pc) {
        return pc >= 0 && pc < positions.length ? positions[pc] : SourcePos.UNKNOWN;
    }

    public Optional<Symbol> symbol(String name) {
        return symbols.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<Symbol> exportedSymbol(String hostName) {
        return symbols.stream().filter(s -> hostName.equals(s.exported())).findFirst();
    }

    public Optional<TaskDecl> task(int id) {
        return tasks.stream().filter(t -> t.id() == id).findFirst();
    }

    /** The function whose code contains {@code pc}, or null. */
    public FunctionInfo functionAt(int pc) {
        FunctionInfo best = null;
        for (FunctionInfo f : functions) {
            if (f.entry() <= pc && (best == null || f.entry() > best.entry())) {
                best = f;
            }
        }
        return best;
    }

    /** Problems that keep this program off a PE of the given profile, in words; empty if none. */
    public List<String> check(ArchProfile profile) {
        List<String> problems = new ArrayList<>();
        if (sramBytes(profile) > profile.sramBytes()) {
            problems.add("program " + name + " needs " + sramBreakdown(profile));
        }
        problems.addAll(problemsBesidesSram(profile));
        return problems;
    }

    /** {@code 61,240 bytes of SRAM (code 1,096 + data 59,948 + stack 196) but a PE has 49,152}. */
    public String sramBreakdown(ArchProfile profile) {
        return String.format("%,d bytes of SRAM (code %,d + data %,d + stack %,d) but a PE has %,d",
                sramBytes(profile), codeBytes(profile), dataBytes(), stackBytes, profile.sramBytes());
    }

    /** As {@link #check}, leaving out whether the program fits in SRAM (the compiler says that at its symbols). */
    public List<String> problemsBesidesSram(ArchProfile profile) {
        List<String> problems = new ArrayList<>();
        Set<Integer> seen = new TreeSet<>();
        for (TaskDecl t : tasks) {
            if (t.id() < 0 || t.id() >= profile.taskIds()) {
                problems.add("task id " + t.id() + " is outside 0.." + (profile.taskIds() - 1));
            } else if (profile.reservedTaskIds().contains(t.id()) && !t.isTeardownHandler()) {
                problems.add("task id " + t.id() + " is reserved for the host-copy machinery");
            } else if (!seen.add(t.id())) {
                problems.add("task id " + t.id() + " is bound twice");
            }
        }
        for (int q : inputQueueColors.keySet()) {
            if (q < 0 || q >= profile.inputQueues()) {
                problems.add("input queue " + q + " does not exist (0.." + (profile.inputQueues() - 1) + ")");
            }
        }
        for (int q : outputQueues) {
            if (q < 0 || q >= profile.outputQueues()) {
                problems.add("output queue " + q + " does not exist (0.." + (profile.outputQueues() - 1) + ")");
            }
        }
        return problems;
    }

    /** One instruction as text, for the inspector and error messages. */
    public String disassemble(int pc) {
        return Disassembler.line(this, pc);
    }
}
