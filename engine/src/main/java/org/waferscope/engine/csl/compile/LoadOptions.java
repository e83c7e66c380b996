package org.waferscope.engine.csl.compile;

import java.util.Map;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.csl.value.ValueOps;
import org.waferscope.engine.ir.Dsd;
import org.waferscope.engine.ir.SourcePos;

/**
 * The options of {@code @load_to_dsr}, turned into flag bits of the register's word 0.
 * {@code .save_address = true} lets a memory DSD move on after each operation. On a fabric DSD,
 * {@code .async = true} with {@code .activate} and/or {@code .unblock} makes the register carry
 * a completion task: an asynchronous operation that uses the register activates (unblocks) it
 * when it finishes, as the SDK's libraries load a send or a receive with its callback and then
 * start it with a bare {@code .{ .async = true }}. {@code .ut_id} names the WSE-3 microthread,
 * which changes nothing here (each asynchronous operation has one of its own).
 */
final class LoadOptions {
    private LoadOptions() {
    }

    static int word0Flags(Unit u, Value.StructVal st, CslType dsdType, SourcePos pos) {
        boolean save = false;
        boolean async = false;
        Value.TaskIdVal activate = null;
        Value.TaskIdVal unblock = null;
        for (Map.Entry<String, Value> e : st.fields().entrySet()) {
            switch (e.getKey()) {
                case "save_address" -> save = ValueOps.bool(e.getValue(), ".save_address", pos);
                case "async" -> async = ValueOps.bool(e.getValue(), ".async", pos);
                case "activate", "unblock" -> {
                    if (!(DsdOps.boundId(u, e.getValue()) instanceof Value.TaskIdVal id)) {
                        throw new CslError(pos, "." + e.getKey() + " must be a task or a task id, not "
                                + ValueOps.describe(e.getValue()));
                    }
                    if (e.getKey().equals("activate")) {
                        activate = id;
                    } else {
                        unblock = id;
                    }
                }
                case "ut_id" -> {
                    if (!(e.getValue() instanceof Value.IntVal ut) || ut.type() != CslType.UT_ID) {
                        throw new CslError(pos, ".ut_id must be a microthread from @get_ut_id(n), not "
                                + ValueOps.describe(e.getValue()));
                    }
                }
                default -> throw new CslError(pos, "@load_to_dsr has no option ." + e.getKey()
                        + "; expected .save_address, or .async with .activate, .unblock, .ut_id");
            }
        }
        boolean fabric = dsdType == CslType.FABIN_DSD || dsdType == CslType.FABOUT_DSD;
        if (save && dsdType != CslType.MEM1D_DSD) {
            throw new CslError(pos, ".save_address applies to a mem1d_dsd, not a " + dsdType);
        }
        if ((activate != null || unblock != null) && !async) {
            throw new CslError(pos, ".activate and .unblock on @load_to_dsr need .async = true");
        }
        if (async && !fabric) {
            throw new CslError(pos, "an asynchronous @load_to_dsr loads a fabin_dsd or fabout_dsd, not a " + dsdType);
        }
        if (activate != null && unblock != null && activate.id() != unblock.id()) {
            throw new CslError(pos, "Waferscope's registers carry one completion task: .activate and .unblock "
                    + "must name the same one");
        }
        int flags = save ? Dsd.FLAG_SAVE_ADDRESS : 0;
        if (async && (activate != null || unblock != null)) {
            int id = (activate != null ? activate : unblock).id();
            flags |= Dsd.registerAsync(id, activate != null, unblock != null);
        }
        return flags;
    }
}
