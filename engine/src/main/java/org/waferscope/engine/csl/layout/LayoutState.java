package org.waferscope.engine.csl.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.csl.compile.CompiledPe;
import org.waferscope.engine.csl.compile.ExportDecl;
import org.waferscope.engine.fabric.ColorConfig;
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
    /**
     * Per PE: pairs (color, index of the @set_color_config call that set it), only where that
     * call is not the route's usual site ({@link #usualSites}). Writing a pair at every route
     * of a full wafer cost as much as setting the route itself.
     */
    PePairs routeSites;
    /**
     * Per color, per config index: 1 + the call site that first set that route, or 0. A
     * layout sets each of its configs from one call almost always; a route set from another
     * site is kept in {@link #routeSites}.
     */
    private int[][] usualSites = new int[0][];
    /** Colors from here on (none a profile routes) keep every site in {@link #routeSites}. */
    private static final int MAX_USUAL_COLOR = 256;
    /** Pairs written to {@link #routeSites}: while none is, no route can have an entry there to replace. */
    private int unusual;

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

    /** Routes {@code color} at PE (x, y) by {@code config}, noting {@code pos} as where it was set; returns the config's index. */
    int route(int x, int y, int color, ColorConfig config, SourcePos pos) {
        int index = layout.setColorConfig(x, y, color, config);
        noteSite(y * layout.width() + x, color, index, site(pos));
        return index;
    }

    /** As {@link #route(int, int, int, ColorConfig, SourcePos)}, given the config's index and the site's {@link #siteNumber}. */
    void route(int x, int y, int color, int configIndex, int site) {
        layout.setColorConfig(x, y, color, configIndex);
        noteSite(y * layout.width() + x, color, configIndex, site);
    }

    /** The number of the call site at {@code pos}, as {@link #route} notes it. */
    int siteNumber(SourcePos pos) {
        return site(pos);
    }

    private void noteSite(int pe, int color, int index, int site) {
        boolean usual = color >= 0 && color < MAX_USUAL_COLOR && site == usualSite(index, color, site);
        if (!usual || unusual > 0 && routeSites.value(pe, color, -1) >= 0) {
            routeSites.put(pe, color, site);
            unusual++;
        }
    }

    /**
     * Sets {@code color}'s route at PE {@code pe} to {@code config} where the layout block set
     * another (the route checker's trims), keeping the site of the route it replaces.
     */
    void replaceRoute(int pe, int color, ColorConfig config) {
        int site = siteIndex(pe, color);
        layout.setColorConfig(pe % layout.width(), pe / layout.width(), color, config);
        if (site >= 0) {
            routeSites.put(pe, color, site);
            unusual++;
        }
    }

    /** The usual site of routes by config {@code index} on {@code color}: {@code site} if it has none yet. */
    private int usualSite(int index, int color, int site) {
        if (color >= usualSites.length) {
            usualSites = java.util.Arrays.copyOf(usualSites, color + 1);
        }
        int[] byConfig = usualSites[color];
        if (byConfig == null || index >= byConfig.length) {
            byConfig = usualSites[color] = byConfig == null ? new int[Math.max(16, index + 1)]
                    : java.util.Arrays.copyOf(byConfig, Math.max(2 * byConfig.length, index + 1));
        }
        if (byConfig[index] == 0) {
            byConfig[index] = site + 1;
        }
        return byConfig[index] - 1;
    }

    /** The usual site of routes by config {@code index} on {@code color}, or -1. */
    private int usualSite(int index, int color) {
        int[] byConfig = color >= 0 && color < usualSites.length ? usualSites[color] : null;
        return byConfig == null || index >= byConfig.length ? -1 : byConfig[index] - 1;
    }

    /** The index of the call that set {@code color}'s route at PE {@code pe}, or -1. */
    private int siteIndex(int pe, int color) {
        int site = routeSites.value(pe, color, -1);
        if (site >= 0) {
            return site;
        }
        int index = layout.configIndexAt(pe, color);
        return index < 0 ? -1 : usualSite(index, color);
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
        int site = siteIndex(pe, color);
        return site >= 0 ? sites.get(site) : new SourcePos(file, 1, 1);
    }
}
