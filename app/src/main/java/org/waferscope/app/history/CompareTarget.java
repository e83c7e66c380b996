package org.waferscope.app.history;

import java.nio.file.Path;
import java.util.Map;

/** The second run of a comparison: a program folder and the params to load it with (empty: its run.json's). */
public record CompareTarget(Path folder, Map<String, String> params) {
    public String label() {
        StringBuilder b = new StringBuilder(folder.getFileName() == null ? folder.toString() : folder.getFileName().toString());
        params.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        return b.toString();
    }
}
