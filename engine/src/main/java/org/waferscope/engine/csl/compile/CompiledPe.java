package org.waferscope.engine.csl.compile;

import java.util.List;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.ir.SourcePos;

/**
 * A compiled PE program and what the layout's route checks need to know about it.
 *
 * @param program     the intermediate form
 * @param sends       the routable colors it sends on, with where it does so
 * @param localRoutes the routes its comptime blocks set with {@code @set_local_color_config},
 *                    for the layout to give every PE that runs it
 */
public record CompiledPe(PeProgram program, List<ColorUse> sends, List<LocalRoute> localRoutes) {
    public CompiledPe(PeProgram program, List<ColorUse> sends) {
        this(program, sends, List.of());
    }

    /** A color used by a fabout DSD, and the DSD's source position. */
    public record ColorUse(int color, SourcePos pos) {
    }

    /** {@code @set_local_color_config(color, config)}: the config as written, read by the layout's route reader. */
    public record LocalRoute(int color, org.waferscope.engine.csl.value.Value config, SourcePos pos) {
    }
}
