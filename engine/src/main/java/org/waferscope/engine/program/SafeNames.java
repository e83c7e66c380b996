package org.waferscope.engine.program;

import java.io.IOException;

/**
 * Program folders may come from anyone, so a file name in run.json or {@code @set_tile_code}
 * must name a file inside the folder: relative, no {@code ..}, no backslashes or drive
 * letters, nothing odd.
 */
public final class SafeNames {
    private SafeNames() {
    }

    /** Throws an {@link IOException} saying why {@code name} may not be opened. */
    public static void check(String name) throws IOException {
        if (name == null || name.isEmpty()) {
            throw new IOException("a file name is empty");
        }
        if (name.length() > 200) {
            throw new IOException("file name is too long");
        }
        if (name.startsWith("/") || name.contains("\\") || name.contains(":")) {
            throw new IOException("\"" + name + "\" is not a relative path inside the program folder");
        }
        for (String part : name.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new IOException("\"" + name + "\" leaves the program folder or has an empty part");
            }
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < ' ' || c == 0x7F) {
                throw new IOException("file name has a control character");
            }
        }
    }
}
