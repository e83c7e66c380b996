package org.waferscope.app.prefs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.waferscope.views.palette.Palette;

/**
 * Preferences kept in a {@link Preferences} node that the composition root injects (the
 * user node in the app, a throwaway node in tests). Values are read and written as they
 * change; nothing is cached here.
 */
public final class AppPreferences {
    /** Recent programs kept, newest first. */
    public static final int RECENT = 8;
    private static final String SEP = "\n";
    /** The JDK's preferences logger, held so that the filter set on it stays (loggers are kept weakly). */
    private static final java.util.logging.Logger JDK_PREFS_LOG = java.util.logging.Logger.getLogger("java.util.prefs");

    private final Preferences node;

    public AppPreferences(Preferences node) {
        this.node = node;
    }

    public Theme theme() {
        return Theme.byName(node.get("theme", Theme.DARK.name()));
    }

    public void setTheme(Theme t) {
        node.put("theme", t.name());
    }

    public Palette palette() {
        return Palette.byName(node.get("palette", Palette.VIRIDIS.name()));
    }

    public void setPalette(Palette p) {
        node.put("palette", p.name());
    }

    /** Root font size in pixels: 12 is 100 %; projectors want 16 or more. */
    public double uiScale() {
        return node.getDouble("uiScale", 1.0);
    }

    public void setUiScale(double s) {
        node.putDouble("uiScale", s);
    }

    public double refreshRate() {
        return node.getDouble("refreshRate", 30);
    }

    public void setRefreshRate(double fps) {
        node.putDouble("refreshRate", fps);
    }

    public List<Path> recentPrograms() {
        String s = node.get("recent", "");
        List<Path> out = new ArrayList<>();
        for (String p : s.split(SEP)) {
            if (!p.isBlank()) {
                out.add(Path.of(p));
            }
        }
        return out;
    }

    /** Puts {@code dir} first in the recent list, dropping duplicates and the oldest. */
    public void addRecent(Path dir) {
        List<Path> list = new ArrayList<>(recentPrograms());
        Path abs = dir.toAbsolutePath().normalize();
        list.remove(abs);
        list.add(0, abs);
        List<String> kept = list.stream().limit(RECENT).map(Path::toString).toList();
        node.put("recent", String.join(SEP, kept));
    }

    public WindowLayout windowLayout() {
        WindowLayout d = WindowLayout.DEFAULT;
        return new WindowLayout(node.getDouble("win.x", d.x()), node.getDouble("win.y", d.y()),
                node.getDouble("win.w", d.width()), node.getDouble("win.h", d.height()),
                node.getBoolean("win.max", d.maximized()), doubles(node.get("win.main", ""), d.mainDividers()),
                node.getDouble("win.centre", d.centreDivider()));
    }

    public void setWindowLayout(WindowLayout l) {
        node.putDouble("win.x", l.x());
        node.putDouble("win.y", l.y());
        node.putDouble("win.w", l.width());
        node.putDouble("win.h", l.height());
        node.putBoolean("win.max", l.maximized());
        node.put("win.main", String.join(",", Arrays.stream(l.mainDividers()).mapToObj(Double::toString).toList()));
        node.putDouble("win.centre", l.centreDivider());
    }

    private static double[] doubles(String s, double[] fallback) {
        try {
            double[] v = Arrays.stream(s.split(",")).mapToDouble(Double::parseDouble).toArray();
            return v.length == fallback.length ? v : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * Drops the JDK's "Couldn't flush user prefs: … Couldn't get file lock" warning, which its
     * background sync logs every 30 s while another Waferscope (or any Java program) holds the
     * user preferences' lock. Nothing is lost: the next sync, or the one at exit, writes them.
     * Other warnings of the preferences still show.
     */
    public static void quietLockFailures() {
        JDK_PREFS_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().contains("Couldn't get file lock"));
    }

    /** Writes the node to its backing store; a failure only loses preferences. */
    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            System.err.println("Waferscope: preferences not saved: " + e.getMessage());
        }
    }

    /**
     * A program's breakpoints as {@code BreakSpec} lines. Keys are per program folder; a
     * preference key is at most 80 characters, so it is the folder's tail and a hash.
     */
    public List<String> breakpoints(String program) {
        String v = node.node("breakpoints").get(breakpointKey(program), "");
        return v.isEmpty() ? List.of() : List.of(v.split("\n"));
    }

    public void setBreakpoints(String program, List<String> lines) {
        java.util.prefs.Preferences bps = node.node("breakpoints");
        if (lines.isEmpty()) {
            bps.remove(breakpointKey(program));
        } else {
            bps.put(breakpointKey(program), String.join("\n", lines));
        }
    }

    static String breakpointKey(String program) {
        String tail = program.length() > 60 ? program.substring(program.length() - 60) : program;
        return tail + "#" + Integer.toHexString(program.hashCode());
    }
}
