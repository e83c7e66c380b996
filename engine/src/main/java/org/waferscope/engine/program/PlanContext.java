package org.waferscope.engine.program;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.Diagnostics;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.ir.SourcePos;

/** What turning run.json into host arrays and steps needs: the plan, the params, the layout, the folder. */
record PlanContext(RunPlan plan, Map<String, String> params, FabricLayout layout, ProgramSource source,
                   Diagnostics diags) {

    SourcePos at(String pointer) {
        return plan.locator().at(pointer);
    }

    /** A number, or a string with an integer expression over the layout params. */
    long integer(JsonNode n, String ptr) {
        if (n == null) {
            throw new CslError(at(ptr), "a number is missing here");
        }
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            return n.asLong();
        }
        if (n.isTextual()) {
            try {
                return ParamExpr.eval(n.asText(), params);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new CslError(at(ptr), e.getMessage() == null ? "integer overflow" : e.getMessage());
            }
        }
        throw new CslError(at(ptr), "expected an integer, or a string with an expression over the params such as \"M / k\"");
    }

    int integerIn(JsonNode n, String ptr, long lo, long hi, String what) {
        long v = integer(n, ptr);
        if (v < lo || v > hi) {
            throw new CslError(at(ptr), what + " must be in " + lo + ".." + hi + ", not " + v);
        }
        return (int) v;
    }

    /** A transpose's axes; JSON lets a list hold nulls, which are no axes. */
    int[] axes(List<Integer> list, String ptr) {
        if (list.size() > 8) {
            throw new CslError(at(ptr), "transpose takes at most 8 axes");
        }
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            Integer a = list.get(i);
            if (a == null) {
                throw new CslError(at(ptr + "/" + i), "transpose axes are integers such as [1, 0], not null");
            }
            out[i] = a;
        }
        return out;
    }

    int[] dims(List<JsonNode> list, String ptr) {
        if (list.size() > 8) {
            throw new CslError(at(ptr), "at most 8 dimensions");
        }
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = integerIn(list.get(i), ptr + "/" + i, -1, NdArray.MAX_ELEMENTS, "a dimension");
        }
        return out;
    }
}
