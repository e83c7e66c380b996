package org.waferscope.engine.program;

import java.util.List;
import java.util.Map;

/**
 * run.json after its structure was checked: metadata, the host's param values as text,
 * and the array and step specs with the JSON pointers they came from (for positions).
 */
record RunPlan(String title, String summary, String lesson, String arch, Map<String, String> params,
               Map<String, Located<RunSpec.ArraySpec>> arrays, List<Located<RunSpec.Step>> steps,
               JsonLocator locator, String watch) {

    /** A value and the JSON pointer it was read from. */
    record Located<T>(T value, String pointer) {
    }
}
