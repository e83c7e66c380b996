package org.waferscope.engine.trace;

/** A rectangle of PEs: column, row, width, height. */
public record PeRect(int x, int y, int width, int height) {
    public PeRect {
        if (x < 0 || y < 0 || width < 1 || height < 1) {
            throw new IllegalArgumentException("a rectangle needs x, y >= 0 and width, height >= 1");
        }
    }

    /** Parses "X,Y,W,H"; a message says what was expected. */
    public static PeRect parse(String text) {
        String[] parts = text.trim().split("\\s*,\\s*");
        if (parts.length != 4) {
            throw new IllegalArgumentException("expected X,Y,W,H (four integers), got '" + text + "'");
        }
        int[] v = new int[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected X,Y,W,H (four integers), got '" + text + "'");
            }
        }
        return new PeRect(v[0], v[1], v[2], v[3]);
    }

    /** This rectangle cut to a fabric's size. */
    public PeRect clip(int fabricWidth, int fabricHeight) {
        if (x >= fabricWidth || y >= fabricHeight) {
            throw new IllegalArgumentException("the rectangle starts at (" + x + ", " + y + "), outside the "
                    + fabricWidth + "x" + fabricHeight + " fabric");
        }
        return new PeRect(x, y, Math.min(width, fabricWidth - x), Math.min(height, fabricHeight - y));
    }

    public int count() {
        return width * height;
    }

    /** PE numbers (y * fabricWidth + x), row by row. */
    public int[] pes(int fabricWidth) {
        int[] out = new int[count()];
        int k = 0;
        for (int j = y; j < y + height; j++) {
            for (int i = x; i < x + width; i++) {
                out[k++] = j * fabricWidth + i;
            }
        }
        return out;
    }
}
