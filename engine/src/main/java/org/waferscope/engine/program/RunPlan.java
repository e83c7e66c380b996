package org.waferscope.engine.program;

import java.util.List;
import java.util.Map;

/**
 * run.json after its structure was checked: metadata, the host's param values as text,
 * and the array and step specs with the JSON pointers they came from (for positions).
 * {@code sdkLayout} is the layout file an SDK example's build script must name for these
 * host steps to belong to it (null when they are not written for an SDK example).
 */
record RunPlan(String title, String summary, String lesson, String arch, Map<String, String> params,
               Map<String, Located<RunSpec.ArraySpec>> arrays, List<Located<RunSpec.Step>> steps,
               JsonLocator locator, String watch, String sdkLayout) {

    /** A value and the JSON pointer it was read from. */
    record Located<T>(T value, String pointer) {
    }
}
