package org.waferscope.engine.fabric;

import java.util.ArrayList;
import java.util.List;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.host.HostArray;
import org.waferscope.engine.host.PeRectangle;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.ir.Symbol;

/**
 * What the host can do to the fabric between cycles: copy into and out of exported
 * symbols (copy mode), stream wavelets in and collect them out (streaming mode), and launch
 * exported functions. Called only while no cycle runs.
 */
public final class HostPort {
    private final Fabric f;

    public HostPort(Fabric fabric) {
        this.f = fabric;
    }

    /** Writes {@code array} into symbol {@code name} over the rectangle. */
    public void writeSymbol(String name, PeRectangle r, HostArray array) {
        checkRectangle(r);
        if (array.length() < r.totalElements()) {
            throw new HostException("array " + array.name() + " has " + array.length() + " elements; copying into "
                    + name + " over " + r.width() + "x" + r.height() + " PEs needs " + r.totalElements());
        }
        for (int py = 0; py < r.height(); py++) {
            for (int px = 0; px < r.width(); px++) {
                int p = f.pe(r.x() + px, r.y() + py);
                Symbol s = exported(p, name, r.elementsPerPe());
                if (!s.mutable()) {
                    throw new HostException("symbol " + name + " is exported read-only");
                }
                byte[] m = f.sram[p];
                f.touch(p);
                for (int k = 0; k < r.elementsPerPe(); k++) {
                    int v = convert(array.bits()[r.index(px, py, k)], array.type(), s.type());
                    Sram.write(m, s.address() + k * s.type().bytes, s.type(), v);
                }
                f.wakeIfSleeping(p);
            }
        }
    }

    /** Reads symbol {@code name} over the rectangle into a new host array. */
    public HostArray readSymbol(String name, PeRectangle r, String arrayName) {
        checkRectangle(r);
        int[] out = new int[r.totalElements()];
        ElementType type = null;
        for (int py = 0; py < r.height(); py++) {
            for (int px = 0; px < r.width(); px++) {
                int p = f.pe(r.x() + px, r.y() + py);
                Symbol s = exported(p, name, r.elementsPerPe());
                type = s.type();
                for (int k = 0; k < r.elementsPerPe(); k++) {
                    out[r.index(px, py, k)] = Sram.read(f.sram[p], s.address() + k * s.type().bytes, s.type());
                }
            }
        }
        return new HostArray(arrayName, type, new int[] {out.length}, out);
    }

    /** Starts exported function {@code name} on every PE that exports it; returns how many. */
    public int launch(String name) {
        return launch(name, java.util.List.of());
    }

    /**
     * Starts exported function {@code name} with {@code args} in its argument slots on every
     * PE that exports it; returns how many.
     */
    public int launch(String name, java.util.List<Integer> args) {
        if (args.size() > Fabric.MAX_LAUNCH_ARGS) {
            throw new HostException("a launch passes at most " + Fabric.MAX_LAUNCH_ARGS + " arguments");
        }
        java.util.Arrays.fill(f.released, (byte) 0);
        int count = 0;
        for (int p = 0; p < f.n; p++) {
            PeProgram prog = f.programOf(p);
            if (prog == null) {
                continue;
            }
            Integer fn = prog.exportedFunctions().get(name);
            if (fn != null) {
                f.launchFn[p] = fn;
                for (int k = 0; k < args.size(); k++) {
                    f.launchArgs[p * Fabric.MAX_LAUNCH_ARGS + k] = args.get(k);
                }
                Fabric.activate(f, p);
                count++;
            }
        }
        if (count == 0) {
            throw new HostException("no PE exports a function named " + name);
        }
        return count;
    }

    /** True while some PE has work or a wavelet is in flight. */
    public boolean fabricBusy() {
        return f.anyActive();
    }

    /** PEs that have released the command stream since their last launch. */
    public int releasedCount() {
        // Each byte is 0 or 1, so a word's set bits count its released PEs: the host asks
        // this after every step, and at full wafer a byte at a time was a sweep of its own.
        byte[] r = f.released;
        int c = 0;
        int i = 0;
        for (; i + 8 <= r.length; i += 8) {
            c += Long.bitCount((long) WORD.get(r, i));
        }
        for (; i < r.length; i++) {
            c += r[i];
        }
        return c;
    }

    private static final java.lang.invoke.VarHandle WORD = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** Wavelets the host still has to stream in. */
    public long pendingInjections() {
        long n = 0;
        for (int p = 0; p < f.n; p++) {
            if (f.hostIn[p] != null) {
                n += f.hostIn[p].length - f.hostInPos[p];
            }
        }
        return n;
    }

    /** Wavelets a stream-out still waits for. */
    public long pendingCollections() {
        long n = 0;
        for (int p = 0; p < f.n; p++) {
            if (f.hostOut[p] != null) {
                n += f.hostOut[p].length - f.hostOutCount[p];
            }
        }
        return n;
    }

