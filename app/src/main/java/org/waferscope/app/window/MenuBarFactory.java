package org.waferscope.app.window;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import org.waferscope.app.prefs.AppPreferences;
import org.waferscope.app.session.SimulationSession;
import org.waferscope.views.palette.Palette;

/** The menus, built from the window's actions so each shows its shortcut. */
final class MenuBarFactory {
    private static final double[] REFRESH_RATES = {10, 20, 30, 60};

    private MenuBarFactory() {
    }

    static MenuBar create(WindowActions a, SimulationSession session, AppPreferences prefs, Consumer<Path> open) {
        Menu recent = new Menu("Open recent");
        recent.setOnShowing(e -> fillRecent(recent, prefs, open));
        fillRecent(recent, prefs, open);
        Menu file = new Menu("_File", null, a.open.menuItem(), recent, a.gallery.menuItem(), a.params.menuItem(),
                a.copy.menuItem(),
                new SeparatorMenuItem(), a.exportPng.menuItem(), a.exportCsv.menuItem(), a.exportTrace.menuItem(), a.compare.menuItem(),
                new SeparatorMenuItem(), a.quit.menuItem());

        Menu refresh = new Menu("UI refresh rate");
        ToggleGroup rates = new ToggleGroup();
        for (double r : REFRESH_RATES) {
            RadioMenuItem item = new RadioMenuItem((int) r + " frames per second");
            item.setToggleGroup(rates);
            item.setSelected(r == session.controls().refreshRateProperty().get());
            item.setOnAction(e -> {
                session.controls().refreshRateProperty().set(r);
                prefs.setRefreshRate(r);
            });
            refresh.getItems().add(item);
        }
        Menu sim = new Menu("_Simulation", null, a.runPause.menuItem(), a.step.menuItem(), a.stepN.menuItem(),
                a.stepToTask.menuItem(), a.stepBack.menuItem(), a.reset.menuItem(), new SeparatorMenuItem(), refresh);

        Menu layers = new Menu("Layer");
        a.layers.forEach(l -> layers.getItems().add(l.menuItem()));
        Menu palettes = new Menu("Palette");
        ToggleGroup pg = new ToggleGroup();
        for (Palette p : Palette.values()) {
            RadioMenuItem item = new RadioMenuItem(p.title);
            item.setToggleGroup(pg);
            item.setSelected(p == session.layers().paletteProperty().get());
            item.setOnAction(e -> session.layers().paletteProperty().set(p));
            session.layers().paletteProperty().addListener((o, x, now) -> item.setSelected(now == p));
            palettes.getItems().add(item);
        }
        Menu view = new Menu("_View", null, layers, palettes, a.fit.menuItem(), new SeparatorMenuItem(),
                a.theme.menuItem(), a.bigger.menuItem(), a.smaller.menuItem());
        Menu help = new Menu("_Help", null, a.shortcuts.menuItem(), a.machine.menuItem(), new SeparatorMenuItem(),
                a.about.menuItem());
        MenuBar bar = new MenuBar(file, sim, view, help);
        bar.setId("menu-bar");
        return bar;
    }

    private static void fillRecent(Menu recent, AppPreferences prefs, Consumer<Path> open) {
        recent.getItems().clear();
        for (Path p : prefs.recentPrograms()) {
            MenuItem m = new MenuItem(p.getFileName() + "  —  " + p);
            m.setMnemonicParsing(false);
            m.setOnAction(e -> open.accept(p));
            recent.getItems().add(m);
        }
        if (recent.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No recent programs");
            none.setDisable(true);
            recent.getItems().add(none);
        }
    }
}
