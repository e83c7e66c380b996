package org.waferscope.engine.host;

/**
 * A rectangle of PEs that a host copy covers, and how a flat host array maps onto it.
 *
 * <p>With {@code elementsPerPe = l}, the host array is read as a tensor of shape (h, w, l).
 * Row-major order takes element k of PE (px, py) from index {@code (py*w + px)*l + k};
 * column-major from {@code py + h*(px + w*k)}, as the SDK's memcpy orders do.
 */
public record PeRectangle(int x, int y, int width, int height, int elementsPerPe, boolean columnMajor) {
    public PeRectangle {
        if (width < 1 || height < 1 || elementsPerPe < 1) {
            throw new IllegalArgumentException("empty host copy rectangle");
        }
    }

    public int totalElements() {
        return width * height * elementsPerPe;
    }

    /** Index in the host array of element k of the PE at offset (px, py) in the rectangle. */
    public int index(int px, int py, int k) {
        return columnMajor ? py + height * (px + width * k) : (py * width + px) * elementsPerPe + k;
    }
}
