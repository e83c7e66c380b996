package org.waferscope.app;

/**
 * The jar's entry point. A plain class (not the JavaFX {@code Application}) so that
 * {@code java -jar} works from the class path without the JavaFX launcher check.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        System.out.println("Waferscope: the explorer is not built yet.");
    }
}
