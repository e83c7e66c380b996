package org.waferscope.engine.csl.link;

import java.util.ArrayDeque;
import java.util.Deque;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.ir.SourcePos;

/**
 * Where an imported file is. As cslc does, a module path is relative to the folder of the file
 * that imports it: {@code "memcpy_edge.csl"} imported by {@code memcpy_edge/west.csl} is
 * {@code memcpy_edge/memcpy_edge.csl}. {@code ..} may climb above the program's folder; whether
 * the result may be read is the program source's decision.
 */
public final class ModulePath {
    private ModulePath() {
    }

    /** True when {@code spec} names a file of the program, or a library written in CSL ({@link CslLibraries}), rather than a built-in library such as {@code <time>}. */
    public static boolean isUserModule(String spec) {
        return !spec.startsWith("<") || CslLibraries.isBundled(spec);
    }

    /** {@code spec} resolved against the folder of {@code importer}, with {@code .} and {@code a/..} removed. */
    public static String resolve(String importer, String spec, SourcePos at) {
        if (CslLibraries.isBundled(spec)) {
            return spec;
        }
        if (spec.isEmpty() || spec.startsWith("/") || spec.contains("\\") || spec.contains(":")) {
            throw new CslError(at, "a module path is relative to the importing file, such as \"util.csl\" or "
                    + "\"../lib/util.csl\"; not \"" + spec + "\"");
        }
        if (!spec.endsWith(".csl")) {
            throw new CslError(at, "a module is a .csl file; \"" + spec + "\" is not (library modules are "
                    + "written in angle brackets, as \"<time>\")");
        }
        int slash = importer.lastIndexOf('/');
        String joined = (slash < 0 ? "" : importer.substring(0, slash + 1)) + spec;
        Deque<String> parts = new ArrayDeque<>();
        for (String p : joined.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
                parts.removeLast();
            } else {
                parts.addLast(p);
            }
        }
        return String.join("/", parts);
    }
}
