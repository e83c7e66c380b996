package org.waferscope.engine.csl.layout;

import java.util.List;
import java.util.Map;
import org.waferscope.engine.csl.compile.ExportDecl;
import org.waferscope.engine.fabric.FabricLayout;

/**
 * What a layout file evaluates to.
 *
 * @param layout  routes and tile code of every PE
 * @param params  the layout params used, as text
 * @param exports the layout's {@code @export_name}s by name
 * @param files   the PE program files used
 */
public record LayoutResult(FabricLayout layout, Map<String, String> params, Map<String, ExportDecl> exports,
                           List<String> files) {
}
