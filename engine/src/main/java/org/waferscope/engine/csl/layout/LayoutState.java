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
import org.waferscope.engine.fabric.PePairs;
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
    PePairs routeSites;

    LayoutState(ArchProfile profile, String file) {
        this.profile = profile;
        this.file = file;
    }

    void rectangle(int w, int h) {
        layout = new FabricLayout(w, h);
        layout.beginFabricState(); // at full wafer, on the second core while the layout block runs
        tiles = new TileCode(w, h);
        routeSites = new PePairs(w * h);
    }

    /** The latest call sites and their indexes: a loop's body calls from a handful of places. */
    private final SourcePos[] recentPos = new SourcePos[8];
    private final int[] recentSite = new int[8];
    private int nextRecent;

    void recordSite(int pe, int color, SourcePos pos) {
        routeSites.put(pe, color, site(pos));
    }

    private int site(SourcePos pos) {
        for (int k = 0; k < recentPos.length; k++) {
            if (recentPos[k] == pos) {
                return recentSite[k];
            }
        }
        Integer known = siteIndex.get(pos);
        int site = known != null ? known : sites.size();
        if (known == null) {
            sites.add(pos);
            siteIndex.put(pos, site);
        }
        recentPos[nextRecent] = pos;
        recentSite[nextRecent] = site;
        nextRecent = (nextRecent + 1) % recentPos.length;
        return site;
    }

    /** Where the route of {@code color} at PE {@code pe} was set. */
    SourcePos site(int pe, int color) {
        int site = routeSites.value(pe, color, -1);
        return site >= 0 ? sites.get(site) : new SourcePos(file, 1, 1);
    }
}