    /** PEs launched but not yet released, for reports. */
    public List<Integer> unreleased(int max) {
        List<Integer> out = new ArrayList<>();
        for (int p = 0; p < f.n && out.size() < max; p++) {
            if (f.peProgram[p] >= 0 && f.released[p] == 0 && everLaunched(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private boolean everLaunched(int p) {
        return f.launchFn[p] >= 0 || f.tasksRun(p) > 0;
    }

    /** Queues each PE's share of {@code array} to arrive as wavelets of {@code color}, one per cycle. */
    public int streamIn(int color, PeRectangle r, HostArray array) {
        checkRectangle(r);
        if (array.length() < r.totalElements()) {
            throw new HostException("array " + array.name() + " is too short to stream over the rectangle");
        }
        for (int py = 0; py < r.height(); py++) {
            for (int px = 0; px < r.width(); px++) {
                int p = f.pe(r.x() + px, r.y() + py);
                if (f.peProgram[p] < 0 || f.tables[f.peProgram[p]].colorQueue[color] < 0) {
                    throw new HostException("PE (" + (r.x() + px) + ", " + (r.y() + py) + ") receives nothing on color "
                            + color + ", so it cannot be streamed to");
                }
                int[] mine = new int[r.elementsPerPe()];
                for (int k = 0; k < mine.length; k++) {
                    int bits = array.bits()[r.index(px, py, k)];
                    // an f16 travels as its 16 half-precision bits, as the SDK's 16-bit streams carry it
                    mine[k] = array.type() == ElementType.F16 ? DsdExecutor.toWire(bits, ElementType.F16) : bits;
                }
                f.hostIn[p] = mine;
                f.hostInPos[p] = 0;
                f.hostInColor[p] = color;
                Fabric.activate(f, p);
            }
        }
        return r.totalElements();
    }

    /** Starts collecting what the rectangle sends on {@code color}. */
    public int startStreamOut(int color, PeRectangle r) {
        checkRectangle(r);
        for (int py = 0; py < r.height(); py++) {
            for (int px = 0; px < r.width(); px++) {
                int p = f.pe(r.x() + px, r.y() + py);
                f.hostOut[p] = new int[r.elementsPerPe()];
                f.hostOutCount[p] = 0;
                f.hostOutColor[p] = color;
                takeFromPath(p, color);
                Fabric.activate(f, p);
            }
        }
        return r.totalElements();
    }

    /** A new stream-out first collects what already waits on the PE's memcpy path in its color. */
    private void takeFromPath(int p, int color) {
        int held = f.hostPathCount[p];
        if (held == 0 || f.hostPathColor[p] != color) {
            return;
        }
        int base = p * Fabric.HOST_PATH_DEPTH;
        int take = Math.min(held, f.hostOut[p].length);
        System.arraycopy(f.hostPath, base, f.hostOut[p], 0, take);
        f.hostOutCount[p] = take;
        System.arraycopy(f.hostPath, base + take, f.hostPath, base, held - take);
        java.util.Arrays.fill(f.hostPath, base + held - take, base + held, 0);
        f.hostPathCount[p] = held - take;
    }

    /** Ends a stream-out and returns what was collected. */
    public HostArray finishStreamOut(PeRectangle r, String arrayName, ElementType type) {
        int[] out = new int[r.totalElements()];
        for (int py = 0; py < r.height(); py++) {
            for (int px = 0; px < r.width(); px++) {
                int p = f.pe(r.x() + px, r.y() + py);
                for (int k = 0; k < r.elementsPerPe(); k++) {
                    out[r.index(px, py, k)] = DsdExecutor.fromWire(f.hostOut[p][k], type);
                }
                f.hostOut[p] = null;
            }
        }
        return new HostArray(arrayName, type, new int[] {out.length}, out);
    }

    /** The symbols of the name last asked for, per program: a copy over a rectangle asks for one name at every PE. */
    private final java.util.Map<PeProgram, Symbol> lastSymbols = new java.util.IdentityHashMap<>();
    private String lastName;

    private Symbol exported(int p, String name, int elements) {
        PeProgram prog = f.programOf(p);
        if (prog == null) {
            throw new HostException(at(p) + " has no program, so it has no symbol " + name);
        }
        if (!name.equals(lastName)) {
            lastSymbols.clear();
            lastName = name;
        }
        Symbol s = lastSymbols.get(prog);
        if (s == null) {
            s = prog.exportedSymbol(name).orElseThrow(
                    () -> new HostException(at(p) + " does not export a symbol named " + name));
            lastSymbols.put(prog, s);
        }
        if (elements > s.length()) {
            throw new HostException("symbol " + name + " holds " + s.length() + " elements per PE, not " + elements);
        }
        return s;
    }

    private String at(int p) {
        return "PE (" + (p % f.width) + ", " + (p / f.width) + ")";
    }

    private void checkRectangle(PeRectangle r) {
        if (r.x() < 0 || r.y() < 0 || r.x() + r.width() > f.width || r.y() + r.height() > f.height) {
            throw new HostException("rectangle at (" + r.x() + ", " + r.y() + ") of " + r.width() + "x" + r.height()
                    + " is outside the " + f.width + "x" + f.height + " fabric");
        }
    }

    private static int convert(int bits, ElementType from, ElementType to) {
        return from == to ? bits : Alu.convert(bits, from, to);
    }
}
