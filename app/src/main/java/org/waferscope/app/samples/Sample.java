package org.waferscope.app.samples;

import java.nio.file.Path;

/**
 * A packaged sample program.
 *
 * @param name    its folder name
 * @param title   the title from run.json, or the name
 * @param summary one line from run.json, or ""
 * @param folder  where it can be read (inside the jar's file system when packaged)
 */
public record Sample(String name, String title, String summary, Path folder) {
}
