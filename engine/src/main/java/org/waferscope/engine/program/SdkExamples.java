package org.waferscope.engine.program;

import org.waferscope.engine.csl.Diagnostics;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.ir.SourcePos;

/** Checks that tie an SDK example folder's build options to its host steps and its layout. */
final class SdkExamples {
    private SdkExamples() {
    }

    /** The build script the options came from, for positions. */
    static String script(SdkCommands c) {
        return "wse3".equalsIgnoreCase(c.arch()) ? "commands_wse3.sh" : "commands_wse2.sh";
    }

    /** Host steps written for an SDK example name its layout file; refuse them for a folder that builds another. */
    static void checkBelongs(RunPlan plan, SdkCommands c, Diagnostics diags) {
        if (plan.sdkLayout() != null && !plan.sdkLayout().equals(c.layout())) {
            diags.error(plan.locator().at("/sdk_layout"), "these host steps were written for an example whose layout is "
                    + plan.sdkLayout() + ", but " + script(c) + " compiles " + c.layout()
                    + "; write a run.json beside it for this folder");
        }
    }

    /** The program rectangle, placed at --fabric-offsets, must lie inside --fabric-dims, as cslc requires. */
    static void checkFits(FabricLayout layout, SdkCommands c, Diagnostics diags) {
        if (c.fabricWidth() <= 0 || c.fabricHeight() <= 0) {
            return;
        }
        if (c.offsetX() + layout.width() > c.fabricWidth() || c.offsetY() + layout.height() > c.fabricHeight()) {
            diags.error(new SourcePos(script(c), 1, 1), "the " + layout.width() + "x" + layout.height()
                    + " program rectangle at offset (" + c.offsetX() + ", " + c.offsetY() + ") does not fit the "
                    + c.fabricWidth() + "x" + c.fabricHeight() + " fabric that --fabric-dims gives");
        }
    }
}
