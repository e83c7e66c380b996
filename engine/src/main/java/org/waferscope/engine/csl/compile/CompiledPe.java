package org.waferscope.engine.csl.compile;

import java.util.List;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.ir.SourcePos;

/**
 * A compiled PE program and what the layout's route checks need to know about it.
 *
 * @param program the intermediate form
 * @param sends   the routable colors it sends on, with where it does so
 */
public record CompiledPe(PeProgram program, List<ColorUse> sends) {
    /** A color used by a fabout DSD, and the DSD's source position. */
    public record ColorUse(int color, SourcePos pos) {
    }
}
