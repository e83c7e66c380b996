package org.waferscope.engine.csl.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.csl.compile.CompiledPe;
import org.waferscope.engine.csl.compile.ExportDecl;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.ir.SourcePos;

/** What the layout block has built so far, and where each route was set (for error messages). */
final class LayoutState {
    final ArchProfile profile;
    final String file;
    FabricLayout layout;
    TileCode tiles;
    CompiledPe[] programs;
    final Map<String, ExportDecl> exports = new LinkedHashMap<>();
    final RouteReader routes = new RouteReader();
    private final List<SourcePos> sites = new ArrayList<>();
    private final Map<SourcePos, Integer> siteIndex = new HashMap<>();
    /** Per PE: pairs (color, index of the @set_color_config call that set it). */
    int[][] routeSites;

    LayoutState(ArchProfile profile, String file) {
        this.profile = profile;
        this.file = file;
    }

    void rectangle(int w, int h) {
        layout = new FabricLayout(w, h);
        tiles = new TileCode(w, h);
        routeSites = new int[w * h][];
    }

    private SourcePos lastPos;
    private int lastSite;

    void recordSite(int pe, int color, SourcePos pos) {
        // A loop calls from the same few places: skip the lookup when the call site repeats.
        int site;
        if (pos == lastPos) {
            site = lastSite;
        } else {
            site = siteIndex.computeIfAbsent(pos, p -> {
                sites.add(p);
                return sites.size() - 1;
            });
            lastPos = pos;
            lastSite = site;
        }
        int[] pairs = routeSites[pe];
        if (pairs == null) {
            routeSites[pe] = new int[] {color, site};
            return;
        }
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i] == color) {
                pairs[i + 1] = site;
                return;
            }
        }
        int[] grown = java.util.Arrays.copyOf(pairs, pairs.length + 2);
        grown[pairs.length] = color;
        grown[pairs.length + 1] = site;
        routeSites[pe] = grown;
    }

    /** Where the route of {@code color} at PE {@code pe} was set. */
    SourcePos site(int pe, int color) {
        int[] pairs = routeSites[pe];
        if (pairs != null) {
            for (int i = 0; i < pairs.length; i += 2) {
                if (pairs[i] == color) {
                    return sites.get(pairs[i + 1]);
                }
            }
        }
        return new SourcePos(file, 1, 1);
    }
}
