package org.waferscope.engine.csl.link;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One import of a module file: its names in the flattened program start with {@code prefix}
 * (the import path, as {@code "east_bus."}); {@code params} its params, {@code members} its top-level names and
 * {@code imports} the modules it imports in turn, by the names it gave them.
 */
record ModuleInstance(String prefix, String file, List<String> params, Set<String> members,
                      Map<String, ModuleInstance> imports) {
    /** The name a user sees for this instance: its import path without the last dot. */
    String display() {
        return prefix.substring(0, prefix.length() - 1);
    }
}
