package org.waferscope.engine.fabric;

import java.util.List;

/** A layout the machine cannot run: every problem found, in words naming PEs and colors. */
public final class FabricException extends RuntimeException {
    private final List<String> problems;

    public FabricException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
