package org.waferscope.engine.csl.eval;

import java.util.Arrays;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.ir.SourcePos;

/**
 * A block's names, chained to the enclosing block's. CSL forbids shadowing, and so do we.
 * Blocks declare few names and a layout loop creates a scope per iteration, so names are
 * kept in small arrays rather than a hash map; each name's hash sits beside it, so a
 * lookup compares ints and reads a name only when its hash matches (a full-wafer layout
 * looks names up tens of millions of times, most of them misses on the way to a global).
 * A 64-bit filter of its names' hashes lets a lookup pass a scope that cannot hold the
 * name without reading its arrays, so a miss through a chain of four scopes is four tests.
 */
public final class Scope {
    private final Scope parent;
    private static final String[] NO_NAMES = {};
    private static final int[] NO_HASHES = {};
    private static final Binding[] NO_BINDINGS = {};

    // Most blocks of a layout loop (an if's body) declare nothing: arrays come with the first name.
    private String[] names = NO_NAMES;
    private int[] hashes = NO_HASHES;
    private Binding[] bindings = NO_BINDINGS;
    private int count;
    /** Bit (hash & 63) of each of this scope's names: a clear bit means the name is not here. */
    private long filter;

    public Scope(Scope parent) {
        this.parent = parent;
    }

    /** A scope that will hold {@code names} names: its arrays are made once, at their size. */
    private Scope(Scope parent, int names) {
        this.parent = parent;
        if (names > 0) {
            this.names = new String[names];
            this.hashes = new int[names];
            this.bindings = new Binding[names];
        }
    }

    public Scope child() {
        return new Scope(this);
    }

    /** A child scope with room for {@code names} names (a block's declarations, counted beforehand). */
    public Scope child(int names) {
        return new Scope(this, names);
    }

    public Binding lookup(String name) {
        return lookup(name, name.hashCode());
    }

    /** As {@link #lookup(String)}, with the name's hash already known. */
    public Binding lookup(String name, int h) {
        long bit = 1L << h;
        for (Scope s = this; s != null; s = s.parent) {
            if ((s.filter & bit) == 0) {
                continue;
            }
            int[] hs = s.hashes;
            for (int i = 0; i < s.count; i++) {
                if (hs[i] == h && s.names[i].equals(name)) {
                    if (s.bindings[i] instanceof Binding.Poisoned p) {
                        throw p.cause();
                    }
                    return s.bindings[i];
                }
            }
        }
        return null;
    }

    public void define(String name, Binding b, SourcePos pos) {
        if (lookup(name) != null) {
            throw new CslError(pos, "'" + name + "' is already declared in this scope (CSL does not allow shadowing)");
        }
        add(name, b);
    }

    /**
     * Marks a local whose declaration failed with {@code cause}: later uses rethrow that
     * error (reported once) instead of adding "unknown name" errors. A name already declared
     * (the failure came after its definition) keeps its binding.
     */
    public void poison(String name, CslError cause) {
        try {
            if (lookup(name) != null) {
                return;
            }
        } catch (CslError alreadyPoisoned) {
            return;
        }
        add(name, new Binding.Poisoned(cause));
    }

    /**
     * Binds this scope's latest name to {@code b} instead: a replayed loop's probes see each
     * trip's index through one scope rather than a new one per trip.
     */
    void rebindLatest(Binding b) {
        bindings[count - 1] = b;
    }

    /** Every name this scope and those around it declare, for a misspelt name's "did you mean". */
    public java.util.List<String> names() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (Scope s = this; s != null; s = s.parent) {
            out.addAll(Arrays.asList(s.names).subList(0, s.count));
        }
        return out;
    }

    private void add(String name, Binding b) {
        if (count == names.length) {
            int grown = Math.max(4, count * 2);
            names = Arrays.copyOf(names, grown);
            hashes = Arrays.copyOf(hashes, grown);
            bindings = Arrays.copyOf(bindings, grown);
        }
        names[count] = name;
        hashes[count] = name.hashCode();
        filter |= 1L << hashes[count];
        bindings[count++] = b;
    }
}
