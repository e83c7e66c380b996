package org.waferscope.app.window;

/** What the window itself does for actions (dialogs, exports, looks); implemented by {@link MainWindow}. */
interface Shell {
    void openFolder();

    void showGallery();

    void editParams();

    void saveCopy();

    void exportPng();

    void exportCsv();

    void exportTrace();

    void compareWith();

    void toggleTheme();

    void scaleUi(double factor);

    void fitFabric();

    void showShortcuts();

    void showMachine();

    void showAbout();

    void quit();
}
