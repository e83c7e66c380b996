package org.waferscope.assets;

import java.io.InputStream;
import java.util.List;
import java.util.Objects;

/** The application icon in the sizes window managers ask for. */
public final class AppIcon {
    public static final List<Integer> SIZES = List.of(16, 32, 48, 64, 128, 256);

    private AppIcon() {
    }

    /** The PNG of one size; the caller closes the stream. */
    public static InputStream open(int size) {
        return Objects.requireNonNull(AppIcon.class.getResourceAsStream("icon-" + size + ".png"),
                () -> "missing icon of size " + size);
    }
}
