package org.waferscope.views.heatmap;

/**
 * Which part of the fabric the heatmap shows, as an immutable value: every zoom or pan
 * returns a new viewport. Pure arithmetic, so it is tested without a window.
 *
 * @param fabricWidth  PEs across
 * @param fabricHeight PEs down
 * @param viewWidth    view width in pixels
 * @param viewHeight   view height in pixels
 * @param scale        pixels per PE
 * @param originX      fabric x (in PEs, fractional) at the view's left edge
 * @param originY      fabric y at the view's top edge
 */
public record Viewport(int fabricWidth, int fabricHeight, double viewWidth, double viewHeight, double scale,
                       double originX, double originY) {
    /** Above this many pixels per PE a closer look shows nothing new. */
    public static final double MAX_SCALE = 128;

    /** The whole fabric, centred, as large as fits. */
    public static Viewport fit(int fabricWidth, int fabricHeight, double viewWidth, double viewHeight) {
        double vw = Math.max(1, viewWidth);
        double vh = Math.max(1, viewHeight);
        double s = Math.min(MAX_SCALE, fitScale(fabricWidth, fabricHeight, vw, vh));
        return new Viewport(fabricWidth, fabricHeight, vw, vh, s, 0, 0).centerOn(fabricWidth / 2.0, fabricHeight / 2.0);
    }

    private static double fitScale(int fw, int fh, double vw, double vh) {
        return Math.min(vw / Math.max(1, fw), vh / Math.max(1, fh));
    }

    /** The smallest scale allowed: half the fitting one, so the fabric never vanishes. */
    public double minScale() {
        return Math.min(1, fitScale(fabricWidth, fabricHeight, viewWidth, viewHeight)) * 0.5;
    }

    /** Zooms by {@code factor}, keeping the fabric point under view pixel (vx, vy) in place. */
    public Viewport zoomAt(double factor, double vx, double vy) {
        double s = Math.max(minScale(), Math.min(MAX_SCALE, scale * factor));
        double fx = toFabricX(vx);
        double fy = toFabricY(vy);
        return new Viewport(fabricWidth, fabricHeight, viewWidth, viewHeight, s, fx - vx / s, fy - vy / s).clamped();
    }

    /** Zooms about the view's centre. */
    public Viewport zoom(double factor) {
        return zoomAt(factor, viewWidth / 2, viewHeight / 2);
    }

    /** Moves the picture by a number of view pixels (positive dx moves the fabric right). */
    public Viewport panBy(double dx, double dy) {
        return new Viewport(fabricWidth, fabricHeight, viewWidth, viewHeight, scale, originX - dx / scale,
                originY - dy / scale).clamped();
    }

    /** Puts fabric point (fx, fy) at the view's centre. */
    public Viewport centerOn(double fx, double fy) {
        return new Viewport(fabricWidth, fabricHeight, viewWidth, viewHeight, scale, fx - viewWidth / 2 / scale,
                fy - viewHeight / 2 / scale).clamped();
    }

    /** The same fabric point stays centred when the view changes size. */
    public Viewport resize(double vw, double vh) {
        double cx = toFabricX(viewWidth / 2);
        double cy = toFabricY(viewHeight / 2);
        return new Viewport(fabricWidth, fabricHeight, Math.max(1, vw), Math.max(1, vh), scale, 0, 0).centerOn(cx, cy);
    }

    /** Keeps at least half a view of fabric in sight, or centres a fabric smaller than the view. */
    Viewport clamped() {
        double visW = viewWidth / scale;
        double visH = viewHeight / scale;
        double ox = clampAxis(originX, fabricWidth, visW);
        double oy = clampAxis(originY, fabricHeight, visH);
        return ox == originX && oy == originY ? this
                : new Viewport(fabricWidth, fabricHeight, viewWidth, viewHeight, scale, ox, oy);
    }

    private static double clampAxis(double origin, int fabric, double visible) {
        if (visible >= fabric) {
            return (fabric - visible) / 2;
        }
        double slack = visible / 2;
        return Math.max(-slack, Math.min(fabric - visible + slack, origin));
    }

    public double toFabricX(double vx) {
        return originX + vx / scale;
    }

    public double toFabricY(double vy) {
        return originY + vy / scale;
    }

    public double toViewX(double fx) {
        return (fx - originX) * scale;
    }

    public double toViewY(double fy) {
        return (fy - originY) * scale;
    }

    /** The PE column under view x, or -1 off the fabric. */
    public int columnAt(double vx) {
        double fx = toFabricX(vx);
        return fx < 0 || fx >= fabricWidth ? -1 : (int) fx;
    }

    /** The PE row under view y, or -1 off the fabric. */
    public int rowAt(double vy) {
        double fy = toFabricY(vy);
        return fy < 0 || fy >= fabricHeight ? -1 : (int) fy;
    }

    /** True when every PE is in view (to within a tenth of a PE, so rounding does not count). */
    public boolean showsAll() {
        double e = 0.1;
        return originX <= e && originY <= e && toFabricX(viewWidth) >= fabricWidth - e
                && toFabricY(viewHeight) >= fabricHeight - e;
    }

    /** First visible column (inclusive). */
    public int firstColumn() {
        return Math.max(0, (int) Math.floor(originX));
    }

    /** Last visible column (exclusive). */
    public int endColumn() {
        return Math.min(fabricWidth, (int) Math.ceil(toFabricX(viewWidth)));
    }

    public int firstRow() {
        return Math.max(0, (int) Math.floor(originY));
    }

    public int endRow() {
        return Math.min(fabricHeight, (int) Math.ceil(toFabricY(viewHeight)));
    }

    /** True for the same fabric size (a new frame of the same program keeps the view). */
    public boolean sameFabric(int w, int h) {
        return fabricWidth == w && fabricHeight == h;
    }
}
